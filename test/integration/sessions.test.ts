// One diagnosis per environment, in the real extension host: the demo environment (missing
// configuration) and a second environment, "staging", pointed at another simulated system (no
// healthy providers). The sidebar — the Diagnosis view and the Runbook tree — shows the active
// environment's session only: switching never shows, mixes or diagnoses another environment's facts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
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

describe('Diagnose from Log File… (post-mortem, through the prompts service)', function () {
  this.timeout(60_000);
  let api: BeaconDebugApi;
  let prompts: RecordingPrompts;
  let dir: string;
  before(async () => {
    api = await vscode.extensions.getExtension<BeaconDebugApi>(EXTENSION_ID)!.activate();
    prompts = new RecordingPrompts();
    api.setPrompts(prompts);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-logfile-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a saved flyctl log: the picker is asked, the report opens with the answer and the live checks to confirm it', async () => {
    const file = path.join(dir, 'runner.log');
    const at = (s: number) => `2025-10-09T15:${String(30 + Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.${String(100 + s).slice(-3)} app[857509c4e7d578] lhr [info] `;
    fs.writeFileSync(file, [
      `${at(0)} INFO Starting init (commit: 6c3309ba)...`,
      `${at(1)}2025-10-09T15:30:01Z INF Connected to database database=beacon host=127.0.0.1:5432`,
      `${at(1)}2025-10-09T15:30:01Z INF Hybrid Router disabled (no HYBRID_BASE/HYBRID_ROUTER_URL and default not enabled)`,
      `${at(40)}2025-10-09T15:30:40Z INF executing multi-model job job_id=bias-1 model_count=2`,
      `${at(40)}2025-10-09T15:30:40Z ERR question execution failed error="golem executor: no provider configured" job_id=bias-1 region=us-east`,
    ].join('\n') + '\n');
    prompts.openAnswer = vscode.Uri.file(file);
    const cause = await vscode.commands.executeCommand('beaconDebug.diagnoseLogFile');
    assert.equal(cause, 'missing-hybrid-config');
    assert.deepEqual(prompts.calls.find((c) => c.kind === 'openFile')?.message, 'Beacon Debug: Diagnose from Log File…');
    const doc = vscode.window.activeTextEditor?.document;
    assert.equal(doc?.languageId, 'markdown');
    assert.match(doc!.getText(), /missing-hybrid-config/);
    assert.match(doc!.getText(), /Confirm it live with:\n\n- 0\.1 —/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('a file that is not a log: a clear error, no report', async () => {
    const bin = path.join(dir, 'core');
    fs.writeFileSync(bin, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1]));
    prompts.calls.length = 0;
    prompts.openAnswer = vscode.Uri.file(bin);
    assert.equal(await vscode.commands.executeCommand('beaconDebug.diagnoseLogFile'), undefined);
    assert.match(prompts.calls.find((c) => c.kind === 'error')?.message ?? '', /core: is binary/);
    prompts.openAnswer = undefined;
    assert.equal(await vscode.commands.executeCommand('beaconDebug.diagnoseLogFile'), undefined, 'dismissed: nothing');
  });
});
