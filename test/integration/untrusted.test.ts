// In Restricted Mode (harness --trust, the folder is not trusted) nothing runs: every command that
// would start a process refuses in its handler, says so, and no child process appears.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BeaconDebugApi } from '../../src/vscode/api';
import { RecordingPrompts } from '../../src/vscode/prompts';
import { EXTENSION_ID } from './index';

/** Direct children of this extension host process, from /proc. */
function childPids(): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid) out.push(Number(entry));
    } catch {
      /* the process ended meanwhile */
    }
  }
  return out;
}

const REFUSING = [
  ['beaconDebug.runQuickWins'],
  ['beaconDebug.runAll'],
  ['beaconDebug.runStep', '0.1'],
  ['beaconDebug.runPhase', 'phase-0'],
  ['beaconDebug.sendStepToTerminal', '0.1'],
  ['beaconDebug.startDemo', 'missing-hybrid-config'],
  ['beaconDebug.build'],
  ['beaconDebug.deploy'],
  ['beaconDebug.streamLogs'],
] as const;

describe('Restricted Mode', () => {
  let api: BeaconDebugApi;
  let prompts: RecordingPrompts;

  before(async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the harness opened the folder untrusted (--trust)');
    const ext = vscode.extensions.getExtension<BeaconDebugApi>(EXTENSION_ID)!;
    api = await ext.activate();
    prompts = new RecordingPrompts();
    api.setPrompts(prompts);
  });

  it('still shows the runbook and its text', async () => {
    assert.equal(api.runbookTree.getChildren().length, 7);
    const uri = (await vscode.commands.executeCommand('beaconDebug.openStep', '0.1')) as vscode.Uri;
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.getText(), /Verify Hybrid Client Initialization/);
  });

  for (const [command, ...args] of REFUSING) {
    it(`${command} refuses and starts no process`, async () => {
      const before = new Set(childPids());
      prompts.calls.length = 0;
      const result = await vscode.commands.executeCommand(command, ...args);
      assert.equal(result, undefined);
      assert.ok(
        prompts.calls.some((c) => c.kind === 'error' && /Restricted Mode/.test(c.message)),
        `says why: ${JSON.stringify(prompts.calls)}`,
      );
      assert.equal(api.state.runId, undefined, 'no run started');
      const spawned = childPids().filter((p) => !before.has(p));
      assert.deepEqual(spawned, [], 'no new child process');
      assert.equal(api.envs.demoRunning, false);
    });
  }

  it('a repository\'s .vscode/settings.json cannot choose flyctl or psql here either (issue 11)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-untrusted-tools-'));
    const canary = path.join(dir, 'RAN');
    const program = path.join(dir, 'repo-program');
    fs.writeFileSync(program, `#!${process.execPath}\nrequire('fs').writeFileSync(${JSON.stringify(canary)}, 'ran');\n`, { mode: 0o755 });
    const settingsFile = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.vscode', 'settings.json');
    const had = fs.existsSync(settingsFile) ? fs.readFileSync(settingsFile, 'utf8') : undefined;
    const env = (name: string, extra: object = {}) => ({ name, flyApp: 'beacon-runner-test', runnerUrl: 'http://127.0.0.1:9', routerUrl: 'http://127.0.0.1:9', ...extra });
    try {
      fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
      fs.writeFileSync(settingsFile, JSON.stringify({
        'beaconDebug.flyctlPath': program,
        'beaconDebug.psqlPath': program,
        'beaconDebug.environments': [env('repo-env'), env('demo', { flyctlPath: program })],
        'beaconDebug.activeEnvironment': 'repo-env',
      }));
      const deadline = Date.now() + 20_000;
      while (!api.envs.reloadConfig().settings.environments.some((e) => e.name === 'repo-env') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const { settings } = api.envs.configRead;
      assert.deepEqual(settings.environments.map((e) => e.name), ['repo-env'], 'the workspace settings were read; "demo" refused');
      assert.notEqual(settings.flyctlPath, program);
      assert.notEqual(settings.psqlPath, program);
      prompts.answers.push('Use Environment');
      assert.equal(await vscode.commands.executeCommand('beaconDebug.runQuickWins'), undefined, 'nothing runs in Restricted Mode');
      assert.ok(!fs.existsSync(canary), 'the repository\'s program did not run');
    } finally {
      if (had === undefined) fs.rmSync(settingsFile, { force: true });
      else fs.writeFileSync(settingsFile, had);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

