/**
 * The results page's host: saves every finished run in the history (diagnosed, with the
 * instrumentation still in the workspace), keeps the one panel up to date — live while a run is in
 * progress — and carries out the page's allow-listed actions.
 */
import * as vscode from 'vscode';
import type { DiagnosisSession } from '../../diagnosis/session';
import { stepsToRerun } from '../../diagnosis/fixes';
import type { RunOutcome } from '../../engine/runner';
import type { RunEvent, Target } from '../../engine/types';
import { buildRunView } from '../../report/buildRunView';
import { compareRuns } from '../../report/compareRuns';
import type { InstrumentationStatus } from '../../report/instrumentationStatus';
import { recordFromRun, type RecordInput } from '../../report/recordFromRun';
import { completeRecord, withAppliedFix } from '../../report/storedRecord';
import { DEFAULT_HISTORY_CAP, RunHistory } from '../../report/runHistory';
import type { RunRecord } from '../../report/runRecord';
import { countVerdicts } from '../../report/verdictCounts';
import type { PageMessage, PageState } from '../../shared/webviewProtocol';
import type { RunRequest } from '../runs/runController';
import type { Services } from '../services';
import { applyFixWithConfirmation, type FixRequest, type FixResult } from './fixAction';
import { liveRunView, liveStepView, type LiveRunInfo } from './liveRun';
import { outputUri } from './outputDocument';
import { copyReport, exportReportToFile } from './reportExport';
import { RESULTS_TITLE, RESULTS_VIEW_TYPE, resultsWebviewOptions } from './resultsHtml';
import { ResultsPanel } from './resultsPanel';
import { findWorkspaceInstrumentation } from './workspaceInstrumentation';
import { errorMessage } from '../../shared/errorMessage';

export interface ResultsDeps {
  /** Folder of the run history (default: the extension's workspace storage, else its global storage, `/runs`). */
  historyDir?: string;
  /** Runs kept (default 50). */
  historyCap?: number;
  /** Applies a fix after the modal confirmation (default: `applyFixWithConfirmation`). */
  applyFix?: (req: FixRequest) => Promise<{ result: FixResult; rerun?: string[]; title?: string }>;
  /** Debug instrumentation left in the workspace (default: a scan of the workspace's Go files). */
  findInstrumentation?: () => Promise<InstrumentationStatus | null>;
  /** Open the panel when a run finishes (default true). */
  openAfterRun?: boolean;
}

const EMPTY_TEXT =
  'No run yet. Run the Quick Win Checklist (Beacon Debug: Run Quick Win Checklist), or start the demo environment to try everything against the built-in simulator. Every run is kept here.';
const FLUSH_MS = 150;

type Action = Exclude<PageMessage, { type: 'ready' }>;

export class ResultsController implements vscode.Disposable {
  readonly history: RunHistory;
  private panel: ResultsPanel | undefined;
  private live: LiveRunInfo | undefined;
  private readonly dirty = new Set<string>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private notifiedDrop = false;
  private readonly saved = new vscode.EventEmitter<RunRecord>();
  /** Fires after a run was saved to the history (and the panel updated). */
  readonly onDidSaveRun = this.saved.event;

  constructor(
    private readonly s: Services,
    private readonly deps: ResultsDeps = {},
  ) {
    const base = s.context.storageUri ?? s.context.globalStorageUri;
    this.history = new RunHistory(deps.historyDir ?? vscode.Uri.joinPath(base, 'runs').fsPath, deps.historyCap ?? DEFAULT_HISTORY_CAP);
  }

  // ------------------------------------------------------------ the panel

  get panelState(): { open: boolean; ready: boolean; shownRunId: string | null; visible: boolean } {
    const p = this.panel;
    return { open: !!p && !p.disposed, ready: !!p?.isReady, shownRunId: p?.shownRunId ?? null, visible: !!p?.panel.visible };
  }

