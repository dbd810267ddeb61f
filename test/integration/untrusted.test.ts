// In Restricted Mode (harness --trust, the folder is not trusted) nothing runs: every command that
// would start a process refuses in its handler, says so, and no child process appears.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
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
});
