#!/usr/bin/env node
// Runs Beacon Debug's integration tests inside a REAL VS Code extension host (code-server = VS Code server +
// web workbench) driven by headless Chromium through playwright-core, and/or takes screenshots of the
// workbench from a JSON shot plan. Install the harness first: bash scripts/harness/setup.sh
//
//   node scripts/harness/runExtTests.mjs --ext /abs/ext --tests /abs/ext/out/test/integration/index.js
//        [--folder /abs/workspace] [--cs DIR] [--node PATH] [--timeout 180] [--trust] [--theme NAME]
//        [--shots DIR --shot-plan FILE] [--shots-only] [--verbose]
//
//   --ext DIR         extension under development (extensionDevelopmentPath)
//   --tests FILE      test entry (extensionTestsPath) exporting run(): Promise<void>
//   --folder DIR      workspace folder to open (default: --ext)
//   --cs DIR          code-server install (default: $BEACON_HARNESS_DIR/cs-4.139.1); e.g. cs-4.100.3 for legacy
//   --node PATH       Node binary for code-server (default: the system node if its major matches the
//                     code-server's engines.node, else the harness's Node 24); env CS_NODE also works
//   --timeout SEC     give up on the tests after SEC seconds (exit 2); default 180
//   --trust           turn workspace trust on: the folder opens in Restricted Mode
//   --theme NAME      colour theme for the test window and the default for shots ("Default Dark Modern")
//   --shots DIR       take the screenshots of --shot-plan into DIR (after the tests unless --shots-only)
//   --shot-plan FILE  JSON shot list (see scripts/shotPlan.json and the README in this folder)
//   --shots-only      no tests, only screenshots
//
// The environment is passed through to the server and the extension host (e.g. BEACON_TEST_SUITE).
// Exit code: the tests' code (0 = all passed), 2 = harness error / timeout / no Chromium, 3 = a screenshot failed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { DEFAULT_CS, baseSettings, harnessRun, launchBrowser, requireHarness, sleep, startCodeServer } from './workbench.mjs';

const t0 = Date.now();
const ts = () => ((Date.now() - t0) / 1000).toFixed(1).padStart(6) + 's';
const log = (...a) => console.log(`[harness ${ts()}]`, ...a);

// ---------- args ----------
function usage(msg) {
  console.error(msg);
  console.error('usage: runExtTests.mjs --ext DIR (--tests FILE | --shots-only) [--folder DIR] [--cs DIR] [--node PATH] '
    + '[--timeout SEC] [--trust] [--theme NAME] [--shots DIR --shot-plan FILE] [--verbose]');
  process.exit(2);
}
const argv = process.argv.slice(2);
const opt = { cs: DEFAULT_CS, timeout: 180 };
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const next = () => { if (i + 1 >= argv.length) usage(`missing value for ${a}`); return argv[++i]; };
  if (a === '--ext') opt.ext = path.resolve(next());
  else if (a === '--tests') opt.tests = path.resolve(next());
  else if (a === '--folder') opt.folder = path.resolve(next());
  else if (a === '--cs') opt.cs = path.resolve(next());
  else if (a === '--node') opt.node = path.resolve(next());
  else if (a === '--timeout') opt.timeout = Number(next());
  else if (a === '--trust') opt.trust = true;
  else if (a === '--theme') opt.theme = next();
  else if (a === '--shots') opt.shots = path.resolve(next());
  else if (a === '--shot-plan') opt.shotPlan = path.resolve(next());
  else if (a === '--shots-only') opt.shotsOnly = true;
  else if (a === '--verbose') opt.verbose = true;
  else usage(`unknown argument ${a}`);
}
if (!opt.ext) usage('need --ext');
if (!opt.tests && !opt.shotsOnly) usage('need --tests (or --shots-only)');
if (opt.shotsOnly && !opt.shots) usage('--shots-only needs --shots DIR and --shot-plan FILE');
if (opt.shots && !opt.shotPlan) usage('--shots needs --shot-plan FILE');
if (!Number.isFinite(opt.timeout) || opt.timeout <= 0) usage('--timeout must be a positive number of seconds');
opt.folder ??= opt.ext;

// ---------- Chromium, code-server, node, playwright ----------
const { chrome: CHROME, node: NODE, chromium } = await requireHarness(opt.cs, opt.node);

// ---------- per-run private dirs, cleaned up on exit ----------
const harness = harnessRun('beacon-harness-');
const dirs = harness.dirs;

