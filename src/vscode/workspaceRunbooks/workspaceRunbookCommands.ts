/**
 * Commands for runbooks of the workspace: import a markdown plan into `.beacon/runbooks/`, run a
 * workspace runbook (or one group or step of it) after approval, lint it against the code, open a
 * step where the file declares it, reload.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunbookNode } from '../runbookView/runbookTree';
import type { CommandFactory, Services } from '../services';
import type { WorkspaceRunbook } from './workspaceRunbooks';

export const RUNBOOK_FOLDER = '.beacon/runbooks';

function ownerOf(s: Services, arg: unknown): WorkspaceRunbook | undefined {
  if (arg && typeof arg === 'object' && 'kind' in arg && 'owner' in arg) return (arg as { owner?: WorkspaceRunbook }).owner;
  if (typeof arg === 'string') return s.workspaceRunbooks.get(arg);
  return undefined;
}

async function pickRunbook(s: Services, arg: unknown): Promise<WorkspaceRunbook | undefined> {
  const owner = ownerOf(s, arg);
  if (owner) return owner;
  await s.workspaceRunbooks.loaded;
  const list = s.workspaceRunbooks.list().filter((e) => e.runbook);
  if (!list.length) {
    await s.prompts.info(`No runbook in ${RUNBOOK_FOLDER}/ of this workspace. Import a markdown plan with "Beacon Debug: Import Markdown Runbook…".`);
    return undefined;
  }
  if (list.length === 1) return list[0];
  const picked = await s.prompts.pick(list.map((e) => ({ label: e.runbook!.title, description: vscode.workspace.asRelativePath(e.uri), key: e.key })), { placeHolder: 'Which workspace runbook?' });
  return picked ? s.workspaceRunbooks.get((picked as { key: string }).key) : undefined;
}

/** What a tree node of a workspace runbook selects: step ids, a group, or everything. */
function selection(node: unknown): { only?: string[]; label: string } {
  const n = node as RunbookNode | undefined;
  if (n && typeof n === 'object' && 'kind' in n) {
    if (n.kind === 'step' || n.kind === 'check') return { only: [n.step.id], label: `Step ${n.step.id}` };
    if (n.kind === 'group') return { only: [n.id.replace(/^.*group:/, '')], label: n.title };
  }
  return { label: 'every check' };
}

export const workspaceRunbookCommands: CommandFactory = (s) => ({
  'beaconDebug.importMarkdownRunbook': async (arg) => {
    const from = arg instanceof vscode.Uri ? arg : await s.prompts.openFile({ title: 'Import a markdown debug plan', filters: { Markdown: ['md', 'markdown'] }, openLabel: 'Import' });
    if (!from) return undefined;
    const { importMarkdownRunbook, NothingToImportError } = require('../../runbook/import/importMarkdown') as typeof import('../../runbook/import/importMarkdown');
    const { MarkdownInputError } = require('../../runbook/import/markdownBlocks') as typeof import('../../runbook/import/markdownBlocks');
    const { formatImportReport } = require('../../runbook/import/importReport') as typeof import('../../runbook/import/importReport');
    const { runbookToYaml } = require('../../runbook/import/runbookYaml') as typeof import('../../runbook/import/runbookYaml');
    let result;
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(from));
      result = importMarkdownRunbook(text, { source: path.basename(from.fsPath) });
    } catch (e) {
      if (e instanceof MarkdownInputError || e instanceof NothingToImportError) {
        await s.prompts.error(`Beacon Debug: nothing imported from ${path.basename(from.fsPath)}: ${e.message}`);
        return undefined;
      }
      throw e;
    }
    const folder = vscode.workspace.workspaceFolders?.[0];
    const name = path.basename(from.fsPath).replace(/\.(md|markdown)$/i, '') + '.runbook.yaml';
    let out = folder ? vscode.Uri.joinPath(folder.uri, RUNBOOK_FOLDER, name) : await s.prompts.saveFile({ title: 'Save the imported runbook', filters: { 'Beacon runbook': ['yaml'] } });
    if (!out) return undefined;
    if (folder) {
      const exists = await vscode.workspace.fs.stat(out).then(() => true, () => false);
      if (exists) {
        const answer = await s.prompts.confirm(`Replace ${vscode.workspace.asRelativePath(out)}?`, 'A runbook with this name is already in the workspace; importing again replaces it.', 'Replace');
        if (answer !== 'Replace') return undefined;
      }
    }
    const yaml = runbookToYaml(result.runbook, `Imported by Beacon Debug from ${path.basename(from.fsPath)} — edit freely; the schema is the built-in plan's.`);
    await vscode.workspace.fs.writeFile(out, new TextEncoder().encode(yaml));
    s.log.info(formatImportReport(result.report));
    const report = await vscode.workspace.openTextDocument({ content: formatImportReport(result.report), language: 'plaintext' });
    await vscode.window.showTextDocument(report, { preview: true });
    if (folder) {
      const entry = await s.workspaceRunbooks.reload(out);
      s.tree.setWorkspaceRunbooks(s.workspaceRunbooks);
      void s.workspaceRunbooks.lint(entry);
    }
    const c = result.report.counts;
    void s.prompts.info(`Imported "${result.runbook.title}": ${c.steps} steps, ${c.commands} commands${c.notUnderstood ? `, ${c.notUnderstood} part(s) not understood (see the report)` : ''}.`);
    out = out ?? undefined;
    return out;
  },

  'beaconDebug.runWorkspaceRunbook': async (arg) => {
    const entry = await pickRunbook(s, arg);
    if (!entry) return undefined;
    const { only, label } = selection(arg);
    return s.workspaceRunbooks.run(entry, only, label);
  },

  'beaconDebug.lintRunbook': async (arg) => {
    const entry = await pickRunbook(s, arg);
    if (!entry?.runbook) return undefined;
    const findings = await s.workspaceRunbooks.lint(entry);
    const missing = findings.filter((f) => f.status === 'missing');
    void s.prompts.info(
      missing.length
        ? `"${entry.runbook.title}": ${missing.length} of ${findings.length} things its steps rely on are not in this workspace's code — see the Problems view.`
        : `"${entry.runbook.title}": everything its steps rely on was found in the code (${findings.length} checked).`,
    );
    return findings;
  },

  'beaconDebug.openWorkspaceStep': async (arg) => {
    const n = arg as RunbookNode;
    if (!n || typeof n !== 'object' || !('owner' in n) || !n.owner || n.kind !== 'step') return undefined;
    const doc = await vscode.workspace.openTextDocument(n.owner.uri);
    const { YamlLocator } = require('../../runbook/yamlLocations') as typeof import('../../runbook/yamlLocations');
    const at = /\.md$/i.test(n.owner.uri.path)
      ? n.step.sourceLine !== undefined ? { startLine: n.step.sourceLine - 1, startCol: 0 } : undefined
      : new YamlLocator(doc.getText()).locateStep(n.step.id);
    const pos = new vscode.Position(at?.startLine ?? 0, at?.startCol ?? 0);
    await vscode.window.showTextDocument(doc, { preview: true, preserveFocus: true, selection: new vscode.Range(pos, pos) });
    return doc.uri;
  },

  'beaconDebug.reloadWorkspaceRunbooks': async () => {
    s.tree.setWorkspaceRunbooks(s.workspaceRunbooks);
    await s.workspaceRunbooks.loadAll();
    for (const e of s.workspaceRunbooks.list()) if (e.runbook) await s.workspaceRunbooks.lint(e);
  },
});
