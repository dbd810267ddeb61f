// Workspace runbooks in the real workbench: .beacon/runbooks files appear in the Runbook view beside
// the built-in plan, a broken one shows its schema errors (on the YAML node) without stopping the
// others, saving re-validates, lint warnings mark the step, and the first run asks to approve the
// runbook's commands — with the exact text — remembered by hash until the commands change.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { runbookCommandsHash } from '../../src/runbook/runbookCommands';
import type { BeaconDebugApi } from '../../src/vscode/api';
import { RecordingPrompts } from '../../src/vscode/prompts';
import type { RunbookNode } from '../../src/vscode/runbookView/runbookTree';
import { EXTENSION_ID } from './index';
import { waitForValue, waitUntil } from './waitFor';
import { SMALL_RUNBOOK, workspaceRoot } from './workspaceRunbookFixtures';

const PLAN = path.resolve(__dirname, '../../../test/fixtures/execution-failure-debug-plan.md');

const BROKEN_RUNBOOK = `schemaVersion: 1
id: broken
title: Broken runbook
keyInsight: { title: '', text: '' }
quickWins:
  title: Quick checks
  text: ''
  steps:
    - id: a
      title: A
      text: a
      checks:
        - id: c
          label: c
          probe: { type: telnet, host: x }
          otherwise: { verdict: pass, reason: ok }
phases: []
`;

function iconId(item: vscode.TreeItem): string | undefined {
  return item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined;
}

