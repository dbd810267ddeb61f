/**
 * Runbooks kept in the workspace (`.beacon/runbooks/*.runbook.yaml|yml|json`, and `.md` plans
 * imported on the fly): loaded after activation, shown in the Runbook view beside the built-in
 * plan, validated on every save (zod errors as diagnostics on the YAML node they name; one bad file
 * does not stop the others), linted against the workspace's Go code (warnings on the step), and run
 * only in a trusted workspace, after the user approved the runbook's commands (remembered by hash).
 */
import * as vscode from 'vscode';
import type { StepResult } from '../../engine/types';
import type { LintFinding } from '../../golang/runbookLint';
import type { Runbook } from '../../runbook/schema';
import { RunState } from '../runs/runState';
import type { Services } from '../services';
import { errorMessage } from '../../shared/errorMessage';

export const RUNBOOK_GLOB = '.beacon/runbooks/*.{runbook.yaml,runbook.yml,runbook.json,md}';
const APPROVALS_KEY = 'beaconDebug.approvedRunbookCommands';

export interface WorkspaceRunbook {
  uri: vscode.Uri;
  /** Short key for tree ids. */
  key: string;
  runbook?: Runbook;
  /** Why it could not be loaded (also shown as diagnostics). */
  problems: { path: string; message: string }[];
  state: RunState;
  /** Lint findings by step id (only `missing` ones are kept). */
  missing: Map<string, LintFinding[]>;
}

