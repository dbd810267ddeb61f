/**
 * Normalises runner and router log lines so checks and the log classifier match the same text
 * whatever the source: the `flyctl logs` prefix and ANSI colour codes are stripped, zerolog
 * console and JSON lines become `message key=value …`, plain `fmt.Printf` and Python logging
 * lines are kept as they are.
 */

export type LogFormat = 'console' | 'json' | 'plain';

export interface NormalisedLine {
  /** What checks match: `message key=value …` for zerolog, the line itself otherwise. */
  text: string;
  /** `trace`, `debug`, `info`, `warn`, `error`, `fatal`, `panic`. */
  level?: string;
  time?: string;
  fields: Record<string, string>;
  format: LogFormat;
  /**
   * When the log collector received the line (the `flyctl logs` prefix, its `--json` timestamp, a
   * Loki export's first column): milliseconds, where the app's own `time` may have whole seconds.
   */
  receivedAt?: string;
  /** Fly machine id and region when the line came through `flyctl logs`. */
  instance?: string;
  region?: string;
}

const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
// flyctl prints `<time> <provider>[<instance>] <region> [<level>] <message>`; without a provider it
// prints the bare instance id, and with --hide-region (or older versions) no region.
const FLY_PREFIX =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)\s+(?:[a-z][\w-]*\[([0-9a-zA-Z]+)\]|([0-9a-f]{8,32}))\s+(?:([a-z0-9]{2,6})\s+)?\[(\w+)\]\s?/;
const CONSOLE_LEVELS: Record<string, string> = {
  TRC: 'trace', DBG: 'debug', INF: 'info', WRN: 'warn', ERR: 'error', FTL: 'fatal', PNC: 'panic', '???': 'unknown',
};
const TIME_TOKEN = String.raw`(?:\d{4}-\d{2}-\d{2}T\S+|\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:AM|PM)?)`;
const CONSOLE = new RegExp(String.raw`^(?:(${TIME_TOKEN})\s+)?(TRC|DBG|INF|WRN|ERR|FTL|PNC|\?\?\?)\s+(.*)$`);
const PY_ASCTIME = /^(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:[,.]\d+)?)\s+-\s+\S+\s+-\s+(DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+-\s+/;
const PY_PLAIN = /^(DEBUG|INFO|WARNING|ERROR|CRITICAL):(?:[\w.]+:)?\s*/;
const PY_LEVELS: Record<string, string> = { DEBUG: 'debug', INFO: 'info', WARNING: 'warn', ERROR: 'error', CRITICAL: 'fatal' };
const JSON_LEVELS: Record<string, string> = { warning: 'warn', err: 'error', critical: 'fatal' };

export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}

export function normaliseLogLine(raw: string): NormalisedLine {
  let line = stripAnsi(raw).replace(/\r$/, '');
  let flyLevel: string | undefined;
  let time: string | undefined;
  let instance: string | undefined;
  let region: string | undefined;
  const fly = FLY_PREFIX.exec(line);
  if (fly) {
    time = fly[1];
    instance = fly[2] ?? fly[3];
    region = fly[4];
    flyLevel = fly[5].toLowerCase();
    line = line.slice(fly[0].length);
  }
  const out = normaliseMessage(line);
  return {
    ...out,
    level: out.level ?? flyLevel,
    time: out.time ?? time,
    ...(time ? { receivedAt: time } : {}),
    ...(instance ? { instance } : {}),
    ...(region ? { region } : {}),
  };
}