// workbench chatter that is not extension-host output (shown with --verbose)
const NOISE = new RegExp([
  '^Failed to load resource', 'open-vsx\\.org', 'same-origin iframe', 'allow-scripts and allow-same-origin',
  '^Resolv(ing|ed) connection token', '^Creating a socket', '^Updating additional builtin', '^\\[Service Worker\\]',
  '^\\[AgentHost', '^\\[AccountPolicyGate\\]', '^\\[lifecycle\\]', 'Unable to read file .*Canceled', 'vsda',
  'ENOTFOUND', 'IDBTransaction', '^\\[reconnection-grace-time\\]', '^Extension host \\(Remote\\) (is )?(started|terminated)',
  '^Started local extension host', 'An iframe which has both',
].join('|'));

const settingsFile = dirs.settingsFile;
function writeSettings(extra = {}) {
  fs.writeFileSync(settingsFile, JSON.stringify({
    ...baseSettings({ trust: !!opt.trust }),
    ...(opt.theme ? { 'workbench.colorTheme': opt.theme } : {}),
    ...extra,
  }, null, 1));
}

async function startServer() {
  writeSettings();
  // the whole environment goes through (BEACON_TEST_* reach the extension host), with private dirs on top
  harness.server = await startCodeServer({ cs: opt.cs, node: NODE, dirs, trust: !!opt.trust, log,
    onLine: (tag, line) => {
      if (opt.verbose || (/error|Extension Host Process exited/i.test(line) && !/open-vsx/.test(line))) console.log(`[server:${tag}] ${line}`);
    } });
  harness.server.server.once('exit', (c, sig) => log(`server exited code=${c} signal=${sig}`));
  return harness.server.base;
}

const remoteUri = (base, p) => `vscode-remote://${new URL(base).host}${p}`;
function workbenchUrl(base, payload) {
  const u = `${base}/?folder=${encodeURIComponent(opt.folder)}`;
  return payload ? `${u}&payload=${encodeURIComponent(JSON.stringify(payload))}` : u;
}

// ---------- tests ----------
async function runTests(base) {
  const ctx = await harness.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await ctx.newPage();
  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));
  await page.exposeFunction('codeAutomationExit', (code) => { resolveExit(code); });
  // Extension-host console output reaches the page console through the workbench log service as
  // ('%c INFO', 'color: #33f', fmt, ...args): re-format it, in order, with util.format.
  let chain = Promise.resolve(), finished = false;
  page.on('console', (m) => {
    if (finished) return;
    chain = chain.then(async () => {
      let args = await Promise.all(m.args().map((a) => a.jsonValue().catch(() => String(a))));
      if (!args.length) args = [m.text()];
      let level = m.type();
      if (typeof args[0] === 'string' && args[0].startsWith('%c')) { level = args[0].slice(2).trim(); args = args.slice(2); }
      const text = util.format(...args);
      if (!opt.verbose && NOISE.test(text)) return;
      console.log(opt.verbose ? `[page:${level}] ${text}` : text);
    });
  });
  page.on('pageerror', (e) => log('pageerror: ' + e.message));
  // payload paths must be vscode-remote:// URIs: then the REMOTE (Node) extension host loads them
  const payload = [['extensionDevelopmentPath', remoteUri(base, opt.ext)], ['extensionTestsPath', remoteUri(base, opt.tests)]];
  const url = workbenchUrl(base, payload);
  log('opening ' + url);
  const t = Date.now();
  const deadline = sleep(opt.timeout * 1000).then(() => 'timeout');
  await Promise.race([page.goto(url, { timeout: 0 }), deadline]);
  const code = await Promise.race([exited, deadline]);
  await chain;
  finished = true;
  if (code === 'timeout') log(`TIMEOUT: the tests did not finish within ${opt.timeout}s`);
  log(`tests finished: exit=${code} in ${((Date.now() - t) / 1000).toFixed(2)}s (page open -> codeAutomationExit)`);
  await ctx.close();
  return code === 'timeout' ? 2 : Number(code);
}