export class WorkspaceRunbooks implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('beacon-runbooks');
  private readonly entries = new Map<string, WorkspaceRunbook>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private loading: Promise<void> | undefined;
  /** Resolves when the first load is over (tests, the walkthrough). */
  loaded: Promise<void> = Promise.resolve();

  constructor(private readonly s: Services) {
    const watcher = vscode.workspace.createFileSystemWatcher(RUNBOOK_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((u) => void this.reload(u)),
      watcher.onDidDelete((u) => this.forget(u)),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.isRunbookFile(d.uri)) void this.reload(d.uri);
      }),
      this.diagnostics,
      this.changed,
    );
  }

  list(): WorkspaceRunbook[] {
    return [...this.entries.values()].sort((a, b) => a.uri.path.localeCompare(b.uri.path));
  }

  get(key: string): WorkspaceRunbook | undefined {
    return this.entries.get(key);
  }

  isRunbookFile(uri: vscode.Uri): boolean {
    return /\/\.beacon\/runbooks\/[^/]+\.(?:runbook\.ya?ml|runbook\.json|md)$/.test(uri.path);
  }

  /** Finds and loads every workspace runbook (shown in Restricted Mode too; never run there). */
  loadAll(): Promise<void> {
    this.loading ??= (async () => {
      const uris = await this.findRunbookFiles();
      const found = new Set(uris.map((u) => this.keyOf(u)));
      for (const [key, e] of this.entries) {
        if (found.has(key)) continue;
        this.entries.delete(key);
        this.diagnostics.delete(e.uri);
      }
      for (const u of uris) await this.reload(u, false);
      this.changed.fire();
    })().finally(() => (this.loading = undefined));
    this.loaded = this.loading;
    return this.loading;
  }

  /** The runbook files of every workspace folder (read directly: the search service is not used). */
  private async findRunbookFiles(): Promise<vscode.Uri[]> {
    const out: vscode.Uri[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const dir = vscode.Uri.joinPath(folder.uri, '.beacon', 'runbooks');
      const entries = await vscode.workspace.fs.readDirectory(dir).then((e) => e, () => [] as [string, vscode.FileType][]);
      for (const [name, type] of entries.sort((a, b) => a[0].localeCompare(b[0])).slice(0, 200)) {
        const uri = vscode.Uri.joinPath(dir, name);
        if (type === vscode.FileType.File && this.isRunbookFile(uri)) out.push(uri);
      }
    }
    return out;
  }

  private keyOf(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri, false).replace(/[^A-Za-z0-9._-]+/g, '_');
  }

  private forget(uri: vscode.Uri): void {
    this.entries.delete(this.keyOf(uri));
    this.diagnostics.delete(uri);
    this.changed.fire();
  }

  /** (Re)loads one file: the schema's errors become diagnostics, the others keep loading. */
  async reload(uri: vscode.Uri, fire = true): Promise<WorkspaceRunbook> {
    const key = this.keyOf(uri);
    const entry: WorkspaceRunbook = this.entries.get(key) ?? { uri, key, problems: [], state: new RunState(), missing: new Map() };
    this.entries.set(key, entry);
    let text = '';
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (e) {
      entry.runbook = undefined;
      entry.problems = [{ path: '', message: `cannot read: ${errorMessage(e)}` }];
      this.diagnostics.set(uri, [new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), entry.problems[0].message, vscode.DiagnosticSeverity.Error)]);
      if (fire) this.changed.fire();
      return entry;
    }
    // the YAML parser and zod load here, after activation
    const { parseWorkspaceRunbook } = require('./workspaceRunbookParse') as typeof import('./workspaceRunbookParse');
    const parsed = parseWorkspaceRunbook(text, uri.path);
    entry.runbook = parsed.runbook;
    entry.problems = parsed.problems;
    entry.missing = new Map();
    this.diagnostics.set(uri, parsed.diagnostics.map((d) => {
      const diag = new vscode.Diagnostic(new vscode.Range(d.range.startLine, d.range.startCol, d.range.endLine, d.range.endCol), d.message, vscode.DiagnosticSeverity.Error);
      diag.source = 'Beacon Debug';
      return diag;
    }));
    this.s.log.info(`workspace runbook ${vscode.workspace.asRelativePath(uri)}: ${parsed.runbook ? `loaded (${parsed.runbook.title})` : `${parsed.problems.length} problem(s)`}`);
    if (fire) this.changed.fire();
    return entry;
  }

  /** Lints one runbook (or every loaded one) against the Go code of the workspace folder. */
  async lint(entry: WorkspaceRunbook): Promise<LintFinding[]> {
    if (!entry.runbook) return [];
    const folder = vscode.workspace.getWorkspaceFolder(entry.uri) ?? vscode.workspace.workspaceFolders?.[0];
    if (!folder) return [];
    const { lintInFolder } = require('./workspaceRunbookParse') as typeof import('./workspaceRunbookParse');
    const { findings, diagnostics } = await lintInFolder(entry.runbook, folder.uri.fsPath, this.s.context.extensionPath, entry.uri.path, await this.textOf(entry.uri));
    entry.missing = new Map();
    for (const f of findings) if (f.status === 'missing') entry.missing.set(f.step, [...(entry.missing.get(f.step) ?? []), f]);
    const schemaDiagnostics = (this.diagnostics.get(entry.uri) ?? []).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    this.diagnostics.set(entry.uri, [
      ...schemaDiagnostics,
      ...diagnostics.map((d) => {
        const diag = new vscode.Diagnostic(new vscode.Range(d.range.startLine, d.range.startCol, d.range.endLine, d.range.endCol), d.message, vscode.DiagnosticSeverity.Warning);
        diag.source = 'Beacon Debug lint';
        return diag;
      }),
    ]);
    this.changed.fire();
    return findings;
  }

  private async textOf(uri: vscode.Uri): Promise<string> {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  }

  /**
   * Whether this runbook's commands may run: never in Restricted Mode; in a trusted workspace once
   * the user approved these exact commands (the answer is kept by their hash).
   */
  async approveCommands(entry: WorkspaceRunbook): Promise<'approved' | 'declined' | 'restricted'> {
    if (!vscode.workspace.isTrusted) {
      await this.s.prompts.error(`Beacon Debug does not run workspace runbooks in Restricted Mode: "${vscode.workspace.asRelativePath(entry.uri)}" is shown, never run. Trust this workspace to run it.`);
      return 'restricted';
    }
    const rb = entry.runbook!;
    const { runbookCommands, runbookCommandsHash } = require('../../runbook/runbookCommands') as typeof import('../../runbook/runbookCommands');
    const commands = runbookCommands(rb);
    if (!commands.length) return 'approved';
    const hash = runbookCommandsHash(rb);
    const approved = this.s.context.workspaceState.get<string[]>(APPROVALS_KEY, []);
    if (approved.includes(hash)) return 'approved';
    const runnable = commands.filter((c) => !c.mutating);
    const shown = runnable.slice(0, 12).map((c) => `[${c.step}] ${c.text.length > 300 ? c.text.slice(0, 300) + '…' : c.text}`).join('\n\n');
    const message = `Run the commands of the workspace runbook "${rb.title}"?`;
    const detail =
      `${vscode.workspace.asRelativePath(entry.uri)} comes from this workspace, not from Beacon Debug. ` +
      `Its ${runnable.length} command(s) run on this machine as you, with your environment and tools:\n\n${shown}` +
      `${runnable.length > 12 ? `\n\n… and ${runnable.length - 12} more (Open Step Text shows each).` : ''}` +
      `${commands.length > runnable.length ? `\n\n${commands.length - runnable.length} command(s) that change the system (secrets, restarts, deploys) are never run by Beacon Debug.` : ''}` +
      this.placeholderNotes(rb) +
      `\n\nYour answer is remembered for exactly these commands (SHA-256 ${hash.slice(0, 12)}…); any change asks again.`;
    const answer = await this.s.prompts.confirm(message, detail, 'Run These Commands');
    if (answer !== 'Run These Commands') return 'declined';
    await this.s.context.workspaceState.update(APPROVALS_KEY, [...approved, hash]);
    return 'approved';
  }

  /** Values in the commands that differ from the active environment's (the commands run as written). */
  private placeholderNotes(rb: Runbook): string {
    const env = this.s.envs.active();
    if (!env) return '';
    const { placeholderMismatches } = require('../../runbook/import/placeholders') as typeof import('../../runbook/import/placeholders');
    const { allSteps } = require('../../runbook/steps') as typeof import('../../runbook/steps');
    const notes = new Set<string>();
    for (const step of allSteps(rb)) {
      for (const c of step.checks) {
        if (c.probe.type !== 'script') continue;
        for (const m of placeholderMismatches(c.probe.placeholders, { ...env.settings, name: env.name })) notes.add(m);
      }
    }
    return notes.size ? `\n\nFor review — ${[...notes].join('; ')}.` : '';
  }

  /** Runs steps of a workspace runbook (`only`: step ids, `quick-wins`, `phase-N`; undefined = all). */
  async run(entry: WorkspaceRunbook, only: string[] | undefined, label: string) {
    if (!entry.runbook) {
      await this.s.prompts.error(`Beacon Debug: ${vscode.workspace.asRelativePath(entry.uri)} is not a valid runbook: ${entry.problems[0]?.message ?? 'see the Problems view'}`);
      return undefined;
    }
    const approval = await this.approveCommands(entry);
    if (approval !== 'approved') return undefined;
    const outcome = await this.s.runs.runOther(entry.runbook, entry.state, { only, label: `${entry.runbook.title} — ${label}` }, 'approved');
    if (outcome) await this.judgeByHand(entry, outcome.results);
    return outcome;
  }

  /**
   * Checks whose expectation no rule could read ran and are inconclusive: the user gives the verdict,
   * with the plan's expectation shown (the output is in the Beacon Debug terminal).
   */
  private async judgeByHand(entry: WorkspaceRunbook, results: readonly StepResult[]): Promise<void> {
    const rb = entry.runbook!;
    const { allSteps } = require('../../runbook/steps') as typeof import('../../runbook/steps');
    for (const r of results) {
      const step = allSteps(rb).find((x) => x.id === r.id);
      if (!step || r.verdict !== 'inconclusive') continue;
      const checks = r.checks.filter((c) => c.verdict === 'inconclusive' && step.checks.find((x) => x.id === c.id)?.judgeByHand);
      if (!checks.length) continue;
      const expectation = checks.map((c) => step.checks.find((x) => x.id === c.id)!.judgeByHand).join(' / ');
      const answer = await this.s.prompts.info(`Step ${step.id} ${step.title}: the plan expects "${expectation}". Judge the output in the Beacon Debug terminal: did it match?`, 'It Matched', 'It Did Not');
      if (answer !== 'It Matched' && answer !== 'It Did Not') continue;
      const verdict: 'pass' | 'fail' = answer === 'It Matched' ? 'pass' : 'fail';
      const reason = `Judged by hand (${answer === 'It Matched' ? 'matched' : 'did not match'}): ${expectation}`;
      const judged = r.checks.map((c) => (checks.includes(c) ? { ...c, verdict, reason } : c));
      const { worstVerdict } = require('../../engine/verdicts') as typeof import('../../engine/verdicts');
      entry.state.apply({ type: 'stepFinished', runId: entry.state.runId ?? '', result: { ...r, verdict: worstVerdict(judged.map((c) => c.verdict)), reason, checks: judged } });
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