describe('workspace runbooks', function () {
  this.timeout(120000);
  let api: BeaconDebugApi;
  let prompts: RecordingPrompts;
  let dir: string;

  const wsNodes = () => api.runbookTree.getChildren().filter((n) => n.kind === 'workspace') as Extract<RunbookNode, { kind: 'workspace' }>[];
  const wsNode = (file: string) => wsNodes().find((n) => n.owner.uri.fsPath.endsWith(file));

  before(async () => {
    const ext = vscode.extensions.getExtension<BeaconDebugApi>(EXTENSION_ID)!;
    api = await ext.activate();
    prompts = new RecordingPrompts();
    api.setPrompts(prompts);
    dir = path.join(workspaceRoot(), '.beacon', 'runbooks');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'small.runbook.yaml'), SMALL_RUNBOOK);
    fs.writeFileSync(path.join(dir, 'broken.runbook.yaml'), BROKEN_RUNBOOK);
    fs.copyFileSync(PLAN, path.join(dir, 'plan.md'));
    await vscode.commands.executeCommand('beaconDebug.reloadWorkspaceRunbooks');
  });

  after(async () => {
    await vscode.commands.executeCommand('beaconDebug.stopDemo');
    fs.rmSync(path.join(workspaceRoot(), '.beacon'), { recursive: true, force: true });
    await vscode.commands.executeCommand('beaconDebug.reloadWorkspaceRunbooks');
  });

  it('appear in the Runbook view beside the built-in plan; the broken one shows its problems, the others load', async () => {
    const roots = api.runbookTree.getChildren();
    assert.deepEqual(roots.slice(0, 7).map((n) => n.id), ['group:quick-wins', 'group:phase-0', 'group:phase-1', 'group:phase-2', 'group:phase-3', 'group:phase-4', 'group:phase-5']);
    assert.equal(wsNodes().length, 3);
    const small = wsNode('small.runbook.yaml')!;
    assert.equal(api.runbookTree.getTreeItem(small).label, 'Small runbook');
    const plan = wsNode('plan.md')!;
    assert.equal(api.runbookTree.getTreeItem(plan).label, 'Execution Failure Debug Plan - ENHANCED');
    const planGroups = api.runbookTree.getChildren(plan);
    assert.deepEqual(planGroups.map((g) => (g as { title: string }).title).slice(0, 2), ['Quick Win Checklist', 'Phase 0: Pre-Flight Configuration Audit']);
    const broken = wsNode('broken.runbook.yaml')!;
    assert.equal(iconId(api.runbookTree.getTreeItem(broken)), 'error');
    const problems = api.runbookTree.getChildren(broken);
    assert.ok(problems.length >= 1);
    assert.match(String(api.runbookTree.getTreeItem(problems[0]).label), /quickWins\.steps\[0\]\.checks\[0\]\.probe/);
  });

  it('reports schema errors as diagnostics on the YAML node they name', async () => {
    const uri = vscode.Uri.file(path.join(dir, 'broken.runbook.yaml'));
    const diags = await waitForValue('diagnostics on broken.runbook.yaml', () => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.length ? d : undefined;
    });
    const probe = diags.find((d) => /probe/.test(d.message))!;
    assert.ok(probe, diags.map((d) => d.message).join('\n'));
    assert.equal(probe.severity, vscode.DiagnosticSeverity.Error);
    // zod names `…probe.type`: the `type` key inside `probe: { type: telnet, … }`, line 15 (0-based 14), column 19
    assert.match(probe.message, /^quickWins\.steps\[0\]\.checks\[0\]\.probe\.type: /);
    assert.equal(probe.range.start.line, 14);
    assert.equal(probe.range.start.character, 19);
  });

  it('re-validates on save: an error appears, then goes when fixed', async () => {
    const uri = vscode.Uri.file(path.join(dir, 'small.runbook.yaml'));
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.replace(new vscode.Range(0, 0, 0, 'schemaVersion: 1'.length), 'schemaVersion: 2'));
    await doc.save();
    const diags = await waitForValue('a diagnostic after saving schemaVersion: 2', () => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.length ? d : undefined;
    });
    assert.equal(diags[0].range.start.line, 0);
    assert.match(diags[0].message, /schemaVersion/);
    await editor.edit((e) => e.replace(new vscode.Range(0, 0, 0, 'schemaVersion: 2'.length), 'schemaVersion: 1'));
    await doc.save();
    assert.ok(await waitUntil(() => vscode.languages.getDiagnostics(uri).length === 0, 30000), 'the diagnostic went away');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('lint: a step relying on something the code does not have gets a warning icon and a warning diagnostic', async () => {
    const plan = wsNode('plan.md')!;
    await vscode.commands.executeCommand('beaconDebug.lintRunbook', plan);
    const phase1 = api.runbookTree.getChildren(plan).find((g) => g.id.endsWith('group:phase-1'))!;
    const step15 = api.runbookTree.getChildren(phase1).find((s) => s.id.endsWith('step:1.5'))!;
    const item = api.runbookTree.getTreeItem(step15);
    assert.equal(iconId(item), 'warning');
    assert.match(String(item.description), /missing in the code/);
    const diags = vscode.languages.getDiagnostics(plan.owner.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Warning);
    const metric = diags.find((d) => d.message.includes('hybrid_circuit_breaker_state'))!;
    assert.ok(metric, diags.map((d) => d.message).join('\n'));
    assert.equal(metric.range.start.line, 96, 'on the heading of Step 1.5 (line 97)');
  });

  it('a step\'s go code is linked to the code lens anchor it matches', async () => {
    const plan = wsNode('plan.md')!;
    const phase2 = api.runbookTree.getChildren(plan).find((g) => g.id.endsWith('group:phase-2'))!;
    const step21 = api.runbookTree.getChildren(phase2).find((s) => s.id.endsWith('step:2.1'))!;
    const code = api.runbookTree.getChildren(step21).find((n) => n.kind === 'code')!;
    const item = api.runbookTree.getTreeItem(code);
    assert.equal(item.label, "Go to executeQuestion (the step's Go code goes there)");
    assert.deepEqual([item.command?.command, item.command?.arguments], ['beaconDebug.revealAnchor', ['2.1']]);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    assert.ok(await waitUntil(() => !!vscode.window.activeTextEditor?.document.uri.fsPath.endsWith('job_runner.go'), 30000), 'the anchor\'s file opened');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('asks before the first run of a workspace runbook\'s commands (exact text), remembers the answer by hash, asks again when they change', async () => {
    const started = await vscode.commands.executeCommand('beaconDebug.startDemo', 'healthy');
    assert.ok(started, JSON.stringify(prompts.calls));
    const small = wsNode('small.runbook.yaml')!;
    const rb = small.owner.runbook!;
    prompts.calls.length = 0;
    prompts.answers.push(undefined); // dismissed
    await vscode.commands.executeCommand('beaconDebug.runWorkspaceRunbook', small);
    const confirm = prompts.calls.find((c) => c.kind === 'confirm')!;
    assert.equal(confirm.message, 'Run the commands of the workspace runbook "Small runbook"?');
    assert.equal(
      confirm.detail,
      '.beacon/runbooks/small.runbook.yaml comes from this workspace, not from Beacon Debug. Its 1 command(s) run on this machine as you, with your environment and tools:\n\n' +
        '[hello] echo hello-from-runbook\n\n' +
        `Your answer is remembered for exactly these commands (SHA-256 ${runbookCommandsHash(rb).slice(0, 12)}…); any change asks again.`,
    );
    assert.deepEqual(confirm.actions, ['Run These Commands']);
    assert.equal(small.owner.state.verdictOf('hello'), 'pending', 'declined: nothing ran');

    prompts.calls.length = 0;
    prompts.answers.push('Run These Commands');
    const builtinBefore = { runId: api.state.runId, qw1: api.state.verdictOf('qw.1'), hello: api.state.verdictOf('hello') };
    await vscode.commands.executeCommand('beaconDebug.runWorkspaceRunbook', small);
    assert.equal(small.owner.state.verdictOf('hello'), 'pass', JSON.stringify(prompts.calls));
    assert.deepEqual({ runId: api.state.runId, qw1: api.state.verdictOf('qw.1'), hello: api.state.verdictOf('hello') }, builtinBefore, 'the built-in plan\'s state is not touched');

    prompts.calls.length = 0;
    await vscode.commands.executeCommand('beaconDebug.runWorkspaceRunbook', small);
    assert.equal(prompts.calls.filter((c) => c.kind === 'confirm').length, 0, 'remembered');

    fs.writeFileSync(path.join(dir, 'small.runbook.yaml'), SMALL_RUNBOOK.replace("echo hello-from-runbook'", "echo hello-from-runbook; echo again'"));
    const entry = await api.workspaceRunbooks().reload(small.owner.uri);
    prompts.calls.length = 0;
    prompts.answers.push(undefined);
    await vscode.commands.executeCommand('beaconDebug.runWorkspaceRunbook', entry.key);
    assert.equal(prompts.calls.filter((c) => c.kind === 'confirm').length, 1, 'the commands changed: asked again');
  });

  it('an expectation no rule can read is judged by hand: the prompt shows it, the answer is the verdict', async () => {
    fs.writeFileSync(path.join(dir, 'judge.md'), '# Judge plan\n\n## Checks\n\n### Step 1.1: Greeting\n\n```sh\necho hello there\n```\n\n**Expected**: the greeting looks friendly\n');
    const entry = await api.workspaceRunbooks().reload(vscode.Uri.file(path.join(dir, 'judge.md')));
    prompts.calls.length = 0;
    prompts.answers.push('Run These Commands', 'It Matched');
    await vscode.commands.executeCommand('beaconDebug.runWorkspaceRunbook', entry.key);
    const judge = prompts.calls.find((c) => c.kind === 'info' && c.actions?.length)!;
    assert.ok(judge, JSON.stringify(prompts.calls));
    assert.equal(judge.message, 'Step 1.1 Greeting: the plan expects "the greeting looks friendly". Judge the output in the Beacon Debug terminal: did it match?');
    assert.deepEqual(judge.actions, ['It Matched', 'It Did Not']);
    assert.equal(entry.state.verdictOf('1.1'), 'pass');
    assert.equal(entry.state.get('1.1')?.reason, 'Judged by hand (matched): the greeting looks friendly');
  });

  it('imports a markdown plan into .beacon/runbooks and shows the import report', async () => {
    prompts.openAnswer = vscode.Uri.file(PLAN);
    prompts.calls.length = 0;
    const out = (await vscode.commands.executeCommand('beaconDebug.importMarkdownRunbook')) as vscode.Uri;
    assert.ok(out, JSON.stringify(prompts.calls));
    assert.equal(path.relative(workspaceRoot(), out.fsPath), path.join('.beacon', 'runbooks', 'execution-failure-debug-plan.runbook.yaml'));
    assert.match(fs.readFileSync(out.fsPath, 'utf8'), /^# Imported by Beacon Debug from execution-failure-debug-plan\.md/);
    assert.ok(vscode.workspace.textDocuments.some((d) => d.getText().startsWith('Imported execution-failure-debug-plan.md: 7 groups')));
    assert.ok(await waitUntil(() => !!wsNode('execution-failure-debug-plan.runbook.yaml')?.owner.runbook, 30000));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
