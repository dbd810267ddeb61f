import * as vscode from 'vscode';
import type { CheckResult, RunEvent, StepResult } from '../../engine/types';
import type { Verdict } from '../../runbook/schema';

export interface StepState {
  verdict: Verdict;
  reason?: string;
  durationMs?: number;
  checks: Map<string, CheckResult | { id: string; verdict: 'running' }>;
  /** Live output of the step's checks, as captured (already redacted). */
  output: string;
}

/**
 * The live state of the current run, fed by engine events. The tree, the status bar and the
 * results page read it; nothing here runs anything.
 */
export class RunState implements vscode.Disposable {
  private readonly steps = new Map<string, StepState>();
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  /** Fires with the step id that changed, or undefined for "everything". */
  readonly onDidChange = this.changed.event;
  runId: string | undefined;
  running = false;
  startedAt: string | undefined;
  finishedAt: string | undefined;
  manualDone = new Set<string>();

  get(stepId: string): StepState | undefined {
    return this.steps.get(stepId);
  }

  verdictOf(stepId: string): Verdict {
    if (this.manualDone.has(stepId)) return 'done';
    return this.steps.get(stepId)?.verdict ?? 'pending';
  }

  reset(): void {
    this.steps.clear();
    this.changed.fire(undefined);
  }

  /** Shows an environment's session: its steps' last results, nothing of another environment's. */
  showResults(results: readonly StepResult[]): void {
    if (this.running) return;
    this.steps.clear();
    for (const r of results) this.steps.set(r.id, { verdict: r.verdict, reason: r.reason, durationMs: r.durationMs, checks: new Map(r.checks.map((c) => [c.id, c])), output: '' });
    this.changed.fire(undefined);
  }

  markDone(stepId: string, done: boolean): void {
    if (done) this.manualDone.add(stepId);
    else this.manualDone.delete(stepId);
    this.changed.fire(stepId);
  }

  apply(e: RunEvent): void {
    switch (e.type) {
      case 'runStarted':
        this.runId = e.runId;
        this.running = true;
        this.startedAt = e.at;
        this.finishedAt = undefined;
        for (const id of e.steps) this.steps.set(id, { verdict: 'pending', checks: new Map(), output: '' });
        this.changed.fire(undefined);
        break;
      case 'stepStarted':
        this.ensure(e.step).verdict = 'running';
        this.changed.fire(e.step);
        break;
      case 'checkStarted':
        this.ensure(e.step).checks.set(e.check, { id: e.check, verdict: 'running' });
        this.changed.fire(e.step);
        break;
      case 'output':
        this.ensure(e.step).output += e.text;
        break;
      case 'checkFinished':
        this.ensure(e.step).checks.set(e.result.id, e.result);
        this.changed.fire(e.step);
        break;
      case 'stepFinished': {
        const s = this.ensure(e.result.id);
        s.verdict = e.result.verdict;
        s.reason = e.result.reason;
        s.durationMs = e.result.durationMs;
        for (const c of e.result.checks) s.checks.set(c.id, c);
        this.changed.fire(e.result.id);
        break;
      }
      case 'runFinished':
        this.running = false;
        this.finishedAt = e.at;
        for (const [, s] of this.steps) if (s.verdict === 'running' || (e.cancelled && s.verdict === 'pending')) s.verdict = e.cancelled ? 'skipped' : s.verdict;
        this.changed.fire(undefined);
        break;
    }
  }

  private ensure(id: string): StepState {
    let s = this.steps.get(id);
    if (!s) this.steps.set(id, (s = { verdict: 'pending', checks: new Map(), output: '' }));
    return s;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
