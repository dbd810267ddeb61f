import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnosis } from '../diagnosis/diagnose';
import type { RunOutcome } from '../engine/runner';
import type { RunReport, Target } from '../engine/types';
import { writeReportFile } from '../report/writeReportFile';
import type { CliIo } from './io';
import { UsageError } from './targetArgs';
import type { Runbook } from '../runbook/schema';
import { inertJson } from '../shared/inertText';
import { errorMessage } from '../shared/errorMessage';

/**
 * Fails before the run when `--report FILE` cannot be written (its folder is missing and cannot be
 * made, it is a directory, a file stands where a folder should be, no write permission), so a long
 * run's results are not lost to a typo in the path.
 */
export function checkReportWritable(file: string, cwd: string): void {
  const out = path.resolve(cwd, file);
  const why = (reason: string) => new UsageError(`--report ${file}: ${reason}`);
  let existing = out;
  while (!fs.existsSync(existing)) {
    const up = path.dirname(existing);
    if (up === existing) break;
    existing = up;
  }
  const st = fs.statSync(existing);
  if (existing === out) {
    if (st.isDirectory()) throw why('is a directory');
    if (!st.isFile()) throw why('exists and is not a regular file');
  } else if (!st.isDirectory()) {
    throw why(`${existing} is not a directory`);
  }
  try {
    fs.accessSync(existing, fs.constants.W_OK);
  } catch {
    throw why(`${existing} is not writable`);
  }
}

/**
 * The folder searched for instrumentation left in the code: the Go module or repository the CLI
 * runs in (the nearest folder up from `cwd` holding go.mod, go.work or .git), never a whole disk
 * (`--report` from `/` used to walk everything); null outside any.
 */
export function sourceRootOf(cwd: string): string | null {
  for (let d = path.resolve(cwd); ; d = path.dirname(d)) {
    if (['go.mod', 'go.work', '.git'].some((m) => fs.existsSync(path.join(d, m)))) return d;
    if (path.dirname(d) === d) return null;
  }
}

/**
 * Writes the report after the results were printed; a failure (the disk filled up, the folder
 * went away) is said on stderr and returns false, the results already being on screen.
 */
export async function writeReportAfterRun(file: string, cwd: string, input: Parameters<typeof writeCliReport>[2], io: CliIo): Promise<boolean> {
  try {
    await writeCliReport(file, cwd, input);
    return true;
  } catch (e) {
    io.stderr(`beacon-debug: --report ${file}: could not write it: ${errorMessage(e)}\n`);
    return false;
  }
}

/**
 * `--report FILE`: a markdown incident report when FILE ends in `.md` (summary, timeline, evidence,
 * root cause, fix, instrumentation still in the code of `cwd`'s module or repository), else the JSON
 * run report.
 */
export async function writeCliReport(
  file: string,
  cwd: string,
  input: { runbook: Runbook; target: Target; label: string; only?: readonly string[] | null; outcome: Pick<RunOutcome, 'startedAt' | 'finishedAt' | 'results' | 'facts' | 'preflight' | 'cancelled'>; diagnosis?: Diagnosis | null; report: RunReport },
): Promise<string> {
  const out = path.resolve(cwd, file);
  if (/\.md$/i.test(out)) {
    await writeReportFile(out, {
      runbook: input.runbook,
      target: input.target,
      request: { label: input.label, only: input.only ?? null },
      outcome: input.outcome,
      diagnosis: input.diagnosis ?? null,
      sourceDir: sourceRootOf(cwd),
    });
  } else {
    fs.writeFileSync(out, inertJson(input.report, 2) + '\n');
  }
  return out;
}
