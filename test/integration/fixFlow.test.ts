// The fix flow in the real workbench, through the prompts service: diagnose the demo environment,
// confirm Fix F (the exact command and the environment are asserted), the fake flyctl sets the secret
// on the simulated runner, the failed checks re-run, and the diagnosis turns healthy.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BeaconDebugApi } from '../../src/vscode/api';
import { RecordingPrompts } from '../../src/vscode/prompts';
import { EXTENSION_ID } from './index';

describe('fix flow against the demo environment', function () {
  this.timeout(180000);
  let api: BeaconDebugApi;
  let prompts: RecordingPrompts;
  let runnerUrl: string;
  let flyctlPath: string;

  before(async () => {
    api = await vscode.extensions.getExtension<BeaconDebugApi>(EXTENSION_ID)!.activate();
    prompts = new RecordingPrompts();
    api.setPrompts(prompts);
    const started = (await vscode.commands.executeCommand('beaconDebug.startDemo', 'missing-hybrid-config')) as { runnerUrl: string; flyctlPath: string };
    assert.ok(started, JSON.stringify(prompts.calls));
    ({ runnerUrl, flyctlPath } = started);
  });

  after(async () => {
    await vscode.commands.executeCommand('beaconDebug.stopDemo');
  });

  it('diagnoses missing-hybrid-config with fewer checks than a full run, and shows it in the Diagnosis view', async () => {
    const cause = await vscode.commands.executeCommand('beaconDebug.diagnose');
    assert.equal(cause, 'missing-hybrid-config');
    const d = api.diagnosisView.current!;
    assert.equal(d.status, 'certain');
    assert.equal(d.fix?.id, 'fix-f');
    const top = api.diagnosisView.getChildren();
    assert.equal(api.diagnosisView.getTreeItem(top[0]).label, 'missing-hybrid-config');
    const session = api.sessions.of('demo');
    assert.equal(session.diagnosis, d, 'the view shows the session\'s one diagnosis');
    assert.ok(session.results.length < 10, `ran ${session.results.length} steps`);
  });

  it('declining the confirmation changes nothing', async () => {
    prompts.calls.length = 0;
    prompts.answers.push(undefined);
    const result = (await vscode.commands.executeCommand('beaconDebug.applyFix', 'fix-f')) as { status: string };
    assert.equal(result.status, 'declined');
    const again = await vscode.commands.executeCommand('beaconDebug.diagnose');
    assert.equal(again, 'missing-hybrid-config', 'the simulated runner is still unconfigured');
  });

  it('confirm shows the exact command and the environment; applying it fixes the runner; re-run → healthy', async () => {
    prompts.calls.length = 0;
    prompts.answers.push('Apply Fix', 'Re-run Checks');
    const result = (await vscode.commands.executeCommand('beaconDebug.applyFix', 'fix-f')) as { status: string };
    const confirm = prompts.calls.find((c) => c.kind === 'confirm');
    assert.ok(confirm, JSON.stringify(prompts.calls));
    assert.equal(confirm.message, 'Fix F: Missing Hybrid Configuration: run this command on environment "demo"?');
    const routerUrl = api.envs.active()!.settings.routerUrl;
    assert.equal(confirm.detail!.split('\n')[0], `${flyctlPath} secrets set HYBRID_BASE=${routerUrl} -a beacon-runner-production`);
    assert.match(confirm.detail!, /What it does: Sets the HYBRID_BASE secret on beacon-runner-production\. Fly restarts every machine of the app to apply it: in-flight jobs are dropped\./);
    assert.match(confirm.detail!, /Undo: .*secrets unset HYBRID_BASE -a beacon-runner-production/);
    assert.deepEqual(confirm.actions, ['Apply Fix']);
    assert.equal(result.status, 'applied');
    assert.ok(prompts.calls.some((c) => c.kind === 'info' && /Re-run/.test(c.message)), 'offers to re-run the checks');
    // the re-run (answered "Re-run Checks") ran the fix's checks: 0.1 passes now
    assert.equal(api.state.verdictOf('0.1'), 'pass');
    assert.ok(runnerUrl);
    const after = await vscode.commands.executeCommand('beaconDebug.diagnose');
    assert.equal(after, 'healthy', JSON.stringify(api.diagnosisView.current?.notes));
    const criteria = api.diagnosisView.current!.criteria;
    assert.equal(criteria.find((c) => c.id === 'sc.0')?.status, 'met');
  });
});
