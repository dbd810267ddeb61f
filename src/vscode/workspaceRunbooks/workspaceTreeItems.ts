/**
 * Tree items of workspace runbooks that the built-in plan never has (the runbook itself, its load
 * problems, a step's link to its code lens anchor). Loaded with the workspace runbooks, after
 * activation, so the start-up bundle does not carry them.
 */
import * as vscode from 'vscode';
import type { RunbookNode } from '../runbookView/runbookTree';

/** A snippet whose anchor is this one: Go to Instrumentation Anchor reveals it. */
const SNIPPET_FOR_ANCHOR: Record<string, string> = { setHybridClient: '0.3', executeQuestion: '2.1', executorCall: '2.2', hybridExecute: '2.3', runInference: '2.4' };

export function workspaceTreeItem(node: Extract<RunbookNode, { kind: 'workspace' | 'problem' | 'code' }>): vscode.TreeItem {
  switch (node.kind) {
      case 'workspace': {
        const o = node.owner;
        const file = vscode.workspace.asRelativePath(o.uri);
        const label = o.runbook ? o.runbook.title : file;
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.id;
        const missing = [...o.missing.values()].reduce((n, f) => n + f.length, 0);
        item.description = o.runbook
          ? [`workspace · ${file}`, missing ? `${missing} missing in the code` : '', vscode.workspace.isTrusted ? '' : 'not run in Restricted Mode'].filter(Boolean).join(' · ')
          : `${o.problems.length} problem(s)`;
        item.iconPath = o.runbook ? new vscode.ThemeIcon(missing ? 'warning' : 'book', missing ? new vscode.ThemeColor('list.warningForeground') : undefined) : new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
        item.contextValue = o.runbook ? 'workspaceRunbook' : 'workspaceRunbook-invalid';
        item.tooltip = new vscode.MarkdownString(`**${label}** — a runbook from this workspace (\`${file}\`).\n\nIts commands run only in a trusted workspace, after you approve them.`);
        item.resourceUri = o.uri;
        item.command = o.runbook ? undefined : { command: 'vscode.open', title: 'Open', arguments: [o.uri] };
        return item;
      }
      case 'problem': {
        const item = new vscode.TreeItem(node.message, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
        item.contextValue = 'problem';
        item.command = { command: 'vscode.open', title: 'Open', arguments: [node.owner.uri] };
        return item;
      }
      case 'code': {
        const item = new vscode.TreeItem(`Go to ${node.anchor} (the step's Go code goes there)`, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('go-to-file');
        item.contextValue = 'code';
        item.tooltip = 'The plan shows Go code for this step; it matches this code lens anchor in the workspace.';
        item.command = { command: 'beaconDebug.revealAnchor', title: 'Go to the anchor', arguments: [SNIPPET_FOR_ANCHOR[node.anchor] ?? node.anchor] };
        return item;
      }
  }
}
