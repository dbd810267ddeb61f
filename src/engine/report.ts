/**
 * The run report (DESIGN.md "the run report") and the exit codes. `run` leaves the diagnosis
 * fields null; the diagnosis fills them.
 */
import { createRedactor, redactDeep, type Redactor } from './redact';
import { PREFLIGHT_STEP } from './runner';
import { EXIT, type CheckResult, type RunReport, type StepResult } from './types';
import { worstVerdict } from './verdicts';

export interface ReportInput {
  environment: string;
  startedAt: string;
  finishedAt: string;
  results: readonly StepResult[];
  /** Preflight checks; reported as a `preflight` step first when there are any. */
  preflight?: readonly CheckResult[];
}

export function preflightStep(preflight: readonly CheckResult[]): RunReport['steps'][number] {
  const verdict = worstVerdict(preflight.map((c) => c.verdict));
  const reasons = preflight.filter((c) => c.verdict === verdict).map((c) => c.reason);
  return {
    id: PREFLIGHT_STEP,
    verdict,
    durationMs: preflight.reduce((m, c) => Math.max(m, c.durationMs), 0),
    reason: reasons.join(' '),
    facts: Object.fromEntries(preflight.flatMap((c) => Object.entries(c.facts).filter(([k]) => !k.startsWith('$')))),
  };
}

/** The report, with every string passed through the redactor once more. */
export function buildRunReport(input: ReportInput, redactor: Redactor = createRedactor()): RunReport {
  const steps: RunReport['steps'] = [
    ...(input.preflight?.length ? [preflightStep(input.preflight)] : []),
    ...input.results.map((r) => ({ id: r.id, verdict: r.verdict, durationMs: r.durationMs, reason: r.reason, facts: { ...r.facts } })),
  ];
  return redactDeep<RunReport>(
    {
      schemaVersion: 1,
      environment: input.environment,
      startedAt: input.startedAt,
      finishedAt: input.finishedAt,
      steps,
      rootCause: null,
      ranked: null,
      evidence: null,
      nextStep: null,
      fix: null,
    },
    redactor,
  );
}

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * 0 nothing failed; 1 a check failed; 3 a check could not run (error), or the preflight stopped
 * the run. A failure outranks an error: it is the more specific news.
 */
export function exitCodeFor(results: readonly { verdict: string }[], preflight: readonly CheckResult[] = []): ExitCode {
  if (preflight.some((c) => c.verdict === 'fail' || c.verdict === 'error')) return EXIT.couldNotRun;
  if (results.some((r) => r.verdict === 'fail')) return EXIT.failed;
  if (results.some((r) => r.verdict === 'error')) return EXIT.couldNotRun;
  return EXIT.ok;
}

/** The one-line explanation printed for a non-zero exit code. */
export function exitMessage(code: ExitCode, results: readonly { id: string; verdict: string }[] = []): string {
  const ids = (v: string) => results.filter((r) => r.verdict === v).map((r) => r.id).join(', ');
  switch (code) {
    case EXIT.ok:
      return 'nothing failed';
    case EXIT.failed:
      return `a check failed (${ids('fail')})`;
    case EXIT.usage:
      return 'usage or configuration error';
    case EXIT.couldNotRun:
      return ids('error') ? `a check could not run (${ids('error')})` : 'the preflight stopped the run: the checks could not run';
  }
}