// ---------- screenshots from a shot plan ----------
// Plan: { "viewport"?: {width,height}, "deviceScaleFactor"?: 1, "theme"?: "...", "settings"?: {...}, "settleMs"?: 2500,
//         "shots": [Shot] }
// Shot: { "name": "tree-dark", "theme"?: "Default Dark Modern", "settings"?: {...}, "viewport"?: {...}, "clip"?: "full"|"sidebar"|
//         "editor"|"panel"|"<css selector>", "steps": [Step] }   -> <name>.png, each shot in a fresh window
// Step: { "openView": "Beacon Debug", "waitText"?: "Phase 0" }
//       { "clickTreeItem": "Quick Win Checklist", "waitText"?: "...", "in"?: "editor" }
//       { "openFile": "cmd/runner/main.go", "waitCodeLens"?: true | "lens title text" }
//       { "command": "Beacon Debug: Show Results", "waitWebviewText"?: "Diagnosis", "waitText"?: "...", "in"?: ... }
//       { "waitText": "text", "in"?: "sidebar"|"editor"|"panel"|"workbench"|"webview"|"notifications" }
//       { "waitWebviewText": "text" }   { "hover": "text", "in"?: "sidebar" }   { "key": "Escape" }   { "sleep": 500 }
//       { "sidebarWidth": 480 }   (drags the sidebar's edge)
//       { "clearNotifications": true }
//       every step may carry "timeout" (ms, default 30000)
function loadPlan(file) {
  const plan = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(plan.shots) || !plan.shots.length) throw new Error(`${file}: "shots" must be a non-empty array`);
  const names = new Set();
  plan.shots.forEach((s, i) => {
    if (!s.name || !/^[\w.-]+$/.test(s.name)) throw new Error(`${file}: shots[${i}].name must match [\\w.-]+`);
    if (names.has(s.name)) throw new Error(`${file}: duplicate shot name ${s.name}`);
    names.add(s.name);
    if (!Array.isArray(s.steps)) throw new Error(`${file}: shots[${i}].steps must be an array`);
  });
  return plan;
}

const AREAS = {
  sidebar: '.part.sidebar', editor: '.part.editor', panel: '.part.panel', workbench: '.monaco-workbench',
  notifications: '.notifications-toasts, .notifications-center', auxiliarybar: '.part.auxiliarybar',
};
const area = (page, name = 'workbench') => page.locator(AREAS[name] ?? name);
const webviewFrame = (page) => page.frameLocator('iframe.webview').last().frameLocator('iframe#active-frame');

async function quickInput(page, open, text) {
  await page.keyboard.press(open);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(text);
  return input;
}

async function runStep(page, step) {
  const timeout = step.timeout ?? 30000;
  const waitText = async (text, where) => {
    if (where === 'webview') await webviewFrame(page).getByText(text).first().waitFor({ timeout });
    else await area(page, where).getByText(text).first().waitFor({ timeout });
  };
  if (step.openView) {
    const icon = page.locator(`.activitybar [aria-label^="${step.openView}"]`).first();
    await icon.waitFor({ timeout });
    // clicking an already-open container closes it: only click when its view is not showing
    const checked = await icon.getAttribute('aria-checked').catch(() => null)
      ?? await icon.locator('xpath=..').getAttribute('aria-checked').catch(() => null);
    if (checked !== 'true') await icon.click();
    if (step.waitText) await waitText(step.waitText, step.in ?? 'sidebar');
  } else if (step.clickTreeItem) {
    const row = area(page, step.in ?? 'sidebar').locator('.monaco-list-row').filter({ hasText: step.clickTreeItem }).first();
    await row.waitFor({ timeout });
    await row.click();
    if (step.waitText) await waitText(step.waitText, step.waitIn ?? 'editor');
  } else if (step.openFile) {
    await quickInput(page, 'Control+P', step.openFile);
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout });
    await page.keyboard.press('Enter');
    await page.locator('.part.editor .monaco-editor .view-lines').first().waitFor({ timeout });
    if (step.waitCodeLens) {
      const lens = page.locator('.part.editor .codelens-decoration');
      await (typeof step.waitCodeLens === 'string' ? lens.filter({ hasText: step.waitCodeLens }) : lens).first().waitFor({ timeout });
    }
  } else if (step.command) {
    await quickInput(page, 'F1', '>' + step.command);
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: step.command }).first().waitFor({ timeout });
    await page.keyboard.press('Enter');
    if (step.waitWebviewText) await waitText(step.waitWebviewText, 'webview');
    if (step.waitText) await waitText(step.waitText, step.in ?? 'workbench');
  } else if (step.waitWebviewText) {
    await waitText(step.waitWebviewText, 'webview');
  } else if (step.waitText) {
    await waitText(step.waitText, step.in ?? 'workbench');
  } else if (step.hover) {
    await area(page, step.in ?? 'sidebar').getByText(step.hover).first().hover({ timeout });
    await sleep(1500);
  } else if (step.sidebarWidth) {
    // drag the sash on the sidebar's right edge (the workbench has no setting for the width)
    const box = await page.locator('.part.sidebar').first().boundingBox();
    if (!box) throw new Error('no sidebar to resize');
    const right = box.x + box.width;
    const sash = await page.evaluate((edge) => {
      for (const el of document.querySelectorAll('.monaco-sash.vertical')) {
        const r = el.getBoundingClientRect();
        if (r.height > 100 && Math.abs(r.left + r.width / 2 - edge) < 8) return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return null;
    }, right);
    if (!sash) throw new Error('no sash at the sidebar edge');
    await page.mouse.move(sash.x, sash.y);
    await sleep(200);
    await page.mouse.down();
    await page.mouse.move(sash.x + (box.x + step.sidebarWidth - right), sash.y, { steps: 10 });
    await page.mouse.up();
    await sleep(300);
    const now = await page.locator('.part.sidebar').first().boundingBox();
    if (!now || Math.abs(now.width - step.sidebarWidth) > 24) throw new Error(`sidebar is ${now?.width}px wide, wanted ${step.sidebarWidth}`);
  } else if (step.key) {
    await page.keyboard.press(step.key);
  } else if (step.sleep) {
    await sleep(step.sleep);
  } else if (step.clearNotifications) {
    await quickInput(page, 'F1', '>Notifications: Clear All Notifications');
    await page.keyboard.press('Enter');
  } else {
    throw new Error('unknown step ' + JSON.stringify(step));
  }
}

