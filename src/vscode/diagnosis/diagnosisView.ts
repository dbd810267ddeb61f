import * as vscode from 'vscode';
import type { Diagnosis } from '../../diagnosis/diagnose';
import type { CriterionResult } from '../../diagnosis/successCriteria';
import type { FactValue } from '../../runbook/schema';
import { percent } from '../../shared/formatting';
import { inertTreeItem } from '../inertTreeItem';

type DiagNode =
  | { kind: 'cause'; d: Diagnosis }
  | { kind: 'section'; id: 'evidence' | 'ranked' | 'criteria' | 'notes'; label: string; d: Diagnosis }
  | { kind: 'evidence'; id: string; step: string; fact: string; value: FactValue; line: string | null; label: string }
  | { kind: 'ranked'; id: string; cause: string; probability: number; title: string }
  | { kind: 'next'; d: Diagnosis }
  | { kind: 'fix'; d: Diagnosis }
  | { kind: 'criterion'; c: CriterionResult }
  | { kind: 'note'; id: string; text: string };

const show = (v: FactValue) => (typeof v === 'string' ? JSON.stringify(v) : String(v));

/**
 * The Diagnosis view: root cause and confidence, the evidence (each item jumps to its step), the
 * ranked alternatives, the next step, the fix, and the Success Criteria. Empty until a diagnosis
 * exists, so its welcome content (run Diagnose) shows.
 */
export class DiagnosisViewProvider implements vscode.TreeDataProvider<DiagNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private diagnosis: Diagnosis | undefined;

  set(d: Diagnosis | undefined): void {
    this.diagnosis = d;
    this.changed.fire();
  }

  get current(): Diagnosis | undefined {
    return this.diagnosis;
  }

  getChildren(node?: DiagNode): DiagNode[] {
    const d = this.diagnosis;
    if (!d) return [];
    if (!node) {
      const out: DiagNode[] = [{ kind: 'cause', d }];
      if (d.nextStep) out.push({ kind: 'next', d });
      if (d.fix) out.push({ kind: 'fix', d });
      out.push({ kind: 'section', id: 'evidence', label: `Evidence (${d.evidence.length})`, d });
      out.push({ kind: 'section', id: 'ranked', label: 'Ranked causes', d });
      out.push({ kind: 'section', id: 'criteria', label: 'Success Criteria', d });
      if (d.notes.length) out.push({ kind: 'section', id: 'notes', label: `Notes (${d.notes.length})`, d });
      return out;
    }
    if (node.kind !== 'section') return [];
    switch (node.id) {
      case 'evidence':
        return d.evidence.map((e, i) => ({ kind: 'evidence', id: `ev:${i}`, step: e.step, fact: e.fact, value: e.value, line: e.line, label: e.label }));
      case 'ranked':
        return d.ranking.causes.slice(0, 6).map((c) => ({ kind: 'ranked', id: `rk:${c.id}`, cause: c.id, probability: c.probability, title: c.title }));
      case 'criteria':
        return d.criteria.map((c) => ({ kind: 'criterion', c }));
      case 'notes':
        return d.notes.map((text, i) => ({ kind: 'note', id: `note:${i}`, text }));
    }
  }

  getTreeItem(node: DiagNode): vscode.TreeItem {
    return inertTreeItem(this.treeItem(node));
  }

  private treeItem(node: DiagNode): vscode.TreeItem {
    const None = vscode.TreeItemCollapsibleState.None;
    switch (node.kind) {
      case 'cause': {
        const d = node.d;
        const label = d.status === 'undetermined' ? `Undetermined — leading: ${d.leading?.id ?? 'none'}` : d.rootCause.id;
        const item = new vscode.TreeItem(label, None);
        item.id = 'diag:cause';
        item.description = d.status === 'undetermined' ? percent(d.leading?.probability ?? 0) : `${percent(d.rootCause.probability)}${d.rootCause.scenario ? ` · scenario ${d.rootCause.scenario.replace('scn-', '').toUpperCase()}` : ''}`;
        item.iconPath = new vscode.ThemeIcon(
          d.status === 'healthy' ? 'pass' : d.status === 'certain' ? 'target' : 'question',
          new vscode.ThemeColor(d.status === 'healthy' ? 'testing.iconPassed' : d.status === 'certain' ? 'testing.iconFailed' : 'list.warningForeground'),
        );
        item.tooltip = new vscode.MarkdownString(`**${d.rootCause.title}**\n\n${d.status}${d.agreement.agree ? '' : `\n\nThe decision tree ends at ${d.agreement.tree ?? 'no leaf'}, the ranking leads with ${d.agreement.ranking ?? 'none'}.`}`);
        item.command = { command: 'beaconDebug.showResults', title: 'Show Results' };
        return item;
      }
      case 'next': {
        const n = node.d.nextStep!;
        const item = new vscode.TreeItem(`Next: ${n.text}`, None);
        item.id = 'diag:next';
        item.description = n.title;
        item.tooltip = n.reason;
        item.iconPath = new vscode.ThemeIcon(n.action === 'run' ? 'play' : 'code');
        item.command = n.action === 'run'
          ? { command: 'beaconDebug.runStep', title: 'Run', arguments: [n.step] }
          : { command: 'beaconDebug.openStep', title: 'Open', arguments: [n.step] };
        return item;
      }
      case 'fix': {
        const f = node.d.fix!;
        const item = new vscode.TreeItem(f.kind === 'command' ? `Apply ${f.title}` : f.title, None);
        item.id = 'diag:fix';
        item.description = f.kind === 'command' ? 'asks before it runs' : f.kind;
        item.iconPath = new vscode.ThemeIcon('wrench');
        item.contextValue = `fix-${f.kind}`;
        item.tooltip = f.argv ? f.argv.join(' ') : f.title;
        item.command = { command: 'beaconDebug.applyFix', title: 'Apply Fix', arguments: [f.id] };
        return item;
      }
      case 'section': {
        const item = new vscode.TreeItem(node.label, node.id === 'evidence' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `diag:${node.id}`;
        item.iconPath = new vscode.ThemeIcon({ evidence: 'search', ranked: 'graph', criteria: 'checklist', notes: 'info' }[node.id]);
        return item;
      }
      case 'evidence': {
        const item = new vscode.TreeItem(`${node.fact} = ${show(node.value)}`, None);
        item.id = node.id;
        item.description = `${node.step} · ${node.label}`;
        item.tooltip = node.line ? `${node.label}\n\n${node.line}` : node.label;
        item.iconPath = new vscode.ThemeIcon('debug-breakpoint-log');
        item.command = { command: 'beaconDebug.revealStep', title: 'Go to step', arguments: [node.step] };
        return item;
      }
      case 'ranked': {
        const item = new vscode.TreeItem(node.cause, None);
        item.id = node.id;
        item.description = percent(node.probability);
        item.tooltip = node.title;
        item.iconPath = new vscode.ThemeIcon('circle-small-filled');
        return item;
      }
      case 'criterion': {
        const c = node.c;
        const item = new vscode.TreeItem(c.text, None);
        item.id = `sc:${c.id}`;
        item.iconPath = new vscode.ThemeIcon(c.status === 'met' ? 'pass' : c.status === 'notMet' ? 'circle-large-outline' : 'question');
        item.description = c.status === 'met' ? 'met' : c.status === 'notMet' ? 'not yet' : 'unknown';
        return item;
      }
      case 'note': {
        const item = new vscode.TreeItem(node.text, None);
        item.id = node.id;
        item.tooltip = node.text;
        item.iconPath = new vscode.ThemeIcon('info');
        return item;
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
