// One diagnosis per environment, in the real extension host: the demo environment (missing
// configuration) and a second environment, "staging", pointed at another simulated system (no
// healthy providers). The sidebar — the Diagnosis view and the Runbook tree — shows the active
// environment's session only: switching never shows, mixes or diagnoses another environment's facts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BeaconDebugApi } from '../../src/vscode/api';
import { RecordingPrompts } from '../../src/vscode/prompts';
import { startSimulator, type Simulator } from '../../src/sim/simulator';
import { EXTENSION_ID } from './index';
import { waitForValue } from './waitFor';

describe('sessions: one diagnosis per environment in the sidebar', function () {
  this.timeout(180_000);
  let api: BeaconDebugApi;
  let staging: Simulator;
  const config = () => vscode.workspace.getConfiguration('beaconDebug');
  const factsShown = () => (api.diagnosisView.current?.evidence ?? []).map((e) => `${e.fact}=${String(e.value)}@${e.step}`);

  before(async () => {
    api = await vscode.extensions.getExtension<BeaconDebugApi>(EXTENSION_ID)!.activate();
    api.setPrompts(new RecordingPrompts());
    staging = await startSimulator({ fault: 'no-healthy-providers' });
    await config().update('flyctlPath', staging.flyctlPath, vscode.ConfigurationTarget.Global);
    await config().update(
      'environments',
      [{ name: 'staging', flyApp: staging.flyApp, runnerUrl: staging.runnerUrl, routerUrl: staging.routerUrl }],
      vscode.ConfigurationTarget.Global,
    );
    const started = await vscode.commands.executeCommand('beaconDebug.startDemo', 'missing-hybrid-config');
    assert.ok(started);
  });

  after(async () => {
    await vscode.commands.executeCommand('beaconDebug.stopDemo');
    await config().update('environments', undefined, vscode.ConfigurationTarget.Global);
    await config().update('flyctlPath', undefined, vscode.ConfigurationTarget.Global);
    await config().update('activeEnvironment', undefined, vscode.ConfigurationTarget.Global);
    await staging.stop();
  });

  it('the demo environment: its diagnosis in the sidebar', async () => {
    await api.envs.select('demo');
    await waitForValue('the session switch', () => api.sessions.active?.environment === 'demo', 30_000);
    assert.equal(await vscode.commands.executeCommand('beaconDebug.diagnose'), 'missing-hybrid-config');
    assert.equal(api.diagnosisView.current, api.sessions.of('demo').diagnosis);
    assert.ok(factsShown().includes('hybrid.configured=false@0.1'), factsShown().join(', '));
    assert.equal(api.state.verdictOf('0.1'), 'fail');
  });

  it('switching to staging: the sidebar shows nothing of the demo\'s (no diagnosis, no verdicts) until staging runs', async () => {
    await api.envs.select('staging');
    await waitForValue('the session switch', () => api.sessions.active?.environment === 'staging', 30_000);
    assert.equal(api.diagnosisView.current, undefined, 'no diagnosis: staging has not run anything');
    assert.deepEqual(api.diagnosisView.getChildren(), [], 'the welcome view shows');
    assert.equal(api.state.verdictOf('0.1'), 'pending', 'the tree does not show the demo\'s verdicts');
  });

  it('staging diagnoses from its own facts only: never the demo\'s hybrid.configured = false', async () => {
    assert.equal(await vscode.commands.executeCommand('beaconDebug.diagnose'), 'no-healthy-providers');
    const session = api.sessions.of('staging');
    assert.equal(api.diagnosisView.current, session.diagnosis);
    assert.equal(session.facts['hybrid.configured']?.value, true);
    assert.ok(!factsShown().some((f) => f.startsWith('hybrid.configured=false')), factsShown().join(', '));
    assert.equal(api.state.verdictOf('0.1'), 'pass');
    assert.equal(api.sessions.of('demo').facts['hybrid.configured']?.value, false, 'the demo\'s session is untouched');
  });

  it('back to the demo: its own diagnosis and verdicts again, nothing of staging\'s', async () => {
    await api.envs.select('demo');
    await waitForValue('the session switch', () => api.sessions.active?.environment === 'demo', 30_000);
    assert.equal(api.diagnosisView.current?.rootCause.id, 'missing-hybrid-config');
    assert.ok(!factsShown().some((f) => f.startsWith('router.')), factsShown().join(', '));
    assert.equal(api.state.verdictOf('0.1'), 'fail');
    assert.equal(api.state.verdictOf('r.1'), 'pending', 'staging ran r.1; the demo did not');
  });
});
