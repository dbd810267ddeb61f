/**
 * Finds the plan's debug instrumentation still in a source tree: every `.go` file under a folder
 * whose text holds a `// beacon-debug:` marker is checked with the Go instrumenter (real marker
 * comments only, never text inside strings), and the steps of its `begin` markers are listed.
 */
import { type Dirent, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { MARKER_PREFIX } from '../golang/anchors';
import { GoInstrumenter } from '../golang/instrumenter';
import { loadGoParser } from '../golang/parser';
import type { InstrumentationStatus } from './instrumentationStatus';
import { FileReadError, readRegularFile } from '../shared/regularFile';
import { errorMessage } from '../shared/errorMessage';

const SKIP_DIRS = new Set(['.git', 'node_modules', 'vendor', '.hg', '.svn', 'dist', 'out']);
/** Bounds of the walk: a monorepo must not stall the end of a run. */
const MAX_FILES = 20_000;
const MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface ScanOptions {
  /** How the folder is named in the report ("workspace folder runner-app"). */
  scope?: string;
  now?: () => Date;
  /** The instrumenter to use (default: one over the process-wide Go parser). */
  instrumenter?: GoInstrumenter;
}

export async function scanInstrumentation(root: string, opts: ScanOptions = {}): Promise<InstrumentationStatus> {
  const files: InstrumentationStatus['files'] = [];
  const problems: string[] = [];
  let instrumenter = opts.instrumenter;
  let seen = 0;
  const walk = async (dir: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      problems.push(`${rel(root, dir) || '.'}: ${errorMessage(e)}`);
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (seen >= MAX_FILES) return;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(full);
        continue;
      }
      if (!e.isFile() || !e.name.endsWith('.go')) continue;
      seen++;
      try {
        let text: string;
        try {
          text = await readRegularFile(full, MAX_FILE_BYTES);
        } catch (err) {
          if (!(err instanceof FileReadError)) throw err;
          problems.push(`${rel(root, full)}: ${err.code === 'EFBIG' ? `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` : 'not a regular file'}, not checked`);
          continue;
        }
        if (!text.includes(MARKER_PREFIX)) continue;
        instrumenter ??= new GoInstrumenter(await loadGoParser());
        const { markers, problems: broken } = instrumenter.check(text);
        const begins = markers.filter((m) => m.kind === 'begin');
        if (begins.length) {
          files.push({ file: rel(root, full), steps: [...new Set(begins.map((m) => m.step))], lines: begins.map((m) => m.line) });
        }
        for (const p of broken) problems.push(`${rel(root, full)}: ${p.reason}`);
      } catch (err) {
        problems.push(`${rel(root, full)}: ${errorMessage(err)}`);
      }
    }
  };
  await walk(root);
  if (seen >= MAX_FILES) problems.push(`stopped after ${MAX_FILES} Go files`);
  return {
    checkedAt: (opts.now ?? (() => new Date()))().toISOString(),
    scope: opts.scope ?? `folder ${path.basename(root) || root}`,
    files,
    problems,
  };
}

function rel(root: string, p: string): string {
  return path.relative(root, p).split(path.sep).join('/');
}
