// The extension-host half of scripts/harness/webviewE2e.mjs (loaded as extensionTestsPath). The browser
// driver and this file talk through files in BEACON_E2E_DIR: this side writes `<step>.ready` (JSON: what
// it put on screen) and waits for the driver's `<step>.done` (JSON: {ok, message}); run() resolves or
// rejects with the driver's verdict, which ends the workbench with that exit code.
//
// The scenario comes from BEACON_E2E_SCENARIO or from the file `scenario` in BEACON_E2E_DIR:
//   hostile   a run whose check output is hostile, shown in the results panel
//   reload    phase 1: a run in the panel, the driver opens a step, this side reloads the window (Developer:
//             Reload Window); phase 2 (same entry, new extension host): the panel came back by itself
//   shots     a demo run against the simulator (a constructed run if it cannot start),
//             for the light and dark screenshots
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunOutcome } from '../../src/engine/runner';
import type { CheckResult, StepResult, Target } from '../../src/engine/types';
import { RecordingPrompts } from '../../src/vscode/prompts';
import type { BeaconDebugApi } from '../../src/vscode/api';
import type { ResultsApi } from '../../src/vscode/results/registerResults';
import { waitForValue } from '../integration/waitFor';

const EXTENSION_ID = 'project-beacon.beacon-debug';
type Api = BeaconDebugApi & { results: ResultsApi };

const DIR = process.env.BEACON_E2E_DIR ?? '';
/** The scenario: BEACON_E2E_SCENARIO, else the `scenario` file the driver writes before opening a window. */
function scenario(): string {
  if (process.env.BEACON_E2E_SCENARIO) return process.env.BEACON_E2E_SCENARIO;
  const f = path.join(DIR, 'scenario');
  return fs.existsSync(f) ? fs.readFileSync(f, 'utf8').trim() : '';
}

/** What the hostile output must never do; the flag is what the page would see if any of it ran. */
export const HOSTILE_FLAG = '__beaconPwned';
const HOSTILE = [
  `<img src=x onerror="window.${HOSTILE_FLAG}='img'">`,
  `</script><script>window.${HOSTILE_FLAG}='script'</script>`,
  `<a href="javascript:window.${HOSTILE_FLAG}='link'">click me</a> [md link](javascript:window.${HOSTILE_FLAG}='md')`,
  `<svg onload="window.${HOSTILE_FLAG}='svg'"></svg><iframe srcdoc="<script>parent.${HOSTILE_FLAG}='iframe'</script>"></iframe>`,
  `\x1b[31mRED\x1b[0m \x1b]8;;https://evil.example/\x1b\\osc-link\x1b]8;;\x1b\\ \x1b[2J\x1b[Hcleared`,
  // the terminal corpus of issue 11: clipboard write, title, bare CR, C1 CSI, bidi overrides, NUL
  `\x1b]52;c;ZWNobyBwd25lZA==\x07 \x1b]0;pwned-title\x07 FAIL\rPASS \u009b2J-c1 \u202eevil\u202c\u2066iso\u2069 nul\x00byte`,
].join('\n');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function ready(step: string, info: unknown): void {
  fs.writeFileSync(path.join(DIR, `${step}.ready`), JSON.stringify(info));
  console.log(`[e2e] ${step} ready`);
}

async function done(step: string, ms = 240_000): Promise<void> {
  const file = path.join(DIR, `${step}.done`);
  await waitForValue(`the driver to finish ${step}`, () => fs.existsSync(file), ms);
  const verdict = JSON.parse(fs.readFileSync(file, 'utf8')) as { ok: boolean; message: string };
  console.log(`[e2e] ${step}: ${verdict.ok ? 'ok' : 'FAILED'} ${verdict.message}`);
  if (!verdict.ok) throw new Error(`${step}: ${verdict.message}`);
}

async function api(): Promise<Api> {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
  const a = await ext.activate();
  if (!a.results) throw new Error('the extension API has no `results`: registerResults is not wired into activation');
  return a;
}

function demoTarget(): Target {
  return {
    name: 'production',
    flyApp: 'beacon-runner-production',
    runnerUrl: 'https://beacon-runner-production.fly.dev',
    routerUrl: 'https://project-beacon-production.up.railway.app',
    flyctlPath: 'flyctl',
    psqlPath: 'psql',
    production: true,
  };
}

function check(id: string, label: string, verdict: CheckResult['verdict'], reason: string, output: string, command: string): CheckResult {
  return { id, label, verdict, reason, durationMs: 412, command, vantage: 'this machine', output, facts: {} };
}

