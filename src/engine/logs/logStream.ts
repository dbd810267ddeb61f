/**
 * `Beacon Debug: Stream Runner Logs` without VS Code: the argv, the plan's filter, and a stream of
 * output chunks made into lines — one splitter per output stream, secrets redacted, colours
 * stripped for display — with memory bounded however long it runs.
 */
import { stripAnsi } from './logLines';

/** `flyctl logs -a APP` without `--no-tail`: it streams until stopped. */
export function flyctlLogsArgv(flyctl: string, app: string): string[] {
  return [flyctl, 'logs', '-a', app];
}

/** The plan's Deployment Commands filter, `grep -E "(TRACE|CRITICAL|HYBRID)"`: case-sensitive, anywhere in the line. */
export const PLAN_LOG_FILTER = /TRACE|CRITICAL|HYBRID/;

/**
 * Cuts chunks into lines. A partial line waits for the next chunk, but never grows past `maxLine`
 * characters: a process that prints without newlines cannot fill the memory.
 */
export class LineSplitter {
  private partial = '';
  constructor(private readonly maxLine = 64 * 1024) {}

  push(chunk: string): string[] {
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop() ?? '';
    const out = parts.map((l) => l.replace(/\r$/, ''));
    while (this.partial.length > this.maxLine) {
      out.push(this.partial.slice(0, this.maxLine));
      this.partial = this.partial.slice(this.maxLine);
    }
    return out;
  }

  /** The trailing partial line, if any (at the end of the stream). */
  flush(): string[] {
    const rest = this.partial.replace(/\r$/, '');
    this.partial = '';
    return rest ? [rest] : [];
  }
}

/** The last `max` lines (a ring: pushing is O(1), nothing older is kept). */
export class BoundedLines {
  private readonly ring: string[] = [];
  private start = 0;
  /** Lines pushed out to respect the bound. */
  dropped = 0;

  constructor(readonly max: number) {
    if (!(max >= 1)) throw new RangeError(`BoundedLines needs max >= 1, got ${max}`);
  }

  push(line: string): void {
    if (this.ring.length < this.max) {
      this.ring.push(line);
      return;
    }
    this.ring[this.start] = line;
    this.start = (this.start + 1) % this.max;
    this.dropped++;
  }

  get size(): number {
    return this.ring.length;
  }

  /** Oldest first; at most the last `n`. */
  lines(n = this.max): string[] {
    const all = [...this.ring.slice(this.start), ...this.ring.slice(0, this.start)];
    return n >= all.length ? all : all.slice(all.length - n);
  }
}

export interface LogStreamOptions {
  /** Show only the plan's TRACE / CRITICAL / HYBRID lines (every line still reaches `onLine`). */
  filter: boolean;
  /** Lines the view may hold; past it, the view is replaced by the newest half. */
  maxLines: number;
  /** Applied to every line before anything else sees it. */
  redact: (line: string) => string;
  /** Every non-empty line (redacted, colours kept: the classifier strips them itself). */
  onLine?: (line: string) => void;
}

/** What the view does with a chunk: append these lines, after replacing its content when `replace` is set. */
export interface LogViewUpdate {
  replace?: string[];
  append: string[];
}

/**
 * A log stream as its view sees it. Lines from stdout and stderr are split separately (a stderr
 * chunk in the middle of a stdout line would otherwise cut it in two). The view holds at most
 * `maxLines`: when it is full, its content is replaced by the newest `maxLines / 2` lines and a
 * note, so memory stays bounded and the reader never faces an empty view.
 */
export class LogStreamLines {
  private readonly splitters = new Map<string, LineSplitter>();
  private readonly recent: BoundedLines;
  private inView = 0;
  /** Every non-empty line received. */
  seen = 0;
  /** Lines that passed the filter. */
  shown = 0;

  constructor(private readonly opts: LogStreamOptions) {
    this.recent = new BoundedLines(Math.max(2, opts.maxLines));
  }

  /** A chunk of one output stream (`stdout`, `stderr` …): each is cut into lines on its own. */
  push(stream: string, chunk: string): LogViewUpdate {
    let splitter = this.splitters.get(stream);
    if (!splitter) this.splitters.set(stream, (splitter = new LineSplitter()));
    return this.take(splitter.push(chunk));
  }

  /** At the end of the stream: the partial lines left. */
  flush(): LogViewUpdate {
    return this.take([...this.splitters.values()].flatMap((s) => s.flush()));
  }

  /** The newest lines shown (at most `maxLines`), oldest first. */
  tail(): string[] {
    return this.recent.lines();
  }

  private take(lines: string[]): LogViewUpdate {
    const update: LogViewUpdate = { append: [] };
    for (const raw of lines) {
      if (raw.trim() === '') continue;
      const line = this.opts.redact(raw);
      this.seen++;
      this.opts.onLine?.(line);
      const text = stripAnsi(line);
      if (this.opts.filter && !PLAN_LOG_FILTER.test(text)) continue;
      this.shown++;
      this.recent.push(text);
      if (this.inView >= this.opts.maxLines) {
        const keep = this.recent.lines(Math.max(1, Math.floor(this.opts.maxLines / 2)));
        update.replace = [`— ${this.shown - keep.length} earlier line(s) cleared to bound memory —`, ...keep];
        update.append = [];
        this.inView = update.replace.length;
        continue;
      }
      update.append.push(text);
      this.inView++;
    }
    return update;
  }
}
