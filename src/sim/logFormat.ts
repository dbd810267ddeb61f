/**
 * The line formats the simulated apps print: zerolog's console writer with its ANSI colours (the
 * runner, BEACON-FACTS "Log formats seen in production"), zerolog JSON (when GIN_MODE=release), and
 * Python logging / uvicorn lines (the router).
 */

const colorize = (s: string, code: number) => `\u001b[${code}m${s}\u001b[0m`;
const [RED, CYAN, DARK_GRAY, BOLD] = [31, 36, 90, 1];

export type ZerologLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** A field value: a string (quoted when zerolog would), a number or boolean, or raw JSON. */
export type FieldValue = string | number | boolean | { json: unknown };
export type Fields = Record<string, FieldValue>;

/** Each level's text and colour in zerolog's console writer (debug is not coloured; error and fatal are bold red). */
const LEVELS: Record<ZerologLevel, [string, number?]> = { trace: ['TRC', 34], debug: ['DBG'], info: ['INF', 32], warn: ['WRN', 33], error: ['ERR'], fatal: ['FTL'] };

function levelColoured(level: ZerologLevel): string {
  const [text, code] = LEVELS[level];
  if (level === 'error' || level === 'fatal') return colorize(colorize(text, RED), BOLD);
  return code === undefined ? text : colorize(text, code);
}

/** zerolog's console writer quotes a string that has a space, a quote, a backslash or a non-ASCII rune. */
function needsQuote(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x20 || c > 0x7e || ch === ' ' || ch === '\\' || ch === '"') return true;
  }
  return false;
}

/** Go's strconv.Quote for the characters the simulator's values use. */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u00([0-9a-f]{2})/g, (_m, h: string) => `\\x${h}`);
}

function consoleValue(v: FieldValue): string {
  if (typeof v === 'object') return JSON.stringify(v.json);
  if (typeof v !== 'string') return String(v);
  return needsQuote(v) ? goQuote(v) : v;
}

/** `2025-10-09T15:37:50Z` (zerolog's default time format, RFC 3339 seconds). */
export function rfc3339(ts: number): string {
  return new Date(Math.floor(ts / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * One zerolog console line, coloured: time, level, message, then the fields sorted by name with
 * `error` first (as zerolog's ConsoleWriter orders them).
 */
export function zerologConsole(ts: number, level: ZerologLevel, message: string, fields: Fields = {}, color = true): string {
  const names = Object.keys(fields).sort();
  const errIdx = names.indexOf('error');
  if (errIdx > 0) names.unshift(...names.splice(errIdx, 1));
  const parts: string[] = [];
  parts.push(color ? colorize(rfc3339(ts), DARK_GRAY) : rfc3339(ts));
  parts.push(color ? levelColoured(level) : LEVELS[level][0]);
  if (message) parts.push(message);
  for (const n of names) {
    const value = consoleValue(fields[n]);
    if (!color) parts.push(`${n}=${value}`);
    else if (n === 'error') parts.push(`${colorize(`${n}=`, CYAN)}${colorize(value, RED)}`);
    else parts.push(`${colorize(`${n}=`, CYAN)}${value}`);
  }
  return parts.join(' ');
}

/** One zerolog JSON line (`GIN_MODE=release`): fields in the order they were added, then time and message. */
export function zerologJson(ts: number, level: ZerologLevel, message: string, fields: Fields = {}): string {
  const obj: Record<string, unknown> = { level };
  for (const [k, v] of Object.entries(fields)) obj[k] = typeof v === 'object' ? v.json : v;
  obj.time = rfc3339(ts);
  if (message) obj.message = message;
  return JSON.stringify(obj);
}

export type PyLevel = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';

/** Python's default logging format: `LEVEL:logger:message`. */
export function pythonLog(level: PyLevel, logger: string, message: string): string {
  return `${level}:${logger}:${message}`;
}

/** uvicorn's access log line. */
export function uvicornAccess(client: string, method: string, path: string, status: number): string {
  const reason: Record<number, string> = { 200: 'OK', 404: 'Not Found', 405: 'Method Not Allowed', 422: 'Unprocessable Entity', 500: 'Internal Server Error' };
  return `INFO:     ${client} - "${method} ${path} HTTP/1.1" ${status}${reason[status] ? ' ' + reason[status] : ''}`;
}