function stepResult(id: string, title: string, checks: CheckResult[], at: string): StepResult {
  const verdict = checks.some((c) => c.verdict === 'fail') ? 'fail' : checks[0]?.verdict ?? 'skipped';
  return { id, title, verdict, reason: checks[0]?.reason ?? '', durationMs: 420, startedAt: at, finishedAt: at, checks, facts: {} };
}

/** A constructed run (no simulator needed): the plan's cause 1, seen by the Quick Win Checklist. */
function constructedOutcome(extraOutput = ''): RunOutcome {
  const at = new Date().toISOString();
  const logs = 'INF Hybrid Router disabled (no HYBRID_BASE/HYBRID_ROUTER_URL and default not enabled)\nERR question execution failed error="golem: no provider" duration=14ms\n';
  const results = [
    stepResult('qw.1', 'Check hybrid env vars', [check('hybrid-env', "the runner's hybrid variables", 'fail', 'HYBRID_BASE and HYBRID_ROUTER_URL are empty and ENABLE_HYBRID_DEFAULT is not 1: hybrid is not configured, the runner uses the Golem executor.', 'HYBRID_BASE=\nHYBRID_ROUTER_URL=\nENABLE_HYBRID_DEFAULT=\n', 'flyctl ssh console -a beacon-runner-production -C "sh -c …"')], at),
    stepResult('qw.2', 'Check executor type', [check('startup-lines', "hybrid startup lines in the runner's logs", 'fail', '"Hybrid Router disabled (no HYBRID_BASE/HYBRID_ROUTER_URL and default not enabled)" — the executor is Golem.', logs, 'flyctl logs -a beacon-runner-production --no-tail')], at),
    stepResult('qw.3', 'Test hybrid router', [check('router-health', 'router /health from this machine', 'pass', 'Router /health: 2 of 2 providers healthy, 84 ms.', '{"status":"healthy","providers_healthy":2,"providers_total":2}\n', 'GET https://project-beacon-production.up.railway.app/health')], at),
    stepResult('qw.4', 'Check recent job logs', [check('job-logs', "recent job lines in the runner's logs", 'fail', '2 failed execution line(s); TRACE lines: 0.', logs + extraOutput, 'flyctl logs -a beacon-runner-production --no-tail')], at),
  ];
  const facts = {
    'hybrid.configured': { value: false, step: 'qw.1', check: 'hybrid-env', line: 'HYBRID_BASE=' },
    'hybrid.disabled': { value: false, step: 'qw.1', check: 'hybrid-env' },
    'startup.hybridDisabled': { value: true, step: 'qw.2', check: 'startup-lines', line: 'INF Hybrid Router disabled (no HYBRID_BASE/HYBRID_ROUTER_URL and default not enabled)' },
    'startup.linesSeen': { value: true, step: 'qw.2', check: 'startup-lines' },
    'router.reachable': { value: true, step: 'qw.3', check: 'router-health' },
    'router.providersHealthy': { value: 2, step: 'qw.3', check: 'router-health' },
    'logs.executionFailures': { value: 2, step: 'qw.4', check: 'job-logs', line: 'ERR question execution failed error="golem: no provider" duration=14ms' },
  };
  return { runId: 'e2e', environment: 'production', startedAt: at, finishedAt: new Date(Date.parse(at) + 2300).toISOString(), results, facts, preflight: [], cancelled: false };
}

async function tidyLayout(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closePanel');
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar').then(undefined, () => undefined);
  await vscode.commands.executeCommand('notifications.clearAll').then(undefined, () => undefined);
}

async function hostile(a: Api): Promise<void> {
  // 5 MB of text after the hostile lines
  const filler = Array.from({ length: 50_000 }, (_, i) => `line ${String(i).padStart(6, '0')} ${'.'.repeat(86)}`).join('\n');
  const output = `${HOSTILE}\n${filler}\n`;
  // an earlier, ordinary run: the history then has two runs to compare
  await a.results.saveRun({
    runbook: a.runbook(),
    target: demoTarget(),
    request: { label: 'Earlier run', only: null },
    outcome: constructedOutcome(),
    diagnosis: null,
    instrumentation: null,
  });
  const record = await a.results.saveRun({
    runbook: a.runbook(),
    target: demoTarget(),
    request: { label: 'Hostile output', only: null },
    outcome: constructedOutcome(output),
    diagnosis: null,
    instrumentation: null,
  });
  await waitForValue('the panel to be ready', () => a.results.panelState.ready && a.results.panelState.shownRunId === record.id);
  await tidyLayout();
  ready('hostile', { runId: record.id, step: 'qw.4', check: 'job-logs', flag: HOSTILE_FLAG, outputBytes: Buffer.byteLength(output) });
  await done('hostile');
}

