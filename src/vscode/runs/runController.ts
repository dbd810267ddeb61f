import * as vscode from 'vscode';
import { runDiagnosis, type Diagnosis } from '../../diagnosis/diagnose';
import { runSteps, type RunOutcome } from '../../engine/runner';
import { redactorFor } from '../../engine/redact';
import type { RunEvent, Target } from '../../engine/types';
import type { Runbook } from '../../runbook/schema';
import type { Environments } from '../environments/environments';
import type { Prompts } from '../prompts';
import type { RunState } from './runState';
import { RunTerminal } from './runTerminal';
import { styled } from '../../report/terminalLines';
import { errorMessage } from '../../shared/errorMessage';

export interface RunRequest {
  /** Step ids, `quick-wins` or `phase-N`; undefined = every automated check. */
  only?: string[];
  label: string;
}

export type RunListener = (outcome: RunOutcome, target: Target, request: RunRequest) => void | Promise<void>;

/**
 * Starts runs against the active environment, feeds the run state and the terminal view,
 * and cancels them. The one place in the extension that calls the engine's runner.
 */
export class RunController implements vscode.Disposable {
  private abort: AbortController | undefined;
  readonly terminal = new RunTerminal('Beacon Debug');
  private readonly listeners: RunListener[] = [];
  private readonly eventListeners: ((e: RunEvent) => void)[] = [];

  constructor(
    private readonly getRunbook: () => Runbook,
    private readonly envs: Environments,
    private readonly state: RunState,
    private readonly prompts: Prompts,
    private readonly log: vscode.LogOutputChannel,
    private readonly timeoutSeconds: () => number,
  ) {
    this.terminal.onInterrupt = () => this.cancel();
  }

  onDidFinishRun(l: RunListener): vscode.Disposable {
    this.listeners.push(l);
    return new vscode.Disposable(() => this.listeners.splice(this.listeners.indexOf(l), 1));
  }

  onEvent(l: (e: RunEvent) => void): vscode.Disposable {
    this.eventListeners.push(l);
    return new vscode.Disposable(() => this.eventListeners.splice(this.eventListeners.indexOf(l), 1));
  }

  get running(): boolean {
    return !!this.abort;
  }

  /** Refuses in an untrusted workspace: nothing runs there, whatever called us. */
  async ensureTrusted(what: string): Promise<boolean> {
    if (vscode.workspace.isTrusted) return true;
    await this.prompts.error(`Beacon Debug does not ${what} in Restricted Mode. Trust this workspace to let it ${what}.`);
    return false;
  }

  /**
   * Runs steps of another runbook (a workspace runbook) into its own state; the built-in plan's
   * results, diagnosis and history are not touched. `runbookCommands` is the caller's approval.
   */
  async runOther(rb: Runbook, state: RunState, request: RunRequest, runbookCommands: 'approved' | 'blocked'): Promise<RunOutcome | undefined> {
    return this.execute(
      request,
      undefined,
      async (_builtin, t, signal, onEvent) => runSteps(rb, t, { only: request.only, preflight: true, timeoutSeconds: this.timeoutSeconds(), signal, onEvent, runbookCommands }),
      { state, notify: false },
    );
  }

  async run(request: RunRequest, target?: Target): Promise<RunOutcome | undefined> {
    return this.execute(request, target, async (rb, t, signal, onEvent) =>
      runSteps(rb, t, { only: request.only, preflight: true, timeoutSeconds: this.timeoutSeconds(), signal, onEvent }),
    );
  }

  /**
   * Runs what the decision tree needs, in its order, stopping as soon as the answer is certain;
   * the outcome reaches the same listeners as a run.
   */
  async diagnose(target?: Target): Promise<{ outcome: RunOutcome; diagnosis: Diagnosis } | undefined> {
    let diagnosis: Diagnosis | undefined;
    const outcome = await this.execute({ label: 'Diagnose' }, target, async (rb, t, signal, onEvent) => {
      const d = await runDiagnosis(rb, t, {
        preflight: true,
        timeoutSeconds: this.timeoutSeconds(),
        signal,
        onEvent: (e) => {
          if (e.type === 'diagnosisRound') this.terminal.line(styled('bold', `◆ Diagnosis round ${e.round}: ${e.steps.join(', ')}`), ` — ${e.reason}`);
          else onEvent(e);
        },
      });
      diagnosis = d.diagnosis;
      return {
        runId: this.state.runId ?? `diagnosis-${Date.now()}`,
        environment: d.environment,
        startedAt: d.startedAt,
        finishedAt: d.finishedAt,
        results: d.results,
        facts: d.facts,
        preflight: d.preflight,
        cancelled: d.cancelled,
      };
    });
    return outcome && diagnosis ? { outcome, diagnosis } : undefined;
  }

  private async execute(
    request: RunRequest,
    target: Target | undefined,
    start: (rb: Runbook, t: Target, signal: AbortSignal, onEvent: (e: RunEvent) => void) => Promise<RunOutcome>,
    into: { state: RunState; notify: boolean } = { state: this.state, notify: true },
  ): Promise<RunOutcome | undefined> {
    const state = into.state;
    if (!(await this.ensureTrusted('run checks'))) return undefined;
    if (this.abort) {
      await this.prompts.warn('A Beacon Debug run is already in progress: cancel it first.');
      return undefined;
    }
    const t = target ?? (await this.envs.resolveTarget());
    if (!t) return undefined;
    const abort = new AbortController();
    this.abort = abort;
    this.terminal.show(true);
    this.terminal.line(`Environment: ${t.name}${t.production ? ' (PRODUCTION)' : ''} — ${request.label}`);
    const redactor = redactorFor(t);
    const redact = (text: string) => redactor.redact(text);
    try {
      const outcome = await start(this.getRunbook(), t, abort.signal, (e: RunEvent) => {
        state.apply(e);
        this.terminal.render(e);
        if (e.type === 'checkFinished') this.log.info(`[${e.step}] ${e.result.verdict} ${e.result.label}: ${redact(e.result.reason)}`);
        if (into.notify) for (const l of this.eventListeners) l(e);
      });
      if (into.notify) for (const l of [...this.listeners]) await l(outcome, t, request);
      return outcome;
    } catch (e) {
      const msg = redact(errorMessage(e));
      this.log.error(`run failed: ${msg}`);
      this.terminal.line(styled('red', `The run could not start: ${msg}`));
      await this.prompts.error(`Beacon Debug: ${msg}`);
      return undefined;
    } finally {
      this.abort = undefined;
      state.running = false;
      state.apply({ type: 'runFinished', runId: state.runId ?? '', results: [], facts: {}, cancelled: abort.signal.aborted, at: new Date().toISOString() });
    }
  }

  cancel(): boolean {
    if (!this.abort) return false;
    this.abort.abort(new Error('cancelled by the user'));
    return true;
  }

  dispose(): void {
    this.cancel();
    this.terminal.dispose();
  }
}
