/**
 * A run record from what the engine returned (and, when there is one, the diagnosis), with every
 * string redacted once more for the target's secrets and each output capped for storage.
 */
import type { Runbook } from '../runbook/schema';
import type { Diagnosis } from '../diagnosis/diagnose';
import type { RunOutcome } from '../engine/runner';
import { PREFLIGHT_STEP } from '../engine/runner';
import { redactDeep, redactorFor } from '../engine/redact';
import type { AppliedFix, CheckResult, Facts, StepResult, Target } from '../engine/types';
import { worstVerdict } from '../engine/verdicts';
import { snapshotDiagnosis } from './diagnosisSnapshot';
import type { InstrumentationStatus } from './instrumentationStatus';
import { capForStorage, excerpt } from './outputText';
import { newRecordId, RECORD_SCHEMA_VERSION, RunRecord, type DrawableRecord, type RecordTarget } from './runRecord';
import { evaluateRecord } from './storedRecord';

export interface RecordInput {
  runbook: Runbook;
  /** The run's target; its secrets are used to redact and are never stored. */
  target: Target;
  request: { label: string; only?: readonly string[] | null };
  /** The engine's outcome (or a diagnosis run, which has the same fields). */
  outcome: Pick<RunOutcome, 'startedAt' | 'finishedAt' | 'results' | 'facts' | 'preflight' | 'cancelled'>;
  /**
   * Results and facts of earlier runs of the session that this run did not replace (the view of
   * the whole incident, not only of the last click). This run's results and facts win.
   */
  carried?: { results: readonly StepResult[]; facts: Facts };
  diagnosis?: Diagnosis | null;
  fixesApplied?: readonly AppliedFix[];
  instrumentation?: InstrumentationStatus | null;
  id?: string;
}

export function recordTarget(t: Target): RecordTarget {
  return {
    name: t.name,
    flyApp: t.flyApp,
    runnerUrl: t.runnerUrl,
    routerUrl: t.routerUrl,
    ...(t.routerFlyApp ? { routerFlyApp: t.routerFlyApp } : {}),
    flyctlPath: t.flyctlPath,
    psqlPath: t.psqlPath,
    production: !!t.production,
  };
}

/** The preflight checks as one step, so that the page and the report show them like the others. */
export function preflightResult(checks: readonly CheckResult[]): StepResult | null {
  if (!checks.length) return null;
  const verdict = worstVerdict(checks.map((c) => c.verdict));
  return {
    id: PREFLIGHT_STEP,
    title: 'Preflight',
    verdict,
    reason: checks.filter((c) => c.verdict === verdict).map((c) => c.reason).join(' '),
    durationMs: checks.reduce((m, c) => Math.max(m, c.durationMs), 0),
    checks: [...checks],
    facts: {},
  };
}

/** Outputs over the storage cap keep their head and tail, and the size they had. */
function capped(r: StepResult): RunRecord['steps'][number] {
  return {
    ...r,
    checks: r.checks.map((c) => {
      const output = capForStorage(c.output);
      if (output === c.output) return c;
      const whole = excerpt(c.output, 1, 1);
      return { ...c, output, outputSize: { lines: whole.lines, bytes: whole.bytes } };
    }),
  };
}

export function recordFromRun(input: RecordInput): DrawableRecord {
  const { outcome } = input;
  const pre = preflightResult(outcome.preflight);
  const own = [...(pre ? [pre] : []), ...outcome.results];
  const ownIds = new Set(own.map((r) => r.id));
  const carried = (input.carried?.results ?? []).filter((r) => !ownIds.has(r.id));
  const record: RunRecord = {
    schemaVersion: RECORD_SCHEMA_VERSION,
    id: input.id ?? newRecordId(outcome.startedAt),
    runbook: { id: input.runbook.id, title: input.runbook.title },
    request: { label: input.request.label, only: input.request.only ? [...input.request.only] : null },
    target: recordTarget(input.target),
    startedAt: outcome.startedAt,
    finishedAt: outcome.finishedAt,
    cancelled: outcome.cancelled,
    ranSteps: own.map((r) => r.id),
    steps: [...carried, ...own].map(capped),
    facts: { ...(input.carried?.facts ?? {}), ...outcome.facts },
    diagnosis: input.diagnosis ? snapshotDiagnosis(input.diagnosis) : null,
    fixesApplied: [...(input.fixesApplied ?? [])],
    instrumentation: input.instrumentation ?? null,
  };
  return RunRecord.parse(redactDeep(evaluateRecord(input.runbook, record, input.target), redactorFor(input.target))) as DrawableRecord;
}
