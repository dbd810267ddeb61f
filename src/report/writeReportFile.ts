/**
 * Writing the incident report to a file: what `beacon-debug run|diagnose|demo --report FILE` and
 * the extension's "Export Report" use.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Runbook } from '../runbook/schema';
import { redactorFor } from '../engine/redact';
import type { Target } from '../engine/types';
import { incidentReport } from './incidentReport';
import { recordFromRun, type RecordInput } from './recordFromRun';
import type { RunRecord } from './runRecord';
import { scanInstrumentation } from './scanInstrumentation';
import { completeRecord } from './storedRecord';

export interface WrittenReport {
  file: string;
  bytes: number;
  record: RunRecord;
}

/** Writes the report of a saved run; the target (when known) supplies the secrets to redact. */
export async function writeRecordReport(
  file: string,
  runbook: Runbook,
  record: RunRecord,
  opts: { target?: Pick<Target, 'adminToken' | 'databaseUrl'>; generatedAt?: string } = {},
): Promise<WrittenReport> {
  const text = incidentReport(runbook, completeRecord(runbook, record), { redactor: opts.target ? redactorFor(opts.target) : undefined, generatedAt: opts.generatedAt });
  const abs = path.resolve(file);
  await fs.mkdir(path.dirname(abs), { recursive: true });
  await fs.writeFile(abs, text, 'utf8');
  return { file: abs, bytes: Buffer.byteLength(text), record };
}

export interface CliReportInput extends Omit<RecordInput, 'instrumentation'> {
  /**
   * The source folder searched for debug instrumentation left in the code (the CLI passes its
   * working directory); `null` skips the search and the report says so.
   */
  sourceDir: string | null;
  generatedAt?: string;
}

/**
 * The CLI's `--report FILE`: builds the run record from the engine's outcome (and the diagnosis,
 * for `diagnose` and `demo`), looks for instrumentation under `sourceDir`, and writes the report.
 */
export async function writeReportFile(file: string, input: CliReportInput): Promise<WrittenReport> {
  const instrumentation = input.sourceDir
    ? await scanInstrumentation(input.sourceDir, { scope: `folder ${path.basename(path.resolve(input.sourceDir))}` })
    : null;
  const record = recordFromRun({ ...input, instrumentation });
  return writeRecordReport(file, input.runbook, record, { target: input.target, generatedAt: input.generatedAt });
}
