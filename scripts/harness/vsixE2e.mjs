#!/usr/bin/env node
// The packaged extension, used the way a user uses it: the .vsix is installed into the harness's code-server
// (`--install-extension`), the workbench opens a Go folder WITHOUT any extension-development or test payload,
// and headless Chromium drives it through the UI only — the activity bar, the command palette, the results
// page, the workbench's own modal dialog and notifications. Nothing here talks to the extension host: what the
// user would see on screen is what is checked.
//
//   node scripts/harness/vsixE2e.mjs --vsix FILE [--cs DIR] [--node PATH] [--timeout SEC] [--shots DIR] [--verbose]
//
//   installs   code-server --install-extension FILE; --list-extensions shows publisher.name@version
//   activates  the Beacon Debug activity bar opens the Runbook view: the plan's Quick Win Checklist and phases
//              (lazy activation on onView, from the packaged dist/extension.js)
//   fix        Start Demo Environment + Diagnose from the command palette → the results page names the missing
//              hybrid configuration; "Apply Fix…" opens the REAL modal with the exact command, the environment
//              and its effect; Cancel changes nothing; "Apply Fix" runs the simulator's fake flyctl, the
//              notification's "Re-run Checks" re-runs the failed step (now passing), Diagnose → healthy.
//              (Extension tests cannot do this: VS Code refuses modal dialogs while extensionTestsPath is set.)
//
// --shots DIR also saves DIR/fix-modal.png (the confirmation as the user sees it).
// Prints `BEACON_TEST_RESULT {...}`, writes the counts to $BEACON_TEST_RESULTS (same shape as the other tiers);
// exit 0 = all passed, 1 = a scenario failed, 2 = harness error.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  compressPng, NO_PNGQUANT,
  CS_VERSION, DEFAULT_CS, baseSettings, harnessRun, installExtension, launchBrowser, listExtensions, requireHarness, sleep,
  startCodeServer,
} from './workbench.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const t0 = Date.now();
const log = (...a) => console.log(`[vsix-e2e ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s]`, ...a);

function usage(msg) {
  console.error(msg);
  console.error('usage: vsixE2e.mjs --vsix FILE [--cs DIR] [--node PATH] [--timeout SEC] [--shots DIR] [--verbose]');
  process.exit(2);
}
const argv = process.argv.slice(2);
const opt = { cs: DEFAULT_CS, timeout: 120 };
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const next = () => { if (i + 1 >= argv.length) usage(`missing value for ${a}`); return argv[++i]; };
  if (a === '--vsix') opt.vsix = path.resolve(next());
  else if (a === '--cs') opt.cs = path.resolve(next());
  else if (a === '--node') opt.node = path.resolve(next());
  else if (a === '--timeout') opt.timeout = Number(next());
  else if (a === '--shots') opt.shots = path.resolve(next());
  else if (a === '--verbose') opt.verbose = true;
  else usage(`unknown argument ${a}`);
}
if (!opt.vsix) usage('need --vsix FILE (build one with: npm run package)');
if (!fs.existsSync(opt.vsix)) usage(`${opt.vsix} does not exist (build it with: npm run package)`);
if (!Number.isFinite(opt.timeout) || opt.timeout <= 0) usage('--timeout must be a positive number of seconds');
const { chrome: CHROME, node: NODE, chromium } = await requireHarness(opt.cs, opt.node);
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const EXTENSION = `${manifest.publisher}.${manifest.name}`;
const STEP_MS = opt.timeout * 1000;

const harness = harnessRun('beacon-vsix-');
const dirs = harness.dirs;

function check(cond, what, failures) {
  if (!cond) failures.push(what);
  log(`  ${cond ? '✓' : '✗'} ${what}`);
}

// ---------- the workbench, as a user sees it ----------
/**
 * Runs a command from the command palette by its full title, as typed by a user. The palette closes when
 * something else takes the focus (Diagnose focuses the Diagnosis view when it ends, which can be after its
 * run is on screen): then it is opened again, up to three times.
 */