/** Normalises the application's own line (no Fly prefix). */
function normaliseMessage(line: string): NormalisedLine {
  const trimmed = line.trim();
  if (trimmed.startsWith('{') && trimmed.endsWith('}')) {
    try {
      const obj = JSON.parse(trimmed) as unknown;
      if (obj && typeof obj === 'object' && !Array.isArray(obj)) return fromJson(obj as Record<string, unknown>);
    } catch {
      /* not JSON after all: a plain line */
    }
  }
  const c = CONSOLE.exec(trimmed);
  if (c) {
    return { text: c[3], level: CONSOLE_LEVELS[c[2]], time: c[1], fields: splitConsoleFields(c[3]).fields, format: 'console' };
  }
  const py = PY_ASCTIME.exec(trimmed);
  if (py) return { text: trimmed.slice(py[0].length), level: PY_LEVELS[py[2]], time: py[1], fields: {}, format: 'plain' };
  const pp = PY_PLAIN.exec(trimmed);
  if (pp) return { text: trimmed.slice(pp[0].length), level: PY_LEVELS[pp[1]], fields: {}, format: 'plain' };
  return { text: trimmed, fields: {}, format: 'plain' };
}

function renderValue(v: unknown): string {
  if (typeof v === 'string') return v === '' || /[\s"=]/.test(v) ? JSON.stringify(v) : v;
  if (v === null || typeof v !== 'object') return String(v);
  return JSON.stringify(v);
}

function fromJson(obj: Record<string, unknown>): NormalisedLine {
  const fields: Record<string, string> = {};
  const parts: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'level' || k === 'time' || k === 'message' || k === 'msg') continue;
    fields[k] = typeof v === 'string' ? v : JSON.stringify(v);
    parts.push(`${k}=${renderValue(v)}`);
  }
  const message = typeof obj.message === 'string' ? obj.message : typeof obj.msg === 'string' ? obj.msg : '';
  const level = typeof obj.level === 'string' ? obj.level.toLowerCase() : undefined;
  return {
    text: [message, ...parts].filter(Boolean).join(' '),
    level: level ? (JSON_LEVELS[level] ?? level) : undefined,
    time: typeof obj.time === 'string' ? obj.time : typeof obj.time === 'number' ? String(obj.time) : undefined,
    fields,
    format: 'json',
  };
}

/**
 * zerolog's console writer prints `message key=value key=value`, values bare, quoted or JSON.
 * The message ends where the rest of the line parses entirely as fields.
 */
export function splitConsoleFields(rest: string): { message: string; fields: Record<string, string> } {
  if (rest.length > 16384) return { message: rest, fields: {} };
  for (let i = 0; i <= rest.length; i++) {
    if (i > 0 && !(rest[i - 1] === ' ' && rest[i] !== ' ')) continue;
    const fields = parseFields(rest, i);
    if (fields) return { message: rest.slice(0, i).trim(), fields };
  }
  return { message: rest, fields: {} };
}

function parseFields(s: string, start: number): Record<string, string> | undefined {
  const fields: Record<string, string> = {};
  let pos = start;
  let any = false;
  while (pos < s.length) {
    const key = /^[A-Za-z_][\w.-]*=/.exec(s.slice(pos));
    if (!key) return undefined;
    pos += key[0].length;
    const end = valueEnd(s, pos);
    if (end === undefined) return undefined;
    let value = s.slice(pos, end);
    if (value.startsWith('"')) {
      try {
        value = JSON.parse(value) as string;
      } catch {
        /* keep as printed */
      }
    }
    fields[key[0].slice(0, -1)] = value;
    any = true;
    pos = end;
    while (s[pos] === ' ') pos++;
  }
  return any ? fields : undefined;
}

/** End of a field value starting at `pos`: a quoted string, balanced JSON, or up to a space. */
function valueEnd(s: string, pos: number): number | undefined {
  const c = s[pos];
  if (c === '"') {
    for (let i = pos + 1; i < s.length; i++) {
      if (s[i] === '\\') i++;
      else if (s[i] === '"') return i + 1 === s.length || s[i + 1] === ' ' ? i + 1 : undefined;
    }
    return undefined;
  }
  if (c === '{' || c === '[') {
    const end = balancedEnd(s, pos);
    if (end === undefined) return undefined;
    return end === s.length || s[end] === ' ' ? end : undefined;
  }
  let i = pos;
  while (i < s.length && s[i] !== ' ') i++;
  return i;
}

