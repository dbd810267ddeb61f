// The results page in a real VS Code: a run against the simulator (a constructed run when the demo cannot
// start) is saved, diagnosed and shown in the panel, whose page answers the ready handshake; the report goes
// to a file and to the clipboard through Prompts; a fix is confirmed with the exact command, recorded, and
// its re-run compared with the run before. (The page's rendering is tested in the browser:
// scripts/harness/webviewE2e.mjs.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { compareRuns } from '../../src/report/compareRuns';
import { REPORT_SECTIONS } from '../../src/report/incidentReport';
import type { RunRecord } from '../../src/report/runRecord';
import type { BeaconDebugApi } from '../../src/vscode/api';
import { RecordingPrompts, type Prompts } from '../../src/vscode/prompts';
import type { ResultsApi } from '../../src/vscode/results/registerResults';
import { EXTENSION_ID } from './index';
import { waitForValue } from './waitFor';

type Api = BeaconDebugApi & { results: ResultsApi };

function resultsTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('beaconDebug.results'));
}

function nextSave(a: Api): Promise<RunRecord> {
  return new Promise((resolve) => {
    const d = a.results.onDidSaveRun((r) => {
      d.dispose();
      resolve(r);
    });
  });
}

describe('results panel', function () {
  this.timeout(240_000);
  let a: Api;
  let prompts: RecordingPrompts;
  let previous: Prompts;
  let demo = false;
  let first: RunRecord;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-results-it-'));

  before(async () => {
    const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    assert.ok(ext, 'the extension is installed');
    a = await ext.activate();
    assert.ok(a.results, 'the extension API exposes the results page (registerResults is wired into activation)');
    prompts = new RecordingPrompts();
    previous = a.setPrompts(prompts);
    demo = !!(await vscode.commands.executeCommand('beaconDebug.startDemo'));
    console.log(`    ${demo ? 'against the simulator' : 'the simulator did not start: a constructed run'}`);
  });

  after(async () => {
    if (demo) await vscode.commands.executeCommand('beaconDebug.stopDemo');
    a.state.reset(); // the next suites start from a window where nothing ran
    a.setPrompts(previous);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('opens after a run with its results, diagnosed, and the page answers the handshake', async () => {
    const saved = nextSave(a);
    if (demo) {
      await vscode.commands.executeCommand('beaconDebug.runAll');
    } else {
      const { diagnose } = await import('../../src/diagnosis/diagnose');
      const facts = { 'hybrid.configured': { value: false, step: 'qw.1', check: 'hybrid-env', line: 'HYBRID_BASE=' } };
      const results = [{ id: 'qw.1', title: 'Check hybrid env vars', verdict: 'fail' as const, reason: 'hybrid is not configured', durationMs: 12, checks: [], facts: { 'hybrid.configured': false } }];
      const target = { name: 'production', flyApp: 'beacon-runner-production', runnerUrl: 'https://r.example', routerUrl: 'https://h.example', flyctlPath: 'flyctl', psqlPath: 'psql' };
      const at = new Date().toISOString();
      await a.results.saveRun({
        runbook: a.runbook(),
        target,
        request: { label: 'constructed', only: null },
        outcome: { startedAt: at, finishedAt: at, results, facts, preflight: [], cancelled: false },
        diagnosis: diagnose(a.runbook(), facts, results, { ranSteps: null }),
      });
    }
    first = await saved;
    assert.ok(first.steps.length > 0);
    assert.ok(first.diagnosis, 'the run was diagnosed');
    if (demo) {
      assert.equal(first.target.name, 'demo');
      assert.equal(first.diagnosis.rootCause.id, 'missing-hybrid-config', first.diagnosis.rootCause.title);
      assert.ok(first.steps.some((s) => s.id === 'qw.1' && s.verdict === 'fail'));
      assert.ok(first.instrumentation, 'the workspace was searched for instrumentation');
    }
    const tab = await waitForValue('the results tab', resultsTab);
    assert.equal(tab.label, 'Beacon Debug Results');
    await waitForValue('the page to say ready and show the run', () => a.results.panelState.ready && a.results.panelState.shownRunId === first.id);
    const { entries } = await a.results.history.list();
    assert.equal(entries[0].id, first.id);
    assert.deepEqual(await a.results.history.load(first.id), first);
  });

  it('shows the panel again with Show Results, on the latest run', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitForValue('the tab to close', () => !resultsTab());
    await vscode.commands.executeCommand('beaconDebug.showResults');
    await waitForValue('the results tab', resultsTab);
    await waitForValue('the page to show the latest run', () => a.results.panelState.ready && a.results.panelState.shownRunId === first.id);
  });

  it('follows a run live while the panel is open, then shows the saved run', async function () {
    if (!demo) this.skip();
    await waitForValue('the panel', () => a.results.panelState.ready);
    const seen: (string | null)[] = [];
    const sub = a.runs.onEvent((e) => {
      if (e.type === 'stepFinished') seen.push(a.results.panelState.shownRunId);
    });
    const saved = nextSave(a);
    try {
      await vscode.commands.executeCommand('beaconDebug.runQuickWins');
    } finally {
      sub.dispose();
    }
    const r = await saved;
    assert.ok(seen.length > 0 && seen.every((id) => id === 'live'), `the panel showed the live run while steps finished: ${seen.join(', ')}`);
    await waitForValue('the panel to show the saved run', () => a.results.panelState.ready && a.results.panelState.shownRunId === r.id);
    assert.deepEqual(r.ranSteps.filter((id) => id.startsWith('qw.')).sort(), ['qw.1', 'qw.2', 'qw.3', 'qw.4', 'qw.5']);
    assert.ok(r.steps.some((s) => s.id === '0.1'), 'the earlier results of the session are carried');
    await a.results.show(first.id);
    await waitForValue('the first run again', () => a.results.panelState.shownRunId === first.id);
  });

  it('exports the incident report to the file the user picks, redacted', async () => {
    const file = path.join(tmp, 'incident.md');
    prompts.saveAnswer = vscode.Uri.file(file);
    prompts.pickAnswer = (items) => items.find((i) => i.label.startsWith('Save to a File'));
    await vscode.commands.executeCommand('beaconDebug.exportReport', first.id);
    const md = fs.readFileSync(file, 'utf8');
    for (const s of REPORT_SECTIONS) assert.match(md, new RegExp(`^## ${s}$`, 'm'));
    assert.ok(prompts.calls.some((c) => c.kind === 'saveFile' && c.message === 'Export Beacon Debug Incident Report'));
    if (demo) {
      const token = await a.envs.getSecret('demo', 'adminToken');
      assert.ok(token && !md.includes(token), 'the demo admin token is not in the report');
      assert.match(md, /Root cause: Missing HYBRID_BASE \/ HYBRID_ROUTER_URL configuration/);
    }
  });

  it('copies the same report to the clipboard', async () => {
    prompts.pickAnswer = (items) => items.find((i) => i.label.startsWith('Copy'));
    await vscode.commands.executeCommand('beaconDebug.exportReport', first.id);
    assert.match(prompts.clipboard, /^# Incident report: /);
    assert.match(prompts.clipboard, /^## Debug instrumentation$/m);
  });

  it('asks before a fix with the exact command and the environment; declined, nothing runs', async function () {
    if (!demo) this.skip();
    const before = (await a.results.history.load(first.id))!;
    prompts.calls.length = 0;
    prompts.answers.push(undefined); // dismiss the confirmation
    const result = await a.results.applyFix('fix-f', first.id);
    assert.equal(result?.status, 'declined');
    const confirm = prompts.calls.find((c) => c.kind === 'confirm');
    assert.ok(confirm, 'a modal confirmation was shown');
    assert.match(confirm.message, /Fix F: Missing Hybrid Configuration: run this command on environment "demo"\?/);
    assert.match(confirm.detail ?? '', /secrets set HYBRID_BASE=http:\/\/127\.0\.0\.1:\d+ -a beacon-runner-production/);
    assert.deepEqual((await a.results.history.load(first.id))!.fixesApplied, before.fixesApplied);
  });

  it('applies a confirmed fix, records it, re-runs what failed, and the comparison shows the change', async function () {
    if (!demo) this.skip();
    prompts.calls.length = 0;
    prompts.answers.push('Apply Fix', 'Re-run Checks');
    const rerun = nextSave(a);
    const result = await a.results.applyFix('fix-f', first.id);
    assert.equal(result?.status, 'applied', JSON.stringify(result));
    const updated = (await a.results.history.load(first.id))!;
    assert.equal(updated.fixesApplied.length, 1);
    assert.equal(updated.fixesApplied[0].id, 'fix-f');
    assert.equal(updated.fixesApplied[0].exitCode, 0);
    const after = await rerun;
    assert.match(after.request.label, /^Re-run after Fix F/);
    // (other suites may have applied fixes to an earlier demo environment in this session)
    assert.ok(after.fixesApplied.some((f) => f.id === 'fix-f' && f.appliedAt === updated.fixesApplied[0].appliedAt), 'the re-run knows the fix was applied');
    const c = compareRuns(updated, after);
    const qw1 = c.verdicts.find((v) => v.step === 'qw.1');
    assert.deepEqual([qw1?.before, qw1?.after], ['fail', 'pass']);
    assert.ok(c.facts.some((f) => f.fact === 'hybrid.configured' && f.before === false && f.after === true));
    assert.equal(c.rootCause.before?.id, 'missing-hybrid-config');
    assert.notEqual(c.rootCause.after?.id, 'missing-hybrid-config');
    await waitForValue('the panel to show the re-run', () => a.results.panelState.shownRunId === after.id);
  });
});
