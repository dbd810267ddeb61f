/**
 * The built-in Execution Failure Debug Plan. Loaded at start-up by the extension and the CLI, so this
 * module needs neither the YAML parser nor zod: the build (scripts/compile-runbook.mjs) validates the plan
 * and writes the schema's output as JSON with two hashes — of the YAML it came from and of the data it
 * holds. While both match, that JSON is the plan as validated; otherwise (an edited YAML or JSON, a JSON
 * compiled without validation) the YAML or the JSON goes through the schema here (`./load`).
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as Load from './load';
import { packageRoot } from './paths';
import { RunbookError } from './runbookError';
import type { Runbook } from './schema';

export const BUILTIN_RUNBOOK_FILE = 'runbooks/execution-failure.yaml';
/** Written by scripts/compile-runbook.mjs: `{format, source, sha256 of the YAML, data}`; format 2 adds `dataSha256`, data as a JSON string. */
export const COMPILED_RUNBOOK_FILE = 'dist/execution-failure.runbook.json';

export type BuiltinSource = 'compiled' | 'validated' | 'yaml';
const builtins = new Map<string, { runbook: Runbook; from: BuiltinSource }>();

/** The built-in plan, loaded once per package root. */
export function loadBuiltinRunbook(root = packageRoot()): Runbook {
  return builtinRunbookInfo(root).runbook;
}

const load = (): typeof Load => require('./load') as typeof Load;
const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/**
 * `loadBuiltinRunbook`, and where it came from: `compiled` (the build's validated JSON, as it is),
 * `validated` (the JSON, run through the schema here) or `yaml`.
 */
export function builtinRunbookInfo(root = packageRoot()): { runbook: Runbook; from: BuiltinSource } {
  let hit = builtins.get(root);
  if (!hit) {
    const file = path.join(root, BUILTIN_RUNBOOK_FILE);
    let text: string | undefined;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new RunbookError(file, [{ path: '', message: `cannot read: ${(e as Error).message}` }]);
    }
    const compiled = readCompiled(path.join(root, COMPILED_RUNBOOK_FILE));
    // the packages ship the compiled plan only; a checkout has the YAML, which wins when they differ
    const current = compiled !== undefined && (text === undefined || compiled.sha256 === sha256(text));
    if (current && compiled.trusted) hit = { runbook: compiled.data as Runbook, from: 'compiled' };
    else if (current) hit = { runbook: load().validateRunbook(compiled.data, file), from: 'validated' };
    else if (text !== undefined) hit = { runbook: load().parseRunbook(text, file), from: 'yaml' };
    else throw new RunbookError(file, [{ path: '', message: `cannot read: neither ${BUILTIN_RUNBOOK_FILE} nor ${COMPILED_RUNBOOK_FILE} is there` }]);
    builtins.set(root, hit);
  }
  return hit;
}

function readCompiled(file: string): { sha256: string; data: unknown; trusted: boolean } | undefined {
  try {
    const c = JSON.parse(fs.readFileSync(file, 'utf8')) as { format?: unknown; sha256?: unknown; data?: unknown; dataSha256?: unknown };
    if (typeof c.sha256 !== 'string') return undefined;
    if (c.format === 1) return { sha256: c.sha256, data: c.data, trusted: false };
    if (c.format === 2 && typeof c.data === 'string') {
      return { sha256: c.sha256, data: JSON.parse(c.data), trusted: c.dataSha256 === sha256(c.data) };
    }
    return undefined;
  } catch {
    return undefined; // not built (tests from out/, a fresh clone): the YAML serves
  }
}
