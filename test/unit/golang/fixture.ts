// Shared by the golang unit tests: the Go fixture tree and the parser loaded from node_modules.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runInstrumentCommand } from '../../../src/cli/instrumentCommand';
import { GoInstrumenter } from '../../../src/golang/instrumenter';
import { loadGoParser, wasmPathsFromNodeModules, type GoParser } from '../../../src/golang/parser';

export const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const GO_TREE = path.join(ROOT, 'test', 'go');
export const IMPORT_PATH = 'github.com/beacon/runner-app';
export const APP = path.join(GO_TREE, 'src', ...IMPORT_PATH.split('/'));

/** The four files that hold anchors, relative to the app root. */
export const ANCHOR_FILES = {
  worker: 'internal/worker/job_runner.go',
  hybridExecutor: 'internal/worker/executor_hybrid.go',
  client: 'internal/hybrid/client.go',
  main: 'cmd/runner/main.go',
} as const;

/** Every file of the fixture app (relative path → text), tests included. */
export function readApp(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.go')) out.set(path.relative(APP, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(APP);
  return out;
}

/** The non-test sibling sources of `rel` in `files` (its package's other files). */
export function siblingsOf(files: Map<string, string>, rel: string): string[] {
  const dir = path.posix.dirname(rel);
  return [...files.entries()]
    .filter(([f]) => f !== rel && path.posix.dirname(f) === dir && !f.endsWith('_test.go'))
    .map(([, t]) => t);
}

export function parser(): Promise<GoParser> {
  return loadGoParser(wasmPathsFromNodeModules(ROOT));
}

export async function instrumenter(): Promise<GoInstrumenter> {
  return new GoInstrumenter(await parser());
}

/** Replaces `from` by `to` in `text`, failing loudly when `from` is not there (a variant must not silently be the base). */
export function must(text: string, from: string | RegExp, to: string): string {
  const found = typeof from === 'string' ? text.includes(from) : from.test(text);
  if (!found) throw new Error(`variant edit found nothing to replace: ${String(from)}`);
  return typeof from === 'string' ? text.split(from).join(to) : text.replace(from, to);
}

/** Renames identifiers (whole words) inside the function whose header starts with `header`. */
export function renameInFunction(text: string, header: string, renames: Record<string, string>): string {
  const start = text.indexOf(header);
  if (start < 0) throw new Error(`no function ${header}`);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const end = text.indexOf(`${eol}}${eol}`, start);
  let fn = text.slice(start, end);
  for (const [from, to] of Object.entries(renames)) {
    const re = new RegExp(`\\b${from.replace(/\./g, '\\.')}(?![\\w])`, 'g');
    if (!re.test(fn)) throw new Error(`nothing named ${from} in ${header}`);
    fn = fn.replace(re, to);
  }
  return text.slice(0, start) + fn + text.slice(end);
}

/** `beacon-debug instrument ARGS…` in this process: its exit code and what it printed. */
export async function instrumentCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runInstrumentCommand(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

/** Every file under `dir` with its bytes, by relative path: to check a folder is exactly as it was. */
export function filesIn(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else out.set(path.relative(dir, f), fs.readFileSync(f));
    }
  };
  walk(dir);
  return out;
}