async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget input.input');
  const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 10000 });
      await input.fill(`>${title}`, { timeout: 5000 });
      const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: exact }) }).first();
      await row.waitFor({ timeout: 15000 });
      await row.click({ timeout: 5000 });
      break;
    } catch (e) {
      if (attempt === 3) throw e;
      log(`  the command palette closed before "${title}" was picked (${e.message.split('\n')[0]}); opening it again`);
      await page.keyboard.press('Escape').catch(() => {});
    }
  }
  await input.waitFor({ state: 'hidden', timeout: 15000 });
  log(`  ran "${title}" from the command palette`);
}

/** The results page's frame: the webview's inner document that holds <main id="app">. */
async function resultsFrame(page, ms = STEP_MS) {
  const end = Date.now() + ms;
  for (;;) {
    for (const f of page.frames()) {
      const probe = f.evaluate(() => !!document.querySelector('main#app')).catch(() => false);
      if (await Promise.race([probe, sleep(1000).then(() => false)])) return f;
    }
    if (Date.now() > end) throw new Error('the results page did not appear');
    await sleep(250);
  }
}

/**
 * Waits until the page shows a run whose summary matches `label` and whose headline matches `headline`; with
 * `after` (what an earlier call returned), only a different run counts.
 */
async function pageShows(page, { label, headline, after }, ms = STEP_MS) {
  const end = Date.now() + ms;
  let last = '';
  for (;;) {
    const f = await resultsFrame(page, Math.max(1000, end - Date.now()));
    const seen = await f.evaluate(() => ({
      summary: document.querySelector('header.summary')?.textContent ?? '',
      headline: document.querySelector('h2.headline')?.textContent ?? '',
    })).catch(() => ({ summary: '', headline: '' }));
    last = `summary "${seen.summary.slice(0, 160)}", headline "${seen.headline}"`;
    const fresh = !after || seen.summary !== after.summary;
    if (fresh && (!label || label.test(seen.summary)) && (!headline || headline.test(seen.headline))) return { frame: f, ...seen };
    if (Date.now() > end) throw new Error(`the results page never showed ${label ?? ''} ${headline ?? ''}: last ${last}`);
    await sleep(500);
  }
}

/** The workbench's modal dialog (what `showWarningMessage(…, { modal: true })` opens), read whole. */
async function modalDialog(page) {
  const box = page.locator('.monaco-dialog-box');
  await box.waitFor({ state: 'visible', timeout: 30000 });
  return {
    box,
    message: (await box.locator('.dialog-message-text').textContent()) ?? '',
    detail: (await box.locator('.dialog-message-detail').innerText().catch(() => '')) ?? '',
    buttons: (await box.locator('.dialog-buttons .monaco-button').allTextContents()).map((t) => t.trim()),
    press: async (label) => {
      await box.locator('.dialog-buttons .monaco-button', { hasText: new RegExp(`^${label}$`) }).click();
      await box.waitFor({ state: 'hidden', timeout: 10000 });
    },
  };
}

async function clickApplyFix(page) {
  const f = await resultsFrame(page);
  const button = f.locator('.fix-card.recommended .fix-actions vscode-button').first();
  await button.waitFor({ timeout: 30000 });
  const label = ((await button.textContent()) ?? '').trim();
  await button.click();
  return label;
}

// ---------- scenarios ----------
function installs() {
  const failures = [];
  const out = installExtension({ cs: opt.cs, node: NODE, dirs, vsix: opt.vsix });
  log(`  ${out.split('\n').pop()}`);
  const listed = listExtensions({ cs: opt.cs, node: NODE, dirs });
  check(listed.includes(`${EXTENSION}@${manifest.version}`), `--list-extensions shows ${EXTENSION}@${manifest.version} (${listed.join(', ') || 'nothing'})`, failures);
  const installedDir = fs.readdirSync(dirs.extensions).find((d) => d.startsWith(`${EXTENSION}-`));
  check(!!installedDir && fs.existsSync(path.join(dirs.extensions, installedDir, 'dist/extension.js')), `the installed copy has dist/extension.js (${installedDir})`, failures);
  return failures;
}

