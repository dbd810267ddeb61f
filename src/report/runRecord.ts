/**
 * One run as it is kept: the inputs (environment without its secrets, what was asked for), every
 * step's verdict, checks and output (already redacted by the engine), the facts with their proofs,
 * the diagnosis, the fixes applied while it was the latest run, and the timestamps. This is what
 * the run history stores as one JSON file, what the results page shows and what the incident report
 * is written from. Validated with zod whenever it is read back.
 */
import { z } from 'zod';
import { CheckVerdict, FactValue, Verdict } from '../runbook/schema';
import { DiagnosisSnapshot } from './diagnosisSnapshot';
import { InstrumentationStatus } from './instrumentationStatus';

export const RECORD_SCHEMA_VERSION = 1;

/** Record ids are safe file-name parts: `20251022T101500Z-1a2b3c`. */
export const RecordId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/);

export const FactRecordSchema = z.object({
  value: FactValue,
  step: z.string(),
  check: z.string().optional(),
  line: z.string().optional(),
});

export const CheckResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  verdict: CheckVerdict,
  reason: z.string(),
  durationMs: z.number(),
  command: z.string(),
  vantage: z.string().optional(),
  output: z.string(),
  cached: z.boolean().optional(),
  facts: z.record(z.string(), FactValue),
  /** Lines and UTF-8 bytes of the output as captured, when only its head and tail are kept. */
  outputSize: z.object({ lines: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() }).optional(),
});

export const StepResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  verdict: Verdict,
  reason: z.string(),
  durationMs: z.number(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  checks: z.array(CheckResultSchema),
  facts: z.record(z.string(), FactValue),
});

export const AppliedFixSchema = z.object({
  id: z.string(),
  argv: z.array(z.string()),
  environment: z.string(),
  appliedAt: z.string(),
  exitCode: z.number(),
  output: z.string(),
  undoArgv: z.array(z.string()).optional(),
});

/** The target of the run without its secrets (no admin token, no database URL). */
export const RecordTarget = z.object({
  name: z.string(),
  flyApp: z.string(),
  runnerUrl: z.string(),
  routerUrl: z.string(),
  routerFlyApp: z.string().optional(),
  flyctlPath: z.string(),
  psqlPath: z.string(),
  production: z.boolean(),
});
export type RecordTarget = z.infer<typeof RecordTarget>;

/** A success criterion as it was evaluated when the record was written (and again when a fix was applied). */
export const CriterionRecord = z.object({ id: z.string(), text: z.string(), status: z.enum(['met', 'notMet', 'unknown']) });
export type CriterionRecord = z.infer<typeof CriterionRecord>;

/** A fix as it was offered with the diagnosis (diagnosis/fixes.ts `offeredFixes`), its command resolved. */
export const OfferedFixRecord = z.object({
  id: z.string(),
  letter: z.string().nullable(),
  title: z.string(),
  kind: z.enum(['command', 'code', 'guidance']),
  text: z.string(),
  command: z.string().nullable(),
  effect: z.string().nullable(),
  recommended: z.boolean(),
  cause: z.object({ id: z.string(), title: z.string(), probability: z.number() }).nullable(),
});
export type OfferedFixRecord = z.infer<typeof OfferedFixRecord>;

export const RunRecord = z.object({
  schemaVersion: z.literal(RECORD_SCHEMA_VERSION),
  id: RecordId,
  runbook: z.object({ id: z.string(), title: z.string() }),
  /** What was asked for: the label shown to the user and the selection (`null` = every check). */
  request: z.object({ label: z.string(), only: z.array(z.string()).nullable() }),
  target: RecordTarget,
  startedAt: z.string(),
  finishedAt: z.string(),
  cancelled: z.boolean(),
  /** Steps that ran in this run; `steps` may also hold results carried over from earlier runs. */
  ranSteps: z.array(z.string()),
  steps: z.array(StepResultSchema),
  facts: z.record(z.string(), FactRecordSchema),
  diagnosis: DiagnosisSnapshot.nullable(),
  fixesApplied: z.array(AppliedFixSchema),
  /** Debug instrumentation found in the workspace when the run finished (null: not looked for). */
  instrumentation: InstrumentationStatus.nullable(),
  /**
   * Evaluated once, when the record is written (report/storedRecord.ts): the success criteria and
   * the fixes offered. Records written before they were kept lack them; reading one fills them in.
   */
  criteria: z.array(CriterionRecord).optional(),
  fixes: z.array(OfferedFixRecord).optional(),
});
export type RunRecord = z.infer<typeof RunRecord>;

/** A record with its evaluations: what the results page and the incident report are drawn from. */
export type DrawableRecord = RunRecord & { criteria: CriterionRecord[]; fixes: OfferedFixRecord[] };

/** A new record id from the run's start time: sortable, unique enough, safe as a file name. */
export function newRecordId(startedAt: string, random: () => number = Math.random): string {
  const d = new Date(startedAt);
  const stamp = Number.isNaN(d.getTime()) ? 'unknown' : d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const suffix = Math.floor(random() * 0xffffff)
    .toString(16)
    .padStart(6, '0');
  return `${stamp}-${suffix}`;
}
