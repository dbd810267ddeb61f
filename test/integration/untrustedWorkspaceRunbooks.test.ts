// In Restricted Mode a workspace runbook is shown (and validated), never run: the run refuses in its
// handler with the exact message, asks no approval and starts no process.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BeaconDebugApi } from '../../src/vscode/api';
import { RecordingPrompts } from '../../src/vscode/prompts';
import type { RunbookNode } from '../../src/vscode/runbookView/runbookTree';
import { EXTENSION_ID } from './index';
import { SMALL_RUNBOOK, workspaceRoot } from './workspaceRunbookFixtures';

describe('Restricted Mode: workspace runbooks', function () {
  this.timeout(60000);
  let api: BeaconDebugApi;
  let prompts: RecordingPrompts;
  const marker = path.join(require('node:os').tmpdir(), `beacon-restricted-${process.pid}`);

  before(async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const ext = vscode.extensions.getExtension<BeaconDebugApi>(EXTENSION_ID)!;
    api = await ext.activate();
    prompts = new RecordingPrompts();
    api.setPrompts(prompts);
    const dir = path.join(workspaceRoot(), '.beacon', 'runbooks');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'small.runbook.yaml'), SMALL_RUNBOOK.replace("echo hello-from-runbook'", `touch ${marker}'`));
    await vscode.commands.executeCommand('beaconDebug.reloadWorkspaceRunbooks');
  });

  after(() => {
    fs.rmSync(path.join(workspaceRoot(), '.beacon'), { recursive: true, force: true });
    fs.rmSync(marker, { force: true });
  });

  it('shows the runbook, marked as not run in Restricted Mode', () => {
    const node = api.runbookTree.getChildren().find((n) => n.kind === 'workspace') as Extract<RunbookNode, { kind: 'workspace' }>;
    assert.ok(node);
    const item = api.runbookTree.getTreeItem(node);
    assert.equal(item.label, 'Small runbook');
    assert.match(String(item.description), /not run in Restricted Mode/);
    assert.equal(api.runbookTree.getChildren(api.runbookTree.getChildren(node)[0]).length, 1);
  });

  for (const command of ['beaconDebug.runWorkspaceRunbook', 'beaconDebug.runStep', 'beaconDebug.runPhase']) {
    it(`${command} on it refuses, asks nothing and runs nothing`, async () => {
      const node = api.runbookTree.getChildren().find((n) => n.kind === 'workspace') as Extract<RunbookNode, { kind: 'workspace' }>;
      const group = api.runbookTree.getChildren(node)[0];
      const step = api.runbookTree.getChildren(group)[0];
      prompts.calls.length = 0;
      prompts.answers.push('Run These Commands');
      await vscode.commands.executeCommand(command, command === 'beaconDebug.runPhase' ? group : command === 'beaconDebug.runStep' ? step : node);
      assert.deepEqual(prompts.calls.map((c) => c.kind), ['error']);
      assert.equal(
        prompts.calls[0].message,
        'Beacon Debug does not run workspace runbooks in Restricted Mode: ".beacon/runbooks/small.runbook.yaml" is shown, never run. Trust this workspace to run it.',
      );
      prompts.answers.length = 0;
      assert.equal(fs.existsSync(marker), false, 'the command did not run');
      assert.equal(node.owner.state.verdictOf('hello'), 'pending');
    });
  }
});