async function activates(page) {
  const failures = [];
  const item = page.locator('.part.activitybar .action-item a.action-label[aria-label^="Beacon Debug"]');
  await item.waitFor({ timeout: STEP_MS });
  await item.click();
  const rows = page.locator('.pane-body .monaco-list-row');
  const first = await rows.filter({ hasText: 'Quick Win Checklist' }).first().waitFor({ timeout: STEP_MS }).then(() => true, () => false);
  check(first, 'the Runbook view shows the Quick Win Checklist (the extension activated on onView)', failures);
  // The groups are drawn expanded, but their steps arrive in a second render: wait for one.
  await rows.filter({ hasText: /^\s*qw\.1 / }).first().waitFor({ timeout: STEP_MS }).catch(() => undefined);
  const labels = (await rows.allTextContents()).map((t) => t.trim());
  check(labels.some((l) => /^qw\.1 Check hybrid env vars/.test(l)) && labels.some((l) => /^Phase 0: Pre-Flight Configuration Audit/.test(l)),
    `it lists the plan's steps and phases: ${labels.slice(0, 8).join(' | ')}`, failures);
  return failures;
}

async function fixFlow(page) {
  const failures = [];
  await runCommand(page, 'Beacon Debug: Start Demo Environment');
  await runCommand(page, 'Beacon Debug: Diagnose');
  const before = await pageShows(page, { label: /demo/, headline: /^Root cause: .*HYBRID_BASE/ });
  check(true, `the results page: ${before.headline}`, failures);
  const diagRow = page.locator('.pane-body .monaco-list-row', { hasText: 'missing-hybrid-config' });
  check(await diagRow.first().waitFor({ timeout: 30000 }).then(() => true, () => false), 'the Diagnosis view names missing-hybrid-config', failures);
  const command = ((await before.frame.locator('.fix-card.recommended pre.command').textContent()) ?? '').trim();
  check(/\/flyctl secrets set HYBRID_BASE=http:\/\/127\.0\.0\.1:\d+ -a beacon-runner-production$/.test(command), `the page shows the fix's command: ${command}`, failures);

  // Cancel: the modal closes, nothing is recorded, the runner is still unconfigured
  check(await clickApplyFix(page) === 'Apply Fix…', 'the page offers "Apply Fix…"', failures);
  let d = await modalDialog(page);
  log(`  modal: ${d.message} / ${d.detail.replace(/\n/g, ' / ')} / ${JSON.stringify(d.buttons)}`);
  if (opt.shots) {
    fs.mkdirSync(opt.shots, { recursive: true });
    // the dialog alone: it is what the README shows, and the .vsix carries the picture
    await d.box.screenshot({ path: path.join(opt.shots, 'fix-modal.png') });
    if (!compressPng(path.join(opt.shots, 'fix-modal.png'))) log(`  ${NO_PNGQUANT}`);
    log(`  saved ${path.join(opt.shots, 'fix-modal.png')}`);
  }
  check(d.message === 'Fix F: Missing Hybrid Configuration: run this command on environment "demo"?', `the modal names the fix and the environment: ${d.message}`, failures);
  check(d.detail.split('\n')[0] === command, 'the modal shows the exact command, as on the page', failures);
  check(/in-flight jobs are dropped/.test(d.detail), 'the modal says what it does to production (in-flight jobs are dropped)', failures);
  check(/Undo: .*secrets unset HYBRID_BASE -a beacon-runner-production/.test(d.detail), 'the modal says how to undo it', failures);
  check(d.buttons.includes('Apply Fix') && d.buttons.includes('Cancel'), `the modal offers Apply Fix and Cancel: ${d.buttons.join(', ')}`, failures);
  await d.press('Cancel');
  await sleep(1500); // anything the Cancel would have started
  const afterCancel = await resultsFrame(page);
  check(await afterCancel.locator('li.applied').count() === 0, 'after Cancel the page records no applied fix', failures);
  await runCommand(page, 'Beacon Debug: Diagnose');
  const still = await pageShows(page, { headline: /^Root cause: .*HYBRID_BASE/, after: before });
  check(true, `after Cancel the runner is still unconfigured: ${still.headline}`, failures);

  // Apply: the fake flyctl sets the secret; the notification offers the re-run of the failed step
  await clickApplyFix(page);
  d = await modalDialog(page);
  await d.press('Apply Fix');
  const toast = page.locator('.notification-toast', { hasText: 'Re-run' });
  await toast.first().waitFor({ timeout: STEP_MS });
  const toastText = ((await toast.first().locator('.notification-list-item-message').textContent()) ?? '').trim();
  check(/was applied on demo\. Re-run (.+, )?0\.1(, .+)? to see whether it worked\?$/.test(toastText), `the notification offers the re-run: ${toastText}`, failures);
  await toast.first().locator('.monaco-button', { hasText: 'Re-run Checks' }).click();
  const rerun = await pageShows(page, { label: /Re-run after Fix F/, after: still });
  const step = await rerun.frame.locator('[id="step-0.1"]').getAttribute('class');
  check(/verdict-row-pass/.test(step ?? ''), `the re-run of 0.1 passes (${step})`, failures);
  await runCommand(page, 'Beacon Debug: Diagnose');
  const healthy = await pageShows(page, { headline: /^Healthy/, after: rerun });
  check(true, `Diagnose after the fix: ${healthy.headline}`, failures);
  const healthyRow = page.locator('.pane-body .monaco-list-row', { hasText: 'healthy' });
  check(await healthyRow.first().waitFor({ timeout: 30000 }).then(() => true, () => false), 'the Diagnosis view says healthy', failures);
  await runCommand(page, 'Beacon Debug: Stop Demo Environment');
  return failures;
}

