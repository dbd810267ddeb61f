// Runs against the built-in simulator from the real workbench: the demo environment, the Quick Win
// Checklist from the tree, live tree states, the terminal view of the captured run, cancel.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BeaconDebugApi } from '../../src/vscode/api';
import { RecordingPrompts } from '../../src/vscode/prompts';
import type { RunbookNode } from '../../src/vscode/runbookView/runbookTree';
import { EXTENSION_ID } from './index';
import { waitUntil } from './waitFor';

function iconId(item: vscode.TreeItem): string | undefined {
  return item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined;
}

describe('runs against the demo environment', function () {
  this.timeout(120000);
  let api: BeaconDebugApi;
  let prompts: RecordingPrompts;

  before(async () => {
    const ext = vscode.extensions.getExtension<BeaconDebugApi>(EXTENSION_ID)!;
    api = await ext.activate();
    prompts = new RecordingPrompts();
    api.setPrompts(prompts);
  });

  after(async () => {
    await vscode.commands.executeCommand('beaconDebug.stopDemo');
  });

  it('starts the demo environment, selects it and shows it in the Environment view', async () => {
    const started = (await vscode.commands.executeCommand('beaconDebug.startDemo', 'missing-hybrid-config')) as { runnerUrl: string } | undefined;
    assert.ok(started, `startDemo failed: ${JSON.stringify(prompts.calls)}`);
    assert.match(started.runnerUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(api.envs.active()?.name, 'demo');
    const envNodes = await api.environmentView.getChildren();
    assert.equal(envNodes.length, 1);
    const item = api.environmentView.getTreeItem(envNodes[0]);
    assert.equal(item.label, 'demo');
    assert.match(String(item.description), /active/);
  });

  it('runs the Quick Win Checklist: tree items show running, then their verdicts', async () => {
    const groups = api.runbookTree.getChildren();
    const qwGroup = groups.find((g) => g.id === 'group:quick-wins')!;
    const steps = api.runbookTree.getChildren(qwGroup) as RunbookNode[];
    assert.deepEqual(steps.map((s) => s.id), ['step:qw.1', 'step:qw.2', 'step:qw.3', 'step:qw.4', 'step:qw.5']);
    for (const s of steps) assert.equal(iconId(api.runbookTree.getTreeItem(s)), 'circle-large-outline');

    const seenRunning = new Set<string>();
    const sub = api.state.onDidChange((id) => {
      if (id && id !== 'preflight' && api.state.verdictOf(id) === 'running') {
        seenRunning.add(id);
      }
    });
    const outcome = await vscode.commands.executeCommand('beaconDebug.runQuickWins');
    sub.dispose();
    assert.ok(outcome, `the run did not start: ${JSON.stringify(prompts.calls)}`);
    // the five ran concurrently: each was seen running
    assert.deepEqual([...seenRunning].sort(), ['qw.1', 'qw.2', 'qw.3', 'qw.4', 'qw.5']);

    const verdict = (id: string) => api.state.verdictOf(id);
    // missing-hybrid-config: the env check and the startup line fail; the router itself is fine
    assert.equal(verdict('qw.1'), 'fail');
    assert.equal(verdict('qw.2'), 'fail');
    assert.equal(verdict('qw.3'), 'pass');
    assert.equal(verdict('qw.5'), 'inconclusive', 'no circuit-breaker metric: not exposed, never pass');
    const item1 = api.runbookTree.getTreeItem(steps[0]);
    assert.equal(iconId(item1), 'error');
    assert.match(String(item1.description), /fail · \d+( ms|\.\d s)/);
    assert.equal(iconId(api.runbookTree.getTreeItem(steps[2])), 'pass');
    // a phase step that did not run stays "not run"
    const phase0 = api.runbookTree.getChildren(groups.find((g) => g.id === 'group:phase-0')!) as RunbookNode[];
    assert.equal(api.state.verdictOf('0.3'), 'pending');
    assert.equal(iconId(api.runbookTree.getTreeItem(phase0.find((n) => n.id === 'step:0.3')!)), 'circle-large-outline');
  });

  it('the terminal shows the commands, the live output and the verdict lines of that run', async () => {
    const t = api.runs.terminal.transcript;
    assert.match(t, /Environment: demo/);
    assert.match(t, /\[qw\.1\] \(runner container\) \$ \S*flyctl ssh console -a beacon-runner-production -C/);
    assert.match(t, /\[qw\.1\] HYBRID_BASE=\s*$/m, 'live output of the check');
    assert.match(t, /\[qw\.1\] FAIL /);
    assert.match(t, /■ qw\.3 PASS/);
    assert.ok(vscode.window.terminals.some((x) => x.name === 'Beacon Debug'), 'a terminal tab named Beacon Debug');
  });

  it('a step can be cancelled while it runs, and the tree shows it', async () => {
    // Step 1.6's inference test waits on the router; cancel as soon as it is running.
    const run = vscode.commands.executeCommand('beaconDebug.runStep', '1.6');
    assert.ok(await waitUntil(() => api.state.verdictOf('1.6') === 'running', 20000), 'step 1.6 started');
    await vscode.commands.executeCommand('beaconDebug.cancelRun');
    await run;
    assert.notEqual(api.state.verdictOf('1.6'), 'running');
    assert.equal(api.runs.running, false);
    assert.match(api.runs.terminal.transcript, /Run cancelled/);
  });

  it('refuses a second run while one is in progress, and says why', async () => {
    const first = vscode.commands.executeCommand('beaconDebug.runQuickWins');
    assert.ok(await waitUntil(() => api.runs.running, 10000));
    const second = await vscode.commands.executeCommand('beaconDebug.runStep', '0.1');
    assert.equal(second, undefined);
    assert.ok(prompts.calls.some((c) => c.kind === 'warn' && /already in progress/.test(c.message)));
    await first;
  });
});
