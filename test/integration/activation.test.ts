// Activation in a real VS Code extension host: lazy (nothing activates Beacon Debug at startup), triggered
// by opening its view, every contributed command registered, and the Runbook tree shows the plan.
// Runs in the default suite (code-server 4.139.1) and alone as BEACON_TEST_SUITE=activation on the oldest
// VS Code the manifest allows (code-server 4.100.3 = VS Code 1.100.3).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BeaconDebugApi } from '../../src/vscode/api';
import { COMMAND_MODULES, registeredCommandIds } from '../../src/vscode/commands';
import { RecordingPrompts } from '../../src/vscode/prompts';
import { reportStartupFailure } from '../../src/vscode/startupFailure';
import { EXTENSION_ID, loaderState } from './index';
import { waitForValue, waitUntil } from './waitFor';

interface Manifest {
  engines: { vscode: string };
  activationEvents?: string[];
  contributes: {
    commands?: { command: string; title: string }[];
    viewsContainers?: { activitybar?: { id: string; title: string }[] };
  };
}

function versionTuple(v: string): number[] {
  const m = /(\d+)\.(\d+)\.(\d+)/.exec(v);
  assert.ok(m, `not a version: ${v}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

describe('activation', () => {
  let ext: vscode.Extension<BeaconDebugApi>;
  let manifest: Manifest;
  let activeAtSuiteStart: boolean;

  before(() => {
    const found = vscode.extensions.getExtension<BeaconDebugApi>(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is installed in the extension host`);
    ext = found;
    activeAtSuiteStart = ext.isActive;
    manifest = JSON.parse(fs.readFileSync(path.join(ext.extensionPath, 'package.json'), 'utf8')) as Manifest;
  });

  it('runs on the VS Code version under test, which the manifest allows', () => {
    console.log(`    vscode ${vscode.version}, ${vscode.env.appName}, ext host node ${process.version}, suite ${loaderState.suite}`);
    const expected = process.env.BEACON_TEST_EXPECT_VSCODE;
    if (expected) assert.equal(vscode.version, expected, 'the harness started the intended VS Code');
    const min = versionTuple(manifest.engines.vscode);
    const cur = versionTuple(vscode.version);
    assert.ok(cur[0] > min[0] || (cur[0] === min[0] && (cur[1] > min[1] || (cur[1] === min[1] && cur[2] >= min[2]))),
      `VS Code ${vscode.version} is older than engines.vscode ${manifest.engines.vscode}`);
  });

  it('is lazy: not active at startup', () => {
    const events = manifest.activationEvents ?? [];
    assert.ok(!events.includes('*') && !events.includes('onStartupFinished'), `eager activation event in ${JSON.stringify(events)}`);
    assert.equal(loaderState.extensionActiveAtLoad, false, 'Beacon Debug was already active before the tests were loaded');
    assert.equal(activeAtSuiteStart, false, 'Beacon Debug was already active when the activation suite started');
  });

  it('activates when its view is opened, and returns its API', async function () {
    this.timeout(60000);
    const container = manifest.contributes.viewsContainers?.activitybar?.find((c) => c.title === 'Beacon Debug');
    assert.ok(container, 'an activity-bar container titled "Beacon Debug"');
    await vscode.commands.executeCommand(`workbench.view.extension.${container.id}`);
    assert.ok(await waitUntil(() => ext.isActive, 30000), 'opening the Beacon Debug view did not activate the extension');
    const api = ext.exports;
    assert.ok(api && api.runbookTree, 'activate() returns an API with runbookTree');
    assert.equal(typeof api.runbookTree.getChildren, 'function');
    // read by `npm run bench`
    console.log(`BEACON_BENCH activation ${api.activationMs?.toFixed(1)} ms (VS Code ${vscode.version})`);
    const firstTree = await waitForValue('the Runbook view to ask for its items', () => api.startup.firstTreeChildrenMs(), 30000);
    console.log(`BEACON_BENCH firstTreeChildren ${firstTree.toFixed(1)} ms (VS Code ${vscode.version})`);
  });

  it('builds nothing at activation but what draws the views', () => {
    // runs, results, instrumentation, deploy and the command modules are built on first use (the
    // workspace's marker scan builds instrumentation a second after activation)
    assert.deepEqual(ext.exports.startup.builtDuringActivation, []);
    // the settings (and their zod schema) are read just after activation, not during it
    assert.equal(ext.exports.startup.settingsReadDuringActivation, false);
  });

  // Only where nothing ran before and nothing runs after: the activation suite (it starts the demo, runs a check).
  (loaderState.suite === 'activation' ? it : it.skip)('first use: a Go file\'s lenses, a check and the results page each load their part, once', async function () {
    this.timeout(180000);
    const api = ext.exports;
    const timings: Record<string, number> = {};
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-first-use-'));
    try {
      // a Go file with the anchor the lenses look for
      const file = path.join(dir, 'job_runner.go');
      fs.writeFileSync(file, 'package worker\n\ntype JobRunner struct{}\n\nfunc (w *JobRunner) executeQuestion(q string) string {\n\treturn q\n}\n');
      let t0 = performance.now();
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(doc);
      const lenses = await waitForValue('code lenses on a Go file', async () => {
        const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
        return l && l.length ? l : undefined;
      }, 60000);
      timings.lens = performance.now() - t0;
      assert.ok(lenses.some((l) => /Insert 2\.1/.test(l.command?.title ?? '')), `lenses: ${lenses.map((l) => l.command?.title).join(' | ')}`);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

      t0 = performance.now();
      await vscode.commands.executeCommand('beaconDebug.startDemo');
      timings.demo = performance.now() - t0;
      t0 = performance.now();
      await vscode.commands.executeCommand('beaconDebug.runStep', 'qw.3');
      timings.check = performance.now() - t0;
      assert.notEqual(api.state.verdictOf('qw.3'), 'pending', 'the check ran');

      t0 = performance.now();
      await vscode.commands.executeCommand('beaconDebug.showResults');
      await waitUntil(() => api.results.panelState.ready, 60000);
      timings.webview = performance.now() - t0;
      assert.ok(api.results.panelState.ready, 'the results page answered its handshake');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await vscode.commands.executeCommand('beaconDebug.stopDemo');
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const loads = api.loadTimings();
    const names = loads.map((t) => t.name);
    assert.equal(new Set(names).size, names.length, `a part was built twice: ${names.join(', ')}`);
    for (const part of ['instrumentation', 'runs', 'results']) assert.ok(names.includes(part), `${part} was built: ${names.join(', ')}`);
    // read by `npm run bench`
    console.log(`BEACON_BENCH firstUse ${JSON.stringify({ ...Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Number(v.toFixed(1))])), loads: loads.map((t) => ({ name: t.name, ms: Number(t.ms.toFixed(1)) })) })}`);
  });

  it('the command table registers exactly the contributed commands, each from its feature folder', () => {
    const contributed = (manifest.contributes.commands ?? []).map((c) => c.command).sort();
    assert.deepEqual([...registeredCommandIds()].sort(), contributed);
    for (const m of COMMAND_MODULES) {
      assert.ok(fs.existsSync(path.join(ext.extensionPath, 'src', 'vscode', m.folder)), `src/vscode/${m.folder}/ (the feature of ${m.ids.join(', ')})`);
    }
  });

  it('a failure during activation is told to the user, with the way to the log', async () => {
    const prompts = new RecordingPrompts();
    prompts.answers.push('Show Log');
    const logged: string[] = [];
    let shown = 0;
    const log = { error: (m: string) => void logged.push(m), show: () => void (shown += 1) } as unknown as vscode.LogOutputChannel;
    const failure = new Error('cannot read dist/execution-failure.runbook.json');
    await reportStartupFailure(failure, { log, prompts });
    assert.deepEqual(prompts.calls, [{ kind: 'error', message: 'Beacon Debug could not start: cannot read dist/execution-failure.runbook.json', actions: ['Show Log'] }]);
    assert.ok(logged.length === 1 && logged[0].includes(failure.stack!.split('\n')[1].trim()), `the stack is in the log: ${logged[0]}`);
    assert.equal(shown, 1, 'Show Log shows the log');
    await reportStartupFailure('a thrown string', { log, prompts: Object.assign(new RecordingPrompts(), {}) });
    assert.match(logged[1], /could not start: a thrown string$/);
  });

  it('registers every command of contributes.commands', async () => {
    const contributed = (manifest.contributes.commands ?? []).map((c) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  describe('Runbook tree', () => {
    // The plan's own structure (seed/execution-failure-debug-plan.md), written here independently of the data.
    const PLAN_GROUPS: { name: string; label: RegExp; stepIds: string[]; labels?: RegExp[] }[] = [
      { name: 'Quick Win Checklist', label: /^Quick Win Checklist\b/, stepIds: ['qw.1', 'qw.2', 'qw.3', 'qw.4', 'qw.5'] },
      { name: 'Phase 0', label: /^Phase 0\b/, stepIds: ['0.1', '0.2', '0.3'] },
      { name: 'Phase 1', label: /^Phase 1\b/, stepIds: ['1.5', '1.6'] },
      { name: 'Phase 2', label: /^Phase 2\b/, stepIds: ['2.1', '2.2', '2.3', '2.4'] },
      { name: 'Phase 3', label: /^Phase 3\b/, stepIds: [] },
      { name: 'Phase 4', label: /^Phase 4\b/, stepIds: [], labels: [/\bFix F\b/, /\bFix G\b/, /\bFix H\b/, /\bFix I\b/] },
      { name: 'Phase 5', label: /^Phase 5\b/, stepIds: ['5.1', '5.2', '5.3', '5.4'] },
    ];
    type Node = unknown;
    let api: BeaconDebugApi;
    const labelOf = (item: vscode.TreeItem): string => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');
    const item = (n: Node): vscode.TreeItem => api.runbookTree.getTreeItem(n as never) as vscode.TreeItem;
    const children = async (n?: Node): Promise<Node[]> => ((await api.runbookTree.getChildren(n as never)) ?? []) as Node[];

    before(async () => {
      api = ext.isActive ? ext.exports : await ext.activate();
    });

    it('shows Quick Win Checklist, then Phase 0 to Phase 5, in that order', async () => {
      const roots = (await children()).map((n) => labelOf(item(n)));
      assert.equal(roots.length, PLAN_GROUPS.length, `root items: ${JSON.stringify(roots)}`);
      PLAN_GROUPS.forEach((g, i) => assert.match(roots[i], g.label, `root item ${i}: ${JSON.stringify(roots)}`));
    });

    for (const g of PLAN_GROUPS) {
      it(`${g.name} has the plan's steps, in order, each with a unique tree id`, async () => {
        const root = (await children()).find((n) => g.label.test(labelOf(item(n))));
        assert.ok(root, `no root item matching ${g.label}`);
        const rootItem = item(root);
        assert.notEqual(rootItem.collapsibleState, vscode.TreeItemCollapsibleState.None, 'a group can be expanded');
        const steps = (await children(root)).map(item);
        assert.ok(steps.length > 0, 'the group has children');
        const labels = steps.map(labelOf);
        const ids = steps.map((s) => s.id);
        assert.ok(ids.every((id) => typeof id === 'string' && id.length > 0), `every item has an id: ${JSON.stringify(ids)}`);
        assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${JSON.stringify(ids)}`);
        // each plan step appears, labelled with its id first, in the plan's order
        const positions = g.stepIds.map((id) => {
          const at = labels.findIndex((l) => l === id || l.startsWith(id + ' '));
          assert.ok(at >= 0, `step ${id} missing under ${labelOf(rootItem)}: ${JSON.stringify(labels)}`);
          return at;
        });
        assert.deepEqual(positions, [...positions].sort((a, b) => a - b), `steps out of the plan's order: ${JSON.stringify(labels)}`);
        for (const re of g.labels ?? []) {
          assert.ok(labels.some((l) => re.test(l)), `no item matching ${re} under ${labelOf(rootItem)}: ${JSON.stringify(labels)}`);
        }
      });
    }

    it('gives a plan step a tooltip with its text and a command that opens it', async () => {
      const phase0 = (await children()).find((n) => /^Phase 0\b/.test(labelOf(item(n))));
      const step = (await children(phase0)).map(item).find((i) => labelOf(i).startsWith('0.1 '));
      assert.ok(step, 'step 0.1');
      const tip = typeof step.tooltip === 'string' ? step.tooltip : step.tooltip?.value ?? '';
      assert.ok(tip.length > 40, `tooltip carries the plan's text: ${JSON.stringify(tip)}`);
      assert.ok(step.command?.command, 'selecting the step runs a command');
      const registered = new Set(await vscode.commands.getCommands(true));
      assert.ok(registered.has(step.command.command), `${step.command.command} is registered`);
    });
  });

  describe('runner log language', () => {
    it('a .beaconlog file opens as language beacon-log', async () => {
      assert.ok((await vscode.languages.getLanguages()).includes('beacon-log'), 'language beacon-log is registered');
      const file = path.join(os.tmpdir(), `beacon-activation-${process.pid}.beaconlog`);
      fs.writeFileSync(file, '2025-09-30T12:17:35Z INF executing multi-model job job_id=dedup-test-1759234649 model_count=2\n');
      try {
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
        assert.equal(doc.languageId, 'beacon-log');
      } finally {
        fs.rmSync(file, { force: true });
      }
    });
  });
});