/** Developer: Reload Window; this extension host goes away with the window. */
async function reloadWindow(): Promise<never> {
  await vscode.commands.executeCommand('workbench.action.reloadWindow').then(undefined, (e: Error) => {
    // the command's answer never comes: the window unloads first, and the call ends "Canceled"
    if (e?.message !== 'Canceled') throw e;
  });
  await sleep(600_000);
  throw new Error('the window did not reload');
}

async function reload(a: Api): Promise<void> {
  const phase1Done = path.join(DIR, 'reload-1.done');
  if (!fs.existsSync(phase1Done)) {
    const record = await a.results.saveRun({
      runbook: a.runbook(),
      target: demoTarget(),
      request: { label: 'Before the reload', only: null },
      outcome: constructedOutcome(),
      diagnosis: null,
      instrumentation: null,
    });
    await waitForValue('the panel to be ready', () => a.results.panelState.ready && a.results.panelState.shownRunId === record.id);
    await tidyLayout();
    ready('reload-1', { runId: record.id, label: 'Before the reload' });
    await done('reload-1'); // the driver opened a step: the page's state changed
    // Developer: Reload Window. The workbench stores its editors — this panel and its page's state — and waits
    // for the write before it reloads; a browser reload would not wait (see reload() in webviewE2e.mjs).
    await reloadWindow();
    return;
  }
  // phase 2: nothing opens the panel here — the serializer must bring it back
  const state = await waitForValue('the restored panel to be ready', () => (a.results.panelState.ready ? a.results.panelState : undefined), 90_000).catch((e: Error) => {
    const p = a.results.panelState;
    throw new Error(`${e.message}: ${p.open ? 'the panel is back but its page never said ready' : 'no panel came back (the serializer was not called)'}`);
  });
  ready('reload-2', state);
  await done('reload-2');
}

async function shots(a: Api): Promise<void> {
  const prompts = new RecordingPrompts();
  a.setPrompts(prompts);
  let demo = false;
  try {
    demo = !!(await vscode.commands.executeCommand('beaconDebug.startDemo'));
  } catch (e) {
    console.log(`[e2e] the demo environment did not start: ${(e as Error).message}`);
  }
  let runId: string;
  if (demo) {
    const saved = new Promise<string>((resolve) => a.results.onDidSaveRun((r) => resolve(r.id)));
    await vscode.commands.executeCommand('beaconDebug.runAll');
    runId = await Promise.race([saved, sleep(180_000).then(() => '')]);
    if (!runId) throw new Error(`the demo run was not saved; prompts: ${JSON.stringify(prompts.calls)}`);
  } else {
    const outcome = constructedOutcome();
    const { diagnose } = await import('../../src/diagnosis/diagnose');
    const results = outcome.results;
    runId = (await a.results.saveRun({ runbook: a.runbook(), target: demoTarget(), request: { label: 'Quick Win Checklist', only: ['quick-wins'] }, outcome, diagnosis: diagnose(a.runbook(), outcome.facts, results, { target: demoTarget() }), instrumentation: null })).id;
  }
  await waitForValue('the panel to show the run', () => a.results.panelState.ready && a.results.panelState.shownRunId === runId);
  await tidyLayout();
  for (const [name, theme, kind] of [
    ['shots-dark', 'Default Dark Modern', vscode.ColorThemeKind.Dark],
    ['shots-light', 'Default Light Modern', vscode.ColorThemeKind.Light],
  ] as const) {
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
    await waitForValue(`the ${theme} theme`, () => vscode.window.activeColorTheme.kind === kind);
    ready(name, { runId, demo, theme });
    await done(name);
  }
  if (demo) await vscode.commands.executeCommand('beaconDebug.stopDemo');
}

export async function run(): Promise<void> {
  if (!DIR || !fs.existsSync(DIR)) throw new Error('BEACON_E2E_DIR must name an existing folder');
  const SCENARIO = scenario();
  try {
    const a = await api();
    if (SCENARIO === 'hostile') await hostile(a);
    else if (SCENARIO === 'reload') await reload(a);
    else if (SCENARIO === 'shots') await shots(a);
    else throw new Error(`unknown BEACON_E2E_SCENARIO "${SCENARIO}"`);
  } catch (e) {
    fs.writeFileSync(path.join(DIR, `${SCENARIO}.error`), String((e as Error)?.stack ?? e));
    throw e;
  }
}