  /** Opens (or reveals) the panel on a run: a history id, `live`, or the latest run. */
  async show(runId?: string, opts: { preserveFocus?: boolean } = {}): Promise<void> {
    if (!this.panel || this.panel.disposed) {
      const panel = vscode.window.createWebviewPanel(
        RESULTS_VIEW_TYPE,
        RESULTS_TITLE,
        { viewColumn: vscode.ViewColumn.Active, preserveFocus: !!opts.preserveFocus },
        resultsWebviewOptions(this.s.context.extensionUri),
      );
      this.adopt(panel, undefined);
    } else {
      this.panel.reveal(opts.preserveFocus);
    }
    const p = this.panel!;
    p.shownRunId = runId ?? (this.live ? 'live' : null);
    if (p.isReady) await this.sendInit(p);
  }

  /** Takes over a panel: a new one, or one VS Code restores after a window reload. */
  adopt(panel: vscode.WebviewPanel, state: PageState | undefined): ResultsPanel {
    if (this.panel && !this.panel.disposed && this.panel.panel !== panel) this.panel.dispose();
    panel.iconPath = vscode.Uri.joinPath(this.s.context.extensionUri, 'media', 'beacon.svg');
    const p = new ResultsPanel(
      panel,
      this.s.context.extensionUri,
      {
        onReady: (x) => this.sendInit(x),
        onAction: (x, msg) => this.act(x, msg),
        onDispose: (x) => {
          if (this.panel === x) this.panel = undefined;
        },
      },
      this.s.log,
    );
    p.shownRunId = state?.selectedRunId ?? null;
    this.panel = p;
    return p;
  }

  private async record(runId: string | null): Promise<RunRecord | undefined> {
    if (runId && runId !== 'live') {
      const r = await this.history.load(runId).catch((e: unknown) => {
        this.s.log.warn(`run ${runId} could not be read from the history: ${errorMessage(e)}`);
        return undefined;
      });
      if (r) return r;
    }
    return this.history.latest().catch(() => undefined);
  }

  private async sendInit(p: ResultsPanel): Promise<void> {
    const { entries, problems } = await this.history.list();
    for (const pr of problems) this.s.log.warn(`run history: ${pr.file}: ${pr.reason}`);
    if (p.shownRunId === 'live' && this.live) {
      await p.post({ type: 'init', view: liveRunView(this.s.runbook(), this.s.state, this.live), history: entries, emptyText: null });
      return;
    }
    const r = await this.record(p.shownRunId);
    await p.post({ type: 'init', view: r ? buildRunView(this.s.runbook(), completeRecord(this.s.runbook(), r)) : null, history: entries, emptyText: r ? null : EMPTY_TEXT });
  }

  private async notice(level: 'info' | 'warning' | 'error', text: string): Promise<void> {
    await this.panel?.post({ type: 'notice', level, text });
  }

  // ------------------------------------------------------------ runs

  /** Every engine event of a run started through the run controller. */
  onRunEvent(e: RunEvent): void {
    switch (e.type) {
      case 'runStarted': {
        const env = this.s.envs.active();
        this.live = {
          runId: e.runId,
          steps: [...e.steps],
          startedAt: e.at,
          environment: {
            name: env?.name ?? 'unknown',
            production: !!(env?.settings.production ?? (env ? /prod/i.test(env.name) : false)),
            flyApp: env?.settings.flyApp ?? '',
            runnerUrl: env?.settings.runnerUrl ?? '',
            routerUrl: env?.settings.routerUrl ?? '',
          },
        };
        this.dirty.clear();
        if (this.panel && !this.panel.disposed) {
          this.panel.shownRunId = 'live';
          if (this.panel.isReady) void this.sendInit(this.panel);
        }
        break;
      }
      case 'stepStarted':
      case 'checkStarted':
      case 'output':
      case 'checkFinished':
        this.markDirty(e.step);
        break;
      case 'stepFinished':
        this.markDirty(e.result.id);
        break;
      case 'runFinished':
        this.flush();
        break;
    }
  }

