/**
 * An app's log buffer as Fly keeps it, and the two ways `flyctl logs` prints it: text lines with the
 * Fly prefix (`2025-10-09T15:37:50.766 app[857509c4e7d578] lhr [info] <line>`) and `--json`, a stream
 * of indented JSON objects (several lines each).
 */

/** Who emitted the line, as Fly labels it: the app's own output, the platform, health checks, the proxy. */
export type LogProvider = 'app' | 'runner' | 'health' | 'proxy';

export interface LogEntry {
  /** Increasing per buffer; `flyctl logs` (streaming) asks for entries after the last one it printed. */
  seq: number;
  /** Epoch milliseconds. */
  ts: number;
  instance: string;
  region: string;
  provider: LogProvider;
  /** Fly's level for the line (app output is always `info`). */
  level: string;
  message: string;
}

export interface LogFilter {
  region?: string;
  instance?: string;
}

/** How many lines `flyctl logs --no-tail` returns at most (the newest ones). */
export const FLY_LOG_PAGE = 100;

export class LogBuffer {
  private entries: LogEntry[] = [];
  private nextSeq = 1;

  constructor(private readonly capacity = 2000) {}

  append(e: Omit<LogEntry, 'seq'>): LogEntry {
    const entry = { ...e, seq: this.nextSeq++ };
    // keep the buffer in time order even when a line is scheduled slightly before the newest one
    let i = this.entries.length;
    while (i > 0 && this.entries[i - 1].ts > entry.ts) i--;
    this.entries.splice(i, 0, entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    return entry;
  }

  clear(): void {
    this.entries = [];
  }

  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  /** The newest `limit` entries that pass the filter, oldest first. */
  recent(filter: LogFilter = {}, limit = FLY_LOG_PAGE): LogEntry[] {
    const out = this.entries.filter((e) => matches(e, filter));
    return out.slice(Math.max(0, out.length - limit));
  }

  /** Entries appended after `seq` (in time order) that pass the filter. */
  after(seq: number, filter: LogFilter = {}): LogEntry[] {
    return this.entries.filter((e) => e.seq > seq && matches(e, filter));
  }

  all(): readonly LogEntry[] {
    return this.entries;
  }
}

function matches(e: LogEntry, f: LogFilter): boolean {
  return (!f.region || e.region === f.region) && (!f.instance || e.instance === f.instance);
}

/** `2025-10-09T15:37:50.766` — the timestamp `flyctl logs` prints (UTC, milliseconds, no zone). */
export function flyTimestamp(ts: number): string {
  return new Date(ts).toISOString().slice(0, 23);
}

/** How a flyctl version prints the prefix (see WorldVariation.flyPrefix). */
export type FlyPrefixStyle = 'standard' | 'no-region' | 'bare-instance' | 'colored';

/** One text line of `flyctl logs`. */
export function renderFlyText(e: LogEntry, style: FlyPrefixStyle = 'standard'): string {
  const ts = flyTimestamp(e.ts);
  switch (style) {
    case 'no-region':
      return `${ts} ${e.provider}[${e.instance}] [${e.level}] ${e.message}`;
    case 'bare-instance':
      return `${ts}Z ${e.instance} ${e.region} [${e.level}] ${e.message}`;
    case 'colored':
      return `\u001b[2m${ts}\u001b[0m ${e.provider}[${e.instance}] \u001b[32m${e.region}\u001b[0m [\u001b[34m${e.level}\u001b[0m] ${e.message}`;
    default:
      return `${ts} ${e.provider}[${e.instance}] ${e.region} [${e.level}] ${e.message}`;
  }
}

/**
 * One `flyctl logs --json` object, as flyctl's encoder writes it: two-space indentation, its struct's
 * field order, and Go's escaping of `<`, `>` and `&`.
 */
export function renderFlyJson(e: LogEntry): string {
  const obj = {
    instance: e.instance,
    level: e.level,
    message: e.message,
    region: e.region,
    timestamp: new Date(e.ts).toISOString(),
    meta: {
      Instance: e.instance,
      Region: e.region,
      Event: { Provider: e.provider },
      HTTP: { Request: { ID: '', Method: '', Version: '' }, Response: { status_code: 0 } },
      Error: { Code: 0, Message: '' },
      URL: { Full: '' },
    },
  };
  return JSON.stringify(obj, null, 2).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}

export function renderFly(entries: readonly LogEntry[], json: boolean, style?: FlyPrefixStyle): string {
  return entries.map((e) => (json ? renderFlyJson(e) : renderFlyText(e, style)) + '\n').join('');
}