/** Index just past the JSON object/array that starts at `pos` (string-aware), or undefined. */
function balancedEnd(s: string, pos: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = pos; i < s.length; i++) {
    const ch = s[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return undefined;
}

/**
 * `flyctl logs --json` prints a stream of indented JSON objects (several lines each). Returns
 * every complete object in order; text between objects (warnings) and a truncated tail are skipped.
 */
export function parseFlyJsonStream(text: string): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      const end = balancedEnd(text, i);
      if (end === undefined) break;
      try {
        const v = JSON.parse(text.slice(i, end)) as unknown;
        if (Array.isArray(v)) out.push(...v);
        else out.push(v);
        i = end;
        continue;
      } catch {
        /* not JSON: skip this line */
      }
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
      i++;
      continue;
    }
    const nl = text.indexOf('\n', i);
    i = nl < 0 ? text.length : nl + 1;
  }
  return out;
}

function pick(obj: Record<string, unknown>, ...paths: string[]): string | undefined {
  for (const p of paths) {
    let cur: unknown = obj;
    for (const k of p.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined;
    if (typeof cur === 'string') return cur;
  }
  return undefined;
}

/** One `flyctl logs --json` entry (either key style flyctl has used) as a normalised line. */
export function normaliseFlyJsonEntry(entry: unknown): NormalisedLine | undefined {
  if (!entry || typeof entry !== 'object') return undefined;
  const e = entry as Record<string, unknown>;
  const message = pick(e, 'message', 'Message');
  if (message === undefined) return undefined;
  const inner = normaliseMessage(stripAnsi(message));
  const instance = pick(e, 'instance', 'Instance', 'fly.app.instance', 'Meta.Instance');
  const region = pick(e, 'region', 'Region', 'fly.region', 'Meta.Region');
  const receivedAt = pick(e, 'timestamp', 'Timestamp');
  return {
    ...inner,
    level: inner.level ?? pick(e, 'log.level', 'level', 'Level')?.toLowerCase(),
    time: inner.time ?? receivedAt,
    ...(receivedAt ? { receivedAt } : {}),
    ...(instance ? { instance } : {}),
    ...(region ? { region } : {}),
  };
}

/** The output of `flyctl logs --no-tail [--json]` as normalised lines. */
export function normaliseFlyLogs(text: string, json: boolean): NormalisedLine[] {
  if (json) return parseFlyJsonStream(text).map(normaliseFlyJsonEntry).filter((l): l is NormalisedLine => !!l);
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map(normaliseLogLine);
}

/**
 * A log time as epoch milliseconds, and how precise it is: RFC 3339 with or without a fraction or a
 * zone (no zone: UTC, as flyctl prints it), `2025-10-09 15:37:50.766`, epoch seconds / ms / ns.
 * Undefined for a time without a date (zerolog's Kitchen `3:04PM`).
 */
export function logTimeMs(t: string | undefined): { ms: number; precisionMs: number } | undefined {
  if (!t) return undefined;
  const s = t.trim();
  if (/^\d{10}(\.\d+)?$/.test(s)) return { ms: Number(s) * 1000, precisionMs: s.includes('.') ? 1 : 1000 };
  if (/^\d{13}$/.test(s)) return { ms: Number(s), precisionMs: 1 };
  if (/^\d{19}$/.test(s)) return { ms: Number(s.slice(0, 13)) + Number(s.slice(13)) / 1e6, precisionMs: 0.001 };
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:[.,](\d+))?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (!m) return undefined;
  const frac = m[3] ?? '';
  const zone = !m[4] || m[4] === 'Z' ? 'Z' : m[4].length === 5 ? `${m[4].slice(0, 3)}:${m[4].slice(3)}` : m[4];
  const base = Date.parse(`${m[1]}T${m[2]}${zone}`);
  if (Number.isNaN(base)) return undefined;
  return { ms: base + (frac ? Number(`0.${frac}`) * 1000 : 0), precisionMs: frac ? Math.max(10 ** (3 - frac.length), 0.000001) : 1000 };
}
