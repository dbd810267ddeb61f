// The sidebar in the real workbench: the plan's text behind a step, the Environment view's empty
// state (so its welcome content shows), and an invalid setting reported instead of crashing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BeaconDebugApi } from '../../src/vscode/api';
import { RecordingPrompts } from '../../src/vscode/prompts';
import { EXTENSION_ID } from './index';
import { waitUntil } from './waitFor';

describe('sidebar', () => {
  let api: BeaconDebugApi;
  let prompts: RecordingPrompts;

  before(async () => {
    api = await vscode.extensions.getExtension<BeaconDebugApi>(EXTENSION_ID)!.activate();
    prompts = new RecordingPrompts();
    api.setPrompts(prompts);
  });

  it("selecting a step opens the plan's full text, read-only, with the corrections", async () => {
    const uri = (await vscode.commands.executeCommand('beaconDebug.openStep', '1.6')) as vscode.Uri;
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.languageId, 'markdown');
    const text = doc.getText();
    assert.match(text, /# 1\.6 Test Hybrid Router from Runner Container/);
    assert.match(text, /time curl -I https:\/\/project-beacon-production\.up\.railway\.app\/health/, "the plan's own command");
    assert.match(text, /\*\*Expected\*\*: DNS resolution and \/health should work/);
    assert.match(text, /## Where the plan is corrected/);
    assert.match(text, /HEAD, which the router answers with 405/);
    // read-only: a virtual document that cannot be saved
    assert.notEqual(uri.scheme, 'file');
    assert.equal(vscode.workspace.fs.isWritableFileSystem(uri.scheme), undefined, 'no file system behind it: it cannot be saved');
  });

  it('tree items carry the estimate, a status icon and the plan text as tooltip', () => {
    const phase1 = api.runbookTree.getChildren().find((g) => g.id === 'group:phase-1')!;
    const children = api.runbookTree.getChildren(phase1);
    const missing = api.runbookTree.getTreeItem(children[0]);
    assert.match(String(missing.label), /Steps 1\.1–1\.4: not in the plan/);
    const step15 = api.runbookTree.getTreeItem(children.find((c) => c.id === 'step:1.5')!);
    assert.equal(step15.label, '1.5 Check Circuit Breaker State');
    assert.match(String(step15.description), /2 minutes/);
    assert.match((step15.tooltip as vscode.MarkdownString).value, /Corrected:/);
    assert.deepEqual(step15.command?.arguments, ['1.5']);
  });

  it('the Environment view is empty while nothing is configured (its welcome content shows)', async () => {
    if (api.envs.demoRunning) await vscode.commands.executeCommand('beaconDebug.stopDemo');
    assert.deepEqual(await api.environmentView.getChildren(), []);
  });

  it('an invalid setting gives a clear message naming it, not a crash', async () => {
    const config = vscode.workspace.getConfiguration('beaconDebug');
    prompts.calls.length = 0;
    await config.update('checkTimeoutSeconds', 'soon', vscode.ConfigurationTarget.Global);
    try {
      assert.ok(await waitUntil(() => prompts.calls.some((c) => c.kind === 'warn'), 5000), JSON.stringify(prompts.calls));
      const warn = prompts.calls.find((c) => c.kind === 'warn')!;
      assert.match(warn.message, /beaconDebug\.checkTimeoutSeconds/);
      assert.equal(api.envs.configRead.settings.checkTimeoutSeconds, 30, 'the default applies');
    } finally {
      await config.update('checkTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
