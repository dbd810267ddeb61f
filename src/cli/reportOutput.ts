import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnosis } from '../diagnosis/diagnose';
import type { RunOutcome } from '../engine/runner';
import type { RunReport, Target } from '../engine/types';
import { writeReportFile } from '../report/writeReportFile';
import type { Runbook } from '../runbook/schema';
import { inertJson } from '../shared/inertText';

/**
 * `--report FILE`: a markdown incident report when FILE ends in `.md` (summary, timeline, evidence,
 * root cause, fix, instrumentation still in the code under `cwd`), else the JSON run report.
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
      sourceDir: cwd,
    });
  } else {
    fs.writeFileSync(out, inertJson(input.report, 2) + '\n');
  }
  return out;
}
