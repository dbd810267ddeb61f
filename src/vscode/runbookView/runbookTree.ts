import * as vscode from 'vscode';
import type { Check, Phase, Runbook, Step, Verdict } from '../../runbook/schema';
import type { RunState } from '../runs/runState';
import type { WorkspaceRunbook } from '../workspaceRunbooks/workspaceRunbooks';
import { inertTreeItem } from '../inertTreeItem';

/** `owner` is set on the nodes of a workspace runbook (the built-in plan's nodes have none). */
export type RunbookNode =
  | { kind: 'group'; id: string; title: string; estimate?: string; steps: Step[]; phase?: Phase; owner?: WorkspaceRunbook }
  | { kind: 'missing'; id: string; ref: string; text: string }
  | { kind: 'step'; id: string; step: Step; owner?: WorkspaceRunbook }
  | { kind: 'check'; id: string; step: Step; check: Check; owner?: WorkspaceRunbook }
  | { kind: 'instrument'; id: string; step: Step; owner?: WorkspaceRunbook }
  | { kind: 'fix'; id: string; step: Step; fixId: string; owner?: WorkspaceRunbook }
  | { kind: 'code'; id: string; step: Step; owner?: WorkspaceRunbook; anchor: string }
  | { kind: 'workspace'; id: string; owner: WorkspaceRunbook }
  | { kind: 'problem'; id: string; owner: WorkspaceRunbook; message: string };

/** What the tree needs from the workspace runbooks (set once they have loaded, after activation). */
export interface WorkspaceRunbookSource {
  list(): WorkspaceRunbook[];
  onDidChange: vscode.Event<void>;
}

const ICONS: Record<Verdict, [string, string?]> = {
  pending: ['circle-large-outline'],
  running: ['loading~spin'],
  pass: ['pass', 'testing.iconPassed'],
  fail: ['error', 'testing.iconFailed'],
  warn: ['warning', 'list.warningForeground'],
  inconclusive: ['question', 'descriptionForeground'],
  error: ['alert', 'errorForeground'],
  skipped: ['circle-slash', 'disabledForeground'],
  done: ['check', 'testing.iconPassed'],
};

export function verdictIcon(v: Verdict): vscode.ThemeIcon {
  const [icon, color] = ICONS[v];
  return new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
}