// ---------- main ----------
const result = { suite: 'vsix', vscodeVersion: CS_VERSION, files: ['scripts/harness/vsixE2e.mjs'], passed: 0, failed: 0, pending: 0, failures: [] };
function record(name, failures) {
  if (failures.length) { result.failed++; result.failures.push({ title: `packaged extension: ${name}`, error: failures.join('; ') }); log(`${name} FAILED: ${failures.join('; ')}`); }
  else { result.passed++; log(`${name} passed`); }
}
let rc = 0;
let page = null;
try {
  log(`installing ${path.relative(process.cwd(), opt.vsix)} (${(fs.statSync(opt.vsix).size / 1024 / 1024).toFixed(2)} MB)`);
  record('installs', installs());
  // no smoke-test driver: nothing here uses the dev/test payload, and the workbench behaves as for a user
  harness.server = await startCodeServer({ cs: opt.cs, node: NODE, dirs, smoke: false, log,
    onLine: (tag, line) => { if (opt.verbose) console.log(`[server:${tag}] ${line}`); } });
  const folder = path.join(dirs.root, 'ws', 'runner-app');
  fs.mkdirSync(folder, { recursive: true });
  fs.cpSync(path.join(ROOT, 'test/go/src/github.com/beacon/runner-app'), folder, { recursive: true });
  fs.writeFileSync(dirs.settingsFile, JSON.stringify({ ...baseSettings(), 'workbench.colorTheme': 'Default Dark Modern' }, null, 1));
  harness.browser = await launchBrowser(chromium, CHROME, dirs);
  const ctx = await harness.browser.newContext({ viewport: { width: 1400, height: 900 } });
  page = await ctx.newPage();
  page.on('pageerror', (e) => log(`pageerror: ${e.message}`));
  if (opt.verbose) page.on('console', (m) => log(`  [page] ${m.text().slice(0, 300)}`));
  await page.goto(`${harness.server.base}/?folder=${encodeURIComponent(folder)}`, { timeout: 0, waitUntil: 'commit' });
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: STEP_MS });
  for (const [name, fn] of [['activates', activates], ['fix flow with the real modal', fixFlow]]) {
    log(`scenario ${name}`);
    try {
      record(name, await fn(page));
    } catch (e) {
      record(name, [`${e.message.split('\n')[0]}`]);
      const shot = path.join(os.tmpdir(), `beacon-vsix-${name.split(' ')[0]}-failed.png`);
      await page.screenshot({ path: shot }).catch(() => {});
      log(`  screenshot of the failure: ${shot}`);
    }
  }
  rc = result.failed ? 1 : 0;
} catch (e) {
  log(`harness error: ${e.stack || e}`);
  result.failed++;
  result.failures.push({ title: 'packaged extension harness', error: String(e.message || e) });
  rc = 2;
} finally {
  console.log(`BEACON_TEST_RESULT ${JSON.stringify({ suite: 'vsix', vscode: CS_VERSION, passed: result.passed, failed: result.failed, pending: 0 })}`);
  if (process.env.BEACON_TEST_RESULTS) fs.writeFileSync(process.env.BEACON_TEST_RESULTS, JSON.stringify(result, null, 1));
  await harness.cleanup();
  process.exit(rc);
}