  private markDirty(step: string): void {
    if (!this.live) return;
    if (!this.live.steps.includes(step)) this.live.steps.unshift(step); // the preflight
    this.dirty.add(step);
    this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const p = this.panel;
    const live = this.live;
    if (!p || p.disposed || !live || p.shownRunId !== 'live' || !this.dirty.size) return;
    const rb = this.s.runbook();
    const all = live.steps.map((id) => liveStepView(rb, this.s.state, id));
    const steps = all.filter((v) => this.dirty.has(v.id));
    this.dirty.clear();
    void p.post({ type: 'runUpdate', runId: 'live', running: this.s.state.running, counts: countVerdicts(all), steps });
  }

  /**
   * The run controller's `onDidFinishRun`, once the run joined its environment's session: saves the
   * run with that session's diagnosis (the one the sidebar shows), and shows it.
   */
  async onRunFinished(outcome: RunOutcome, target: Target, request: RunRequest, session: DiagnosisSession): Promise<RunRecord | undefined> {
    this.flush();
    try {
      return await this.saveRun({
        runbook: this.s.runbook(),
        target,
        request: { label: request.label, only: request.only ?? null },
        outcome,
        carried: { results: session.results, facts: session.facts },
        diagnosis: session.diagnosis,
        fixesApplied: [...session.fixes],
      });
    } catch (e) {
      this.s.log.error(`the results of run ${outcome.runId} could not be saved: ${(e as Error)?.stack ?? e}`);
      await this.s.prompts.error(`Beacon Debug: the results could not be saved — ${errorMessage(e)}`);
      return undefined;
    } finally {
      this.live = undefined;
    }
  }

  /**
   * Saves a run (with the instrumentation found in the workspace unless given), then shows it.
   * Also what a diagnosis command calls with `runDiagnosis`'s outcome and diagnosis.
   */
  async saveRun(input: Omit<RecordInput, 'instrumentation'> & { instrumentation?: InstrumentationStatus | null }): Promise<RunRecord> {
    const instrumentation =
      input.instrumentation !== undefined
        ? input.instrumentation
        : await (this.deps.findInstrumentation ?? findWorkspaceInstrumentation)().catch((e: unknown) => {
            this.s.log.warn(`looking for debug instrumentation failed: ${errorMessage(e)}`);
            return null;
          });
    const record = recordFromRun({ ...input, instrumentation });
    const saved = await this.history.save(record);
    this.s.log.info(`run ${record.id} saved to ${saved.file}`);
    if (saved.notice) {
      this.s.log.info(saved.notice);
      if (!this.notifiedDrop) {
        this.notifiedDrop = true;
        void this.s.prompts.info(saved.notice);
      }
    }
    if (this.deps.openAfterRun !== false || (this.panel && !this.panel.disposed)) await this.show(record.id, { preserveFocus: true });
    if (saved.notice) await this.notice('info', saved.notice);
    this.saved.fire(record);
    return record;
  }

  // ------------------------------------------------------------ actions

  private async act(p: ResultsPanel, msg: Action): Promise<void> {
    switch (msg.type) {
      case 'openStep':
        await vscode.commands.executeCommand('beaconDebug.openStep', msg.step);
        return;
      case 'selectRun':
        p.shownRunId = msg.runId;
        await this.sendInit(p);
        return;
      case 'compareRuns': {
        const [before, after] = await Promise.all([this.history.load(msg.before), this.history.load(msg.after)]);
        if (!before || !after) {
          await this.notice('warning', 'One of the two runs is no longer in the history.');
          return;
        }
        await p.post({ type: 'compare', result: compareRuns(before, after) });
        return;
      }
      case 'showAllOutput': {
        const doc = await vscode.workspace.openTextDocument(outputUri(msg.runId, msg.step, msg.check));
        await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
        return;
      }
      case 'exportReport':
      case 'copyReport': {
        const r = await this.history.load(msg.runId);
        if (!r) {
          await this.notice('warning', 'This run is no longer in the history.');
          return;
        }
        if (msg.type === 'exportReport') {
          const uri = await exportReportToFile(this.s, r);
          if (uri) await this.notice('info', `Report written to ${uri.scheme === 'file' ? uri.fsPath : uri.toString(true)}`);
        } else {
          await copyReport(this.s, r);
          await this.notice('info', 'Report copied to the clipboard.');
        }
        return;
      }
      case 'rerunFailed':
        await this.rerunFailed(msg.runId);
        return;
      case 'applyFix':
        await this.applyFix(msg.fix, msg.runId);
        return;
    }
  }

