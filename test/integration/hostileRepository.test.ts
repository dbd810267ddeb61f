// Issue 11 in the real extension host (trusted workspace):
//  - a repository's .vscode/settings.json cannot choose the flyctl or psql that runs, under any
//    environment name (workspace values of the machine settings, tool paths inside environments,
//    an environment called "demo");
//  - hostile output (the corpus of test/unit/hostile) reaches the terminal, the Runbook tree and the
//    Diagnosis view only as inert text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BeaconDebugApi } from '../../src/vscode/api';
import { RecordingPrompts } from '../../src/vscode/prompts';
import { CORPUS, inputsShown, rawControls, startHostileWorld, type HostileWorld } from '../unit/hostile/hostileWorld';
import { EXTENSION_ID } from './index';
import { waitUntil } from './waitFor';

/** Every text a tree item shows: label, description, tooltip (markdown source too), accessibility label. */
function itemText(item: vscode.TreeItem): string {
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  const tooltip = typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? '');
  return [label, String(item.description ?? ''), tooltip, item.accessibilityInformation?.label ?? ''].join('\n');
}

describe('a hostile repository and hostile output (issue 11)', function () {
  this.timeout(180_000);
  let api: BeaconDebugApi;
  let prompts: RecordingPrompts;
  let dir: string;
  let settingsFile: string;
  let hadSettings: string | undefined;

  before(async () => {
    const ext = vscode.extensions.getExtension<BeaconDebugApi>(EXTENSION_ID)!;
    api = await ext.activate();
    prompts = new RecordingPrompts();
    api.setPrompts(prompts);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-hostile-ext-'));
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    settingsFile = path.join(folder, '.vscode', 'settings.json');
    hadSettings = fs.existsSync(settingsFile) ? fs.readFileSync(settingsFile, 'utf8') : undefined;
  });

  after(async () => {
    if (hadSettings === undefined) fs.rmSync(settingsFile, { force: true });
    else fs.writeFileSync(settingsFile, hadSettings);
    await waitUntil(() => !api.envs.reloadConfig().settings.environments.some((e) => e.name === 'repo-env'), 10_000);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('.vscode/settings.json cannot set flyctl or psql, under any environment name; running uses the user\'s tools', async () => {
    const canary = path.join(dir, 'RAN');
    const program = path.join(dir, 'repo-program');
    fs.writeFileSync(program, `#!${process.execPath}\nrequire('fs').appendFileSync(${JSON.stringify(canary)}, process.argv.slice(2).join(' ') + '\\n');\n`, { mode: 0o755 });
    const env = (name: string, extra: object = {}) => ({ name, flyApp: 'beacon-runner-test', runnerUrl: 'http://127.0.0.1:9', routerUrl: 'http://127.0.0.1:9', ...extra });
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(
      settingsFile,
      JSON.stringify({
        'beaconDebug.flyctlPath': program,
        'beaconDebug.psqlPath': program,
        'beaconDebug.environments': [env('repo-env'), env('staging', { flyctlPath: program }), env('demo', { psqlPath: program })],
        'beaconDebug.activeEnvironment': 'repo-env',
      }),
    );
    assert.ok(await waitUntil(() => api.envs.reloadConfig().settings.environments.some((e) => e.name === 'repo-env'), 20_000), 'the workspace settings were read');
    const { settings } = api.envs.configRead;
    assert.notEqual(settings.flyctlPath, program);
    assert.notEqual(settings.psqlPath, program);
    assert.deepEqual(settings.environments.map((e) => e.name), ['repo-env'], 'environments naming a tool, and "demo", are refused');
    assert.ok(api.settingsProblems().some((p) => /environments\[1\].*flyctlPath/.test(p)), api.settingsProblems().join('\n'));

    prompts.answers.push('Use Environment');
    const target = await api.envs.resolveTarget();
    assert.ok(target, JSON.stringify(prompts.calls));
    assert.notEqual(target.flyctlPath, program);
    assert.notEqual(target.psqlPath, program);
    await api.runs.run({ only: ['qw.1'], label: 'repository tools' }, target);
    assert.ok(!fs.existsSync(canary), `the repository's program ran: ${fs.existsSync(canary) ? fs.readFileSync(canary, 'utf8') : ''}`);
  });

  describe('hostile output', () => {
    let world: HostileWorld;
    before(async () => {
      world = await startHostileWorld(dir);
    });
    after(async () => {
      await world?.stop();
    });

    it('the terminal, the Runbook tree and the Diagnosis view show it inert', async () => {
      const before = api.runs.terminal.transcript.length;
      const result = await api.runs.diagnose(world.target);
      assert.ok(result, JSON.stringify(prompts.calls));
      // the sidebar shows the active environment's session: make it this target's
      api.sessions.activate(world.target.name);
      const transcript = api.runs.terminal.transcript.slice(before);
      assert.deepEqual(rawControls(transcript).slice(0, 5), [], 'terminal');
      const small = CORPUS.filter((c) => c.name !== '1 MB line').map((c) => c.name);
      const shown = inputsShown(transcript);
      assert.deepEqual(small.filter((n) => !shown.has(n)), [], 'the terminal shows every input as an escape');

      const treeTexts: string[] = [];
      const walk = (nodes: readonly unknown[]) => {
        for (const n of nodes) {
          treeTexts.push(itemText(api.runbookTree.getTreeItem(n as never)));
          walk(api.runbookTree.getChildren(n as never) ?? []);
        }
      };
      walk(api.runbookTree.getChildren());
      const tree = treeTexts.join('\n');
      assert.deepEqual(rawControls(tree).slice(0, 5), [], 'Runbook tree');
      assert.ok(inputsShown(tree).size > 0, 'the tree shows some of it (reasons in tooltips)');

      const diagTexts: string[] = [];
      const walkDiag = async (nodes: readonly unknown[]) => {
        for (const n of nodes) {
          diagTexts.push(itemText(api.diagnosisView.getTreeItem(n as never)));
          await walkDiag((await api.diagnosisView.getChildren(n as never)) ?? []);
        }
      };
      await walkDiag((await api.diagnosisView.getChildren()) ?? []);
      const diag = diagTexts.join('\n');
      assert.deepEqual(rawControls(diag).slice(0, 5), [], 'Diagnosis view');
      console.log(`      tree shows: ${[...inputsShown(tree)].join(', ') || 'none'}; diagnosis view shows: ${[...inputsShown(diag)].join(', ') || 'none'}`);
      api.sessions.activate(api.envs.active()?.name);
    });
  });
});
