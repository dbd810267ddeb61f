/**
 * Every run kept as one JSON file (`run-<id>.json`) in a directory — the extension passes its
 * workspace storage folder. The history is capped: when a save goes over the cap, the oldest runs
 * are deleted and the caller gets a notice to show. Files are written atomically (temporary file,
 * then rename) and validated when read; a file that does not validate is reported, never deleted.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { historyEntry } from './historyEntry';
import { RecordId, RunRecord } from './runRecord';
import type { HistoryEntry } from '../shared/runView';
import { inertJson } from '../shared/inertText';
import { errorMessage } from '../shared/errorMessage';

export const DEFAULT_HISTORY_CAP = 50;
const FILE = /^run-([A-Za-z0-9][A-Za-z0-9_.-]{0,79})\.json$/;

export interface SaveResult {
  file: string;
  /** Runs deleted to stay within the cap, oldest first. */
  dropped: HistoryEntry[];
  /** What to tell the user when runs were dropped. */
  notice: string | null;
}

export interface HistoryProblem {
  file: string;
  reason: string;
}

export interface HistoryListing {
  /** Newest first. */
  entries: HistoryEntry[];
  problems: HistoryProblem[];
}

interface Cached {
  mtimeMs: number;
  size: number;
  entry: HistoryEntry;
}

export class RunHistory {
  private readonly cache = new Map<string, Cached>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dir: string,
    readonly cap = DEFAULT_HISTORY_CAP,
  ) {
    if (!Number.isInteger(cap) || cap < 1) throw new Error(`history cap must be a positive integer, not ${cap}`);
  }

  fileOf(id: string): string {
    if (!RecordId.safeParse(id).success) throw new Error(`not a run id: ${JSON.stringify(id)}`);
    return path.join(this.dir, `run-${id}.json`);
  }

  /** Saves (or replaces) a run, then drops the oldest runs beyond the cap. */
  save(record: RunRecord): Promise<SaveResult> {
    return this.serial(async () => {
      const valid = RunRecord.parse(record);
      const file = await this.write(valid);
      const { entries } = await this.scan();
      const dropped: HistoryEntry[] = [];
      const excess = entries.length - this.cap;
      const oldestFirst = entries.filter((e) => e.id !== valid.id).reverse();
      for (const e of oldestFirst.slice(0, Math.max(0, excess))) {
        await fs.rm(this.fileOf(e.id), { force: true });
        this.cache.delete(`run-${e.id}.json`);
        dropped.push(e);
      }
      return { file, dropped, notice: dropped.length ? dropNotice(dropped, this.cap) : null };
    });
  }

  /** Replaces a saved run with `change(run)`; undefined when there is no such run. */
  update(id: string, change: (r: RunRecord) => RunRecord): Promise<RunRecord | undefined> {
    return this.serial(async () => {
      const current = await this.read(id);
      if (!current) return undefined;
      const next = RunRecord.parse(change(current));
      if (next.id !== id) throw new Error('a run keeps its id when it is updated');
      await this.write(next);
      return next;
    });
  }

  list(): Promise<HistoryListing> {
    return this.serial(() => this.scan());
  }

  load(id: string): Promise<RunRecord | undefined> {
    return this.serial(() => this.read(id));
  }

  async latest(): Promise<RunRecord | undefined> {
    const { entries } = await this.list();
    return entries.length ? this.load(entries[0].id) : undefined;
  }

  private serial<T>(f: () => Promise<T>): Promise<T> {
    const next = this.queue.then(f, f);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async write(r: RunRecord): Promise<string> {
    await fs.mkdir(this.dir, { recursive: true });
    const file = this.fileOf(r.id);
    const tmp = path.join(this.dir, `.tmp-${r.id}-${process.pid}-${Date.now()}`);
    await fs.writeFile(tmp, inertJson(r), 'utf8');
    await fs.rename(tmp, file);
    this.cache.delete(path.basename(file));
    return file;
  }

  private async read(id: string): Promise<RunRecord | undefined> {
    let text: string;
    try {
      text = await fs.readFile(this.fileOf(id), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    return RunRecord.parse(JSON.parse(text));
  }

  private async scan(): Promise<HistoryListing> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], problems: [] };
      throw e;
    }
    const entries: HistoryEntry[] = [];
    const problems: HistoryProblem[] = [];
    const present = new Set<string>();
    for (const name of names) {
      const m = FILE.exec(name);
      if (!m) continue;
      present.add(name);
      const file = path.join(this.dir, name);
      try {
        const st = await fs.stat(file);
        const hit = this.cache.get(name);
        if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) {
          entries.push(hit.entry);
          continue;
        }
        const parsed = RunRecord.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
        if (!parsed.success) {
          problems.push({ file, reason: `not a Beacon Debug run: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim() });
          continue;
        }
        if (parsed.data.id !== m[1]) {
          problems.push({ file, reason: `holds run ${parsed.data.id}, not ${m[1]}` });
          continue;
        }
        const entry = historyEntry(parsed.data);
        this.cache.set(name, { mtimeMs: st.mtimeMs, size: st.size, entry });
        entries.push(entry);
      } catch (e) {
        problems.push({ file, reason: errorMessage(e) });
      }
    }
    for (const k of [...this.cache.keys()]) if (!present.has(k)) this.cache.delete(k);
    entries.sort((x, y) => y.startedAt.localeCompare(x.startedAt) || y.id.localeCompare(x.id));
    return { entries, problems };
  }
}

function dropNotice(dropped: HistoryEntry[], cap: number): string {
  const what =
    dropped.length === 1
      ? `the run of ${dropped[0].startedAt} (${dropped[0].label}, ${dropped[0].environment})`
      : `${dropped.length} runs, the oldest from ${dropped[0].startedAt}`;
  return `Beacon Debug keeps the last ${cap} runs: dropped ${what}. Export a report first to keep a run.`;
}