  async rerunFailed(runId: string): Promise<void> {
    const r = await this.history.load(runId);
    if (!r) return;
    const steps = r.steps.filter((x) => (x.verdict === 'fail' || x.verdict === 'error') && x.id !== 'preflight').map((x) => x.id);
    if (!steps.length) {
      await this.s.prompts.info('Beacon Debug: no step of this run failed.');
      return;
    }
    const active = this.s.envs.active()?.name;
    if (active !== r.target.name) {
      await this.s.prompts.warn(`Beacon Debug: this run was against "${r.target.name}", but the active environment is "${active ?? 'none'}": select "${r.target.name}" first.`);
      return;
    }
    await this.s.runs.run({ only: steps, label: `Re-run of the ${steps.length} failed step${steps.length === 1 ? '' : 's'}` });
  }

  /** Applies a fix for a saved run (the latest when not given), records it, and offers the re-run. */
  async applyFix(fixId: string, runId?: string): Promise<FixResult | undefined> {
    const r = await this.record(runId ?? null);
    const req: FixRequest = { fixId, environment: r?.target.name };
    let result: FixResult;
    let rerun: string[] = [];
    let title = fixId;
    if (this.deps.applyFix) {
      const out = await this.deps.applyFix(req);
      result = out.result;
      rerun = out.rerun ?? [];
      title = out.title ?? fixId;
    } else {
      const out = await applyFixWithConfirmation(this.s, req);
      result = out.result;
      if (out.plan) {
        title = out.plan.title;
        rerun = stepsToRerun(out.plan, r?.steps ?? []);
      }
    }
    if (result.status !== 'applied' && result.status !== 'failed') return result;
    const active = this.s.envs.active();
    this.s.sessions.of(result.applied.environment).recordFix(result.applied, active?.name === result.applied.environment ? active.settings.runnerUrl : undefined);
    if (r) {
      await this.history.update(r.id, (x) => withAppliedFix(this.s.runbook(), x, result.applied));
      if (this.panel && !this.panel.disposed) {
        this.panel.shownRunId = r.id;
        await this.sendInit(this.panel);
      }
    }
    if (result.status === 'applied' && rerun.length) {
      const answer = await this.s.prompts.info(`Beacon Debug: ${title} was applied on ${result.applied.environment}. Re-run ${rerun.join(', ')} to see whether it worked?`, 'Re-run Checks');
      if (answer === 'Re-run Checks') await this.s.runs.run({ only: rerun, label: `Re-run after ${title}` });
    }
    return result;
  }

  /** The run shown in the panel, else the latest. */
  async currentRecord(): Promise<RunRecord | undefined> {
    const shown = this.panel && !this.panel.disposed ? this.panel.shownRunId : null;
    return this.record(shown);
  }

  async exportReport(runId?: string): Promise<void> {
    const r = runId ? await this.history.load(runId) : await this.currentRecord();
    if (!r) {
      await this.s.prompts.info('Beacon Debug: there is no run to report on yet.');
      return;
    }
    const picked = await this.s.prompts.pick(
      [
        { label: 'Save to a File…', description: 'a markdown incident report', id: 'file' },
        { label: 'Copy to the Clipboard', description: 'paste it into the postmortem', id: 'clipboard' },
      ],
      { placeHolder: `Incident report of ${r.request.label} on ${r.target.name} (${r.startedAt})` },
    );
    const id = (picked as { id?: string } | undefined)?.id;
    if (id === 'file') await exportReportToFile(this.s, r);
    else if (id === 'clipboard') await copyReport(this.s, r);
  }

  dispose(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.panel?.dispose();
    this.saved.dispose();
  }
}
