/**
 * The built-in Execution Failure Debug Plan. Loaded at start-up by the extension and the CLI, so this
 * module needs neither the YAML parser nor zod (nor, in the packages, node:crypto): the build
 * (scripts/compile-runbook.mjs) validates the plan and writes the schema's output as JSON (format 2) with
 * the SHA-256 of the YAML it came from and the id of the build, which esbuild also writes into this module
 * (BEACON_COMPILED_RUNBOOK_ID). The packages ship only that JSON: the plan as the schema of the same build
 * validated it. In a checkout the YAML is there too and wins when it changed since the build; a JSON from
 * another build (or from tsc's output, which has no build id: the tests) goes through the schema here
 * (`./load`), as does one compiled without validation (format 1).
 */
import type * as Crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as Load from './load';
import { packageRoot } from './paths';
import { RunbookError } from './runbookError';
import type { Runbook } from './schema';
import { errorMessage } from '../shared/errorMessage';

export const BUILTIN_RUNBOOK_FILE = 'runbooks/execution-failure.yaml';
/** Written by scripts/compile-runbook.mjs: `{format, source, sha256 of the YAML, data}`; format 2: validated by the build. */
export const COMPILED_RUNBOOK_FILE = 'dist/execution-failure.runbook.json';

export type BuiltinSource = 'compiled' | 'validated' | 'yaml';

/** Set by scripts/build.mjs (esbuild `define`); not defined in tsc's output. */
declare const BEACON_COMPILED_RUNBOOK_ID: string | undefined;
const buildId = (): string | undefined => (typeof BEACON_COMPILED_RUNBOOK_ID === 'string' ? BEACON_COMPILED_RUNBOOK_ID : undefined);
const builtins = new Map<string, { runbook: Runbook; from: BuiltinSource }>();

/** The built-in plan, loaded once per package root. */
export function loadBuiltinRunbook(root = packageRoot()): Runbook {
  return builtinRunbookInfo(root).runbook;
}

const load = (): typeof Load => require('./load') as typeof Load;
// node:crypto costs milliseconds to load: only a checkout, which has the YAML, pays for it
const sha256 = (s: string) => (require('node:crypto') as typeof Crypto).createHash('sha256').update(s).digest('hex');

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
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new RunbookError(file, [{ path: '', message: `cannot read: ${errorMessage(e)}` }]);
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
    const c = JSON.parse(fs.readFileSync(file, 'utf8')) as { format?: unknown; sha256?: unknown; data?: unknown; buildId?: unknown };
    if (typeof c.sha256 !== 'string' || (c.format !== 1 && c.format !== 2)) return undefined;
    return { sha256: c.sha256, data: c.data, trusted: c.format === 2 && buildId() !== undefined && c.buildId === buildId() };
  } catch {
    return undefined; // not built (tests from out/, a fresh clone): the YAML serves
  }
}
