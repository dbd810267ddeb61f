/**
 * One diagnosis per environment. A session owns one environment's results, facts, applied fixes
 * and its one diagnosis; the sidebar, the results page, the report and the CLI read that diagnosis
 * instead of diagnosing again from what they happen to hold. Switching environment switches
 * session: nothing mixes two environments' facts.
 *
 * Light on purpose (it exists from activation): it imports types only; the diagnosis itself is a
 * function handed in, loaded with the engine on the first run.
 */
import type { Diagnosis } from './diagnose';
import type { AppliedFix, Facts, StepResult, Target } from '../engine/types';

/** Diagnoses the session's facts and results (the caller binds the runbook and the equivalence of steps). */
export type SessionDiagnose = (facts: Facts, results: readonly StepResult[], opts: { target: Target; fixApplied?: boolean }) => Diagnosis;

export class DiagnosisSession {
  results: StepResult[] = [];
  facts: Facts = {};
  readonly fixes: AppliedFix[] = [];
  private current: Diagnosis | undefined;
  /** The runner it talks to: the same name with another runner (a restarted demo) is another system. */
  runnerUrl: string | undefined;

  constructor(readonly environment: string) {}

  get diagnosis(): Diagnosis | undefined {
    return this.current;
  }

  /** A finished run (checks, a re-run, a diagnosis) joins what the session knows; diagnoses once. */
  addRun(run: { results: readonly StepResult[]; facts: Facts }, target: Target, diagnoseFn: SessionDiagnose): Diagnosis {
    this.adopt(target);
    const byId = new Map(this.results.map((r) => [r.id, r]));
    for (const r of run.results) byId.set(r.id, r);
    this.results = [...byId.values()];
    this.facts = { ...this.facts, ...run.facts };
    return this.rediagnose(target, diagnoseFn);
  }

  /** A fix ran against this environment (the next diagnosis knows; the report lists it). */
  recordFix(fix: AppliedFix, runnerUrl: string | undefined): void {
    this.adopt({ name: fix.environment, runnerUrl });
    this.fixes.push(fix);
  }

  rediagnose(target: Target, diagnoseFn: SessionDiagnose): Diagnosis {
    this.current = diagnoseFn(this.facts, this.results, {
      target,
      ...(this.fixes.length ? { fixApplied: this.fixes.some((f) => f.exitCode === 0) } : {}),
    });
    return this.current;
  }

  private adopt(target: { name: string; runnerUrl: string | undefined }): void {
    if (target.name !== this.environment) throw new Error(`a run against "${target.name}" cannot join the session of "${this.environment}"`);
    if (this.runnerUrl !== undefined && target.runnerUrl !== undefined && this.runnerUrl !== target.runnerUrl) this.reset();
    this.runnerUrl = target.runnerUrl ?? this.runnerUrl;
  }

  reset(): void {
    this.results = [];
    this.facts = {};
    this.fixes.length = 0;
    this.current = undefined;
  }
}

/** The sessions by environment, and which one is active. */
export class Sessions {
  private readonly byName = new Map<string, DiagnosisSession>();
  private activeName: string | undefined;
  private readonly listeners = new Set<(s: DiagnosisSession | undefined) => void>();

  /** The session of an environment (created on first use). */
  of(environment: string): DiagnosisSession {
    let s = this.byName.get(environment);
    if (!s) this.byName.set(environment, (s = new DiagnosisSession(environment)));
    return s;
  }

  get active(): DiagnosisSession | undefined {
    return this.activeName === undefined ? undefined : this.of(this.activeName);
  }

  /** Makes `environment` the active session (undefined: none); listeners hear of a change. */
  activate(environment: string | undefined): void {
    if (environment === this.activeName) return;
    this.activeName = environment;
    this.changed();
  }

  /** Tells the listeners that the active session (or what it holds) changed. */
  changed(): void {
    const s = this.active;
    for (const l of [...this.listeners]) l(s);
  }

  onDidChange(listener: (s: DiagnosisSession | undefined) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}