/** The Runbook view: Quick Win Checklist, then the phases, their steps, and each step's checks. */
export class RunbookTreeProvider implements vscode.TreeDataProvider<RunbookNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RunbookNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly nodes = new Map<string, RunbookNode>();
  private readonly subscription: vscode.Disposable;
  /** When the view first asked for its top level (performance.now()), for the start-up bench. */
  firstChildrenAt: number | undefined;

  private loaded: Runbook | undefined;

  /** `loadRunbook` is called when the view first asks for its items, not at activation. */
  constructor(private readonly loadRunbook: () => Runbook, private readonly state: RunState) {
    this.subscription = state.onDidChange((stepId) => {
      // Updating one step's item is cheaper and keeps the selection and expansion stable.
      const node = stepId ? this.nodes.get(`step:${stepId}`) : undefined;
      this.changed.fire(node);
    });
  }

  private workspace: WorkspaceRunbookSource | undefined;
  private workspaceSubscriptions: vscode.Disposable[] = [];

  /** Shows the workspace's runbooks below the built-in plan, and follows their changes. */
  setWorkspaceRunbooks(source: WorkspaceRunbookSource): void {
    this.workspace = source;
    const follow = () => {
      for (const d of this.workspaceSubscriptions.splice(1)) d.dispose();
      for (const e of source.list()) this.workspaceSubscriptions.push(e.state.onDidChange(() => this.changed.fire(undefined)));
      for (const id of [...this.nodes.keys()]) if (id.startsWith('ws:')) this.nodes.delete(id);
      this.changed.fire(undefined);
    };
    this.workspaceSubscriptions = [source.onDidChange(follow)];
    follow();
  }

  private stateOf(owner: WorkspaceRunbook | undefined): RunState {
    return owner?.state ?? this.state;
  }

  private get runbook(): Runbook {
    return (this.loaded ??= this.loadRunbook());
  }

  setRunbook(rb: Runbook): void {
    this.loaded = rb;
    this.nodes.clear();
    this.changed.fire(undefined);
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: RunbookNode): RunbookNode[] {
    const rb = this.runbook;
    if (!node) {
      this.firstChildrenAt ??= performance.now();
      return [
        ...this.groupsOf(rb),
        ...(this.workspace?.list() ?? []).map((owner) => this.remember({ kind: 'workspace', id: `ws:${owner.key}`, owner })),
      ];
    }
    const prefix = 'owner' in node && node.owner ? `ws:${node.owner.key}:` : '';
    const owner = 'owner' in node ? node.owner : undefined;
    switch (node.kind) {
      case 'workspace':
        if (!node.owner.runbook) {
          return node.owner.problems.map((p, i) => this.remember({ kind: 'problem', id: `${prefix}problem:${i}`, owner: node.owner, message: p.path ? `${p.path}: ${p.message}` : p.message }, node.id));
        }
        return this.groupsOf(node.owner.runbook, node.owner);
      case 'group':
        return [
          ...(node.phase?.missing ?? []).map((m, i) => this.remember({ kind: 'missing', id: `${prefix}missing:${node.phase!.id}:${i}`, ref: m.ref, text: m.text }, node.id)),
          ...node.steps.map((s) => this.remember({ kind: 'step', id: `${prefix}step:${s.id}`, step: s, owner }, node.id)),
        ];
      case 'step': {
        const s = node.step;
        const out: RunbookNode[] = s.checks.map((c) => this.remember({ kind: 'check', id: `${prefix}check:${s.id}:${c.id}`, step: s, check: c, owner }, node.id));
        if (s.instrument) out.push(this.remember({ kind: 'instrument', id: `${prefix}instrument:${s.id}`, step: s, owner }, node.id));
        if (s.fix) out.push(this.remember({ kind: 'fix', id: `${prefix}fix:${s.id}`, step: s, fixId: s.fix, owner }, node.id));
        s.code.forEach((c, i) => {
          if (c.anchor) out.push(this.remember({ kind: 'code', id: `${prefix}code:${s.id}:${i}`, step: s, owner, anchor: c.anchor }, node.id));
        });
        return out;
      }
      default:
        return [];
    }
  }

  private groupsOf(rb: Runbook, owner?: WorkspaceRunbook): RunbookNode[] {
    const prefix = owner ? `ws:${owner.key}:` : '';
    const parent = owner ? `ws:${owner.key}` : undefined;
    return [
      ...(rb.quickWins.steps.length || !owner ? [this.remember({ kind: 'group', id: `${prefix}group:quick-wins`, title: rb.quickWins.title, steps: rb.quickWins.steps, owner }, parent)] : []),
      ...rb.phases.map((p) => this.remember({ kind: 'group', id: `${prefix}group:${p.id}`, title: p.title, estimate: p.estimate, steps: p.steps, phase: p, owner }, parent)),
    ];
  }

  getParent(node: RunbookNode): RunbookNode | undefined {
    const recorded = this.parents.get(node.id);
    if (recorded) return this.nodes.get(recorded);
    if (node.kind === 'workspace' || node.kind === 'problem') return undefined;
    if (node.kind === 'step') {
      const inQw = this.runbook.quickWins.steps.some((s) => s.id === node.step.id);
      const groupId = inQw ? 'group:quick-wins' : `group:${this.runbook.phases.find((p) => p.steps.some((s) => s.id === node.step.id))?.id}`;
      return this.nodes.get(groupId);
    }
    if (node.kind === 'check' || node.kind === 'instrument' || node.kind === 'fix' || node.kind === 'code') return this.nodes.get(`step:${node.step.id}`);
    if (node.kind === 'missing') return this.nodes.get(`group:${node.id.split(':')[1]}`);
    return undefined;
  }

  /** The node for a step id (after the tree was expanded once), for reveal(). */
  nodeForStep(stepId: string): RunbookNode | undefined {
    return this.nodes.get(`step:${stepId}`);
  }

  getTreeItem(node: RunbookNode): vscode.TreeItem {
    return inertTreeItem(this.treeItem(node));
  }

  private treeItem(node: RunbookNode): vscode.TreeItem {
    switch (node.kind) {
      case 'workspace':
      case 'problem':
      case 'code':
        // drawn only once workspace runbooks have loaded: their code loads with them, not at start-up
        return (require('../workspaceRunbooks/workspaceTreeItems') as typeof import('../workspaceRunbooks/workspaceTreeItems')).workspaceTreeItem(node);
      case 'group': {
        const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.description = this.groupSummary(node);
        const quick = node.id.endsWith('group:quick-wins');
        item.contextValue = (quick ? 'group-quickwins' : 'group-phase') + (node.owner ? '-workspace' : '');
        item.iconPath = new vscode.ThemeIcon(quick ? 'zap' : 'list-tree');
        item.tooltip = new vscode.MarkdownString(`**${node.title}**${node.estimate ? ` — ${node.estimate}` : ''}\n\n${node.phase?.text ?? (node.owner?.runbook ?? this.runbook).quickWins.text}`);
        return item;
      }
      case 'missing': {
        const item = new vscode.TreeItem(`${node.ref}: not in the plan`, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('info', new vscode.ThemeColor('descriptionForeground'));
        item.tooltip = node.text;
        item.description = 'never written down';
        item.contextValue = 'missing';
        return item;
      }
      case 'step': {
        const s = node.step;
        const state = this.stateOf(node.owner);
        const st = state.get(s.id);
        const verdict = state.verdictOf(s.id);
        const missing = node.owner?.missing.get(s.id) ?? [];
        const hasChildren = s.checks.length > 0 || !!s.instrument || !!s.fix || (!!node.owner && s.code.some((c) => !!c.anchor));
        const item = new vscode.TreeItem(`${s.id} ${s.title}`, hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.description = [describeStep(s, verdict, st?.durationMs), missing.length ? `${missing.length} missing in the code` : ''].filter(Boolean).join(' · ');
        // a step whose check relies on something the code does not have: the lint's warning, until it runs
        item.iconPath = missing.length && verdict === 'pending' ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : verdictIcon(verdict);
        item.contextValue = ['step', s.checks.length ? 'runnable' : '', s.manual ? 'manual' : '', s.instrument ? 'instrument' : '', s.fix ? 'fix' : '', verdict === 'running' ? 'running' : '', node.owner ? 'workspace' : '', missing.length ? 'lint' : '']
          .filter(Boolean)
          .join('-');
        item.tooltip = stepTooltip(s, verdict, st?.reason, missing.map((f) => `${f.kind} \`${f.name}\` is not in the code${f.addedBy ? ` (step ${f.addedBy} adds it)` : ''}`));
        item.command = node.owner
          ? { command: 'beaconDebug.openWorkspaceStep', title: 'Open Step Text', arguments: [node] }
          : { command: 'beaconDebug.openStep', title: 'Open Step Text', arguments: [s.id] };
        item.accessibilityInformation = { label: `Step ${s.id} ${s.title}, ${verdict}` };
        return item;
      }
      case 'check': {
        const result = this.stateOf(node.owner).get(node.step.id)?.checks.get(node.check.id);
        const verdict: Verdict = result?.verdict ?? 'pending';
        const item = new vscode.TreeItem(node.check.label, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.iconPath = verdictIcon(verdict);
        const reason = result && 'reason' in result ? result.reason : undefined;
        item.description = [node.check.probe.vantage, result && 'durationMs' in result ? formatMs(result.durationMs) : undefined].filter(Boolean).join(' · ');
        item.tooltip = new vscode.MarkdownString(`**${node.check.label}** — ${verdict}`);
        if (reason) item.tooltip.appendMarkdown('\n\n').appendText(reason);
        item.contextValue = 'check';
        return item;
      }
      case 'instrument': {
        const ins = node.step.instrument!;
        const item = new vscode.TreeItem(`Insert instrumentation ${ins.snippet}`, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.description = ins.anchor;
        item.iconPath = new vscode.ThemeIcon('code');
        item.tooltip = `${ins.anchor}${ins.note ? `\n${ins.note}` : ''}\nOnly 2.4 also covers the cross-region execution path (POST /api/v1/jobs/cross-region).`;
        item.contextValue = 'instrument';
        item.command = { command: 'beaconDebug.revealAnchor', title: 'Go to the anchor', arguments: [ins.snippet] };
        return item;
      }
      case 'fix': {
        const item = new vscode.TreeItem(`Apply ${node.fixId}`, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('wrench');
        item.contextValue = 'fix';
        item.tooltip = 'Shows the exact command in a confirmation before anything runs.';
        item.command = { command: 'beaconDebug.applyFix', title: 'Apply Fix', arguments: [node.fixId] };
        return item;
      }
    }
  }

  private groupSummary(node: Extract<RunbookNode, { kind: 'group' }>): string {
    const counts = new Map<Verdict, number>();
    const state = this.stateOf(node.owner);
    for (const s of node.steps) {
      const v = state.verdictOf(s.id);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const parts: string[] = [];
    for (const v of ['running', 'fail', 'error', 'warn', 'pass', 'done'] as Verdict[]) {
      const n = counts.get(v);
      if (n) parts.push(`${n} ${v}`);
    }
    return [node.estimate, parts.join(', ')].filter(Boolean).join(' · ');
  }

  private readonly parents = new Map<string, string>();

  private remember(n: RunbookNode, parent?: string): RunbookNode {
    if (parent && n.id.startsWith('ws:')) this.parents.set(n.id, parent);
    const prev = this.nodes.get(n.id);
    if (prev) return prev;
    this.nodes.set(n.id, n);
    return n;
  }

  dispose(): void {
    for (const d of this.workspaceSubscriptions) d.dispose();
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function describeStep(s: Step, verdict: Verdict, durationMs?: number): string {
  const parts = [s.estimate ?? ''];
  if (verdict !== 'pending') parts.push(verdict === 'running' ? 'running…' : verdict);
  if (durationMs !== undefined && verdict !== 'running') parts.push(formatMs(durationMs));
  if (s.addedBy) parts.push('added');
  return parts.filter(Boolean).join(' · ');
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function stepTooltip(s: Step, verdict: Verdict, reason?: string, missing: string[] = []): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${s.id} ${s.title}**${s.estimate ? ` — ${s.estimate}` : ''}\n\n`);
  for (const m of missing) md.appendMarkdown(`$(warning) ${m}\n\n`);
  md.appendMarkdown(`Status: **${verdict}**`);
  // the reason may quote a remote answer: text, never markdown
  if (reason) md.appendMarkdown(' — ').appendText(reason);
  md.appendMarkdown('\n\n');
  if (s.expected) md.appendMarkdown(`**Expected**: ${s.expected}\n\n`);
  for (const line of s.ifLines) md.appendMarkdown(`${line}\n\n`);
  if (s.corrections.length) md.appendMarkdown(`*Corrected:* ${s.corrections[0]}${s.corrections.length > 1 ? ` (+${s.corrections.length - 1} more)` : ''}`);
  return md;
}