async function takeShots(base) {
  const plan = loadPlan(opt.shotPlan);
  fs.mkdirSync(opt.shots, { recursive: true });
  const failures = [];
  for (const shot of plan.shots) {
    const st = Date.now();
    const theme = shot.theme ?? plan.theme ?? opt.theme;
    writeSettings({ ...(theme ? { 'workbench.colorTheme': theme } : {}), ...(plan.settings ?? {}), ...(shot.settings ?? {}) });
    const viewport = shot.viewport ?? plan.viewport ?? { width: 1400, height: 900 };
    const ctx = await harness.browser.newContext({ viewport, deviceScaleFactor: shot.deviceScaleFactor ?? plan.deviceScaleFactor ?? 1 });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => { if (opt.verbose) log('pageerror: ' + e.message); });
    try {
      await page.goto(workbenchUrl(base, [['extensionDevelopmentPath', remoteUri(base, opt.ext)]]));
      await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60000 });
      await sleep(plan.settleMs ?? 2500); // let extensions and notifications settle
      for (const [i, step] of shot.steps.entries()) {
        try { await runStep(page, step); } catch (e) { throw new Error(`step ${i} ${JSON.stringify(step)}: ${e.message.split('\n')[0]}`); }
      }
      if (!shot.steps.some((s) => s.hover)) await page.mouse.move(viewport.width - 1, viewport.height - 1); // no stray hover
      await sleep(shot.settleMs ?? 600);
      // a transient status-bar progress (e.g. "Saving 'settings.json'") must not end up in the picture
      await page.locator('.part.statusbar').getByText(/^Saving /).first().waitFor({ state: 'detached', timeout: 10000 }).catch(() => {});
      if (opt.verbose) log('settings.json now: ' + fs.readFileSync(settingsFile, 'utf8').replace(/\s+/g, ' '));
      const file = path.join(opt.shots, shot.name + '.png');
      const clip = shot.clip && shot.clip !== 'full' ? area(page, shot.clip).first() : null;
      if (clip) await clip.screenshot({ path: file });
      else await page.screenshot({ path: file });
      log(`shot ${shot.name}: ${file} (${theme ?? 'default theme'}, ${((Date.now() - st) / 1000).toFixed(1)}s)`);
    } catch (e) {
      const dbg = path.join(os.tmpdir(), `beacon-shot-failed-${shot.name}.png`);
      await page.screenshot({ path: dbg }).catch(() => {});
      log(`shot ${shot.name} FAILED: ${e.message} (page saved to ${dbg})`);
      failures.push(shot.name);
    } finally {
      await ctx.close();
    }
  }
  return failures;
}

let rc = 2;
try {
  const base = await startServer();
  harness.browser = await launchBrowser(chromium, CHROME, dirs);
  rc = opt.shotsOnly ? 0 : await runTests(base);
  if (opt.shots) {
    try {
      const failed = await takeShots(base);
      if (failed.length) { log(`screenshots failed: ${failed.join(', ')}`); if (rc === 0) rc = 3; }
    } catch (e) { log('screenshot step failed: ' + e.message); if (rc === 0) rc = 3; }
  }
} catch (e) {
  log('harness error: ' + (e.stack || e));
  rc = 2;
} finally {
  await harness.cleanup();
  log(`done, exit ${rc}, total wall ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  process.exit(rc);
}
