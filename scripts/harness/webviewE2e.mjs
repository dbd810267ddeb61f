#!/usr/bin/env node
// Browser-level tests of the results webview in the REAL workbench (code-server + headless Chromium through
// playwright-core, the same harness as runExtTests.mjs), and the results screenshots. The extension-host half
// is out/test/e2e/resultsWebview.js (test/e2e/resultsWebview.ts); the two sides talk through files.
//
//   node scripts/harness/webviewE2e.mjs --ext /abs/ext [--only hostile,reload,shots] [--shots DIR]
//        [--cs DIR] [--node PATH] [--timeout SEC] [--verbose]
//
//   hostile  check output with <img onerror>, </script>, javascript: links, ANSI escapes and 5 MB of text is
//            shown as inert, truncated text; nothing in it runs (a global flag the payload would set stays unset),
//            no element or request comes out of it; "Show all" opens the whole output in an editor
//   reload   the panel is back after a window reload (Developer: Reload Window; webview serializer + page state),
//            in two phases
//   shots    a demo run in the panel, screenshots in the light and dark themes: DIR/results-light.png and
//            DIR/results-dark.png (default DIR: docs/images); skipped unless --shots or `shots` in --only
//
// Prints `BEACON_TEST_RESULT {"suite":"webview",...}`, writes the counts to $BEACON_TEST_RESULTS when set (the
// same JSON shape as test/integration/index.ts), exit 0 when every scenario passed, 1 when one failed,
// 2 on a harness error (no Chromium, no code-server: run bash scripts/harness/setup.sh).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CS_VERSION, DEFAULT_CS, baseSettings, harnessRun, launchBrowser, requireHarness, sleep, startCodeServer } from './workbench.mjs';

const t0 = Date.now();
const log = (...a) => console.log(`[webview-e2e ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s]`, ...a);


// ---------- args ----------
function usage(msg) {
  console.error(msg);
  console.error('usage: webviewE2e.mjs --ext DIR [--only hostile,reload,shots] [--shots DIR] [--cs DIR] [--node PATH] [--timeout SEC] [--verbose]');
  process.exit(2);
}
const argv = process.argv.slice(2);
const opt = { cs: DEFAULT_CS, timeout: 240 };
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const next = () => { if (i + 1 >= argv.length) usage(`missing value for ${a}`); return argv[++i]; };
  if (a === '--ext') opt.ext = path.resolve(next());
  else if (a === '--only') opt.only = next().split(',').map((s) => s.trim()).filter(Boolean);
  else if (a === '--shots') opt.shots = path.resolve(next());
  else if (a === '--cs') opt.cs = path.resolve(next());
  else if (a === '--node') opt.node = path.resolve(next());
  else if (a === '--timeout') opt.timeout = Number(next());
  else if (a === '--verbose') opt.verbose = true;
  else usage(`unknown argument ${a}`);
}
if (!opt.ext) usage('need --ext');
const SCENARIOS = ['hostile', 'reload', 'shots'];
for (const s of opt.only ?? []) if (!SCENARIOS.includes(s)) usage(`unknown scenario ${s} (${SCENARIOS.join(', ')})`);
const wanted = opt.only ?? ['hostile', 'reload', ...(opt.shots ? ['shots'] : [])];
if (wanted.includes('shots')) opt.shots ??= path.join(opt.ext, 'docs/images');
const ENTRY_JS = path.join(opt.ext, 'out/test/e2e/resultsWebview.js');
if (!fs.existsSync(ENTRY_JS)) usage(`${ENTRY_JS} is missing: compile first (npx tsc -p tsconfig.test.json)`);
if (!fs.existsSync(path.join(opt.ext, 'dist/extension.js')) || !fs.existsSync(path.join(opt.ext, 'media/results/results.js'))) {
  usage('the extension is not built: run node scripts/build.mjs');
}

// ---------- Chromium, code-server, node, playwright ----------
const { chrome: CHROME, node: NODE, chromium } = await requireHarness(opt.cs, opt.node);

// ---------- private dirs ----------
const harness = harnessRun('beacon-wv-');
const dirs = harness.dirs;
const tmp = dirs.root;
const E2E_DIR = path.join(tmp, 'e2e');
fs.mkdirSync(E2E_DIR);
const settingsFile = dirs.settingsFile;

function writeSettings(extra = {}) {
  fs.writeFileSync(settingsFile, JSON.stringify({ ...baseSettings(), 'workbench.colorTheme': 'Default Dark Modern', ...extra }, null, 1));
}

async function startServer() {
  writeSettings();
  harness.server = await startCodeServer({ cs: opt.cs, node: NODE, dirs, log, env: { BEACON_E2E_DIR: E2E_DIR, BEACON_E2E_SCENARIO: undefined },
    onLine: (tag, line) => { if (opt.verbose) console.log(`[server:${tag}] ${line}`); } });
  return harness.server.base;
}

const remoteUri = (base, p) => `vscode-remote://${new URL(base).host}${p}`;

/** A workspace folder per scenario (its own workspace storage, so its own run history). */
function workspace(name) {
  const dir = path.join(tmp, `ws-${name}`, 'runner-app');
  fs.mkdirSync(dir, { recursive: true });
  const go = path.join(opt.ext, 'test/go/src/github.com/beacon/runner-app');
  if (fs.existsSync(go)) fs.cpSync(go, dir, { recursive: true });
  return dir;
}

async function openWindow(base, name, folder, theme, viewport = { width: 1400, height: 900 }) {
  for (const f of fs.readdirSync(E2E_DIR)) fs.rmSync(path.join(E2E_DIR, f), { force: true });
  fs.writeFileSync(path.join(E2E_DIR, 'scenario'), name);
  writeSettings(theme ? { 'workbench.colorTheme': theme } : {});
  const ctx = await harness.browser.newContext({ viewport });
  const page = await ctx.newPage();
  let exitCode = null;
  await page.exposeFunction('codeAutomationExit', (code) => { exitCode = code; });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    const t = m.text();
    if (opt.verbose || /\[e2e\]|\[beacon-debug results\]/.test(t)) log(`  [page] ${t.slice(0, 300)}`);
  });
  page.on('pageerror', (e) => log(`pageerror: ${e.message}`));
  const payload = [['extensionDevelopmentPath', remoteUri(base, opt.ext)], ['extensionTestsPath', remoteUri(base, ENTRY_JS)]];
  const url = `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  // not waiting for `load`: the workbench's own iframes may hold it back
  await page.goto(url, { timeout: 0, waitUntil: 'commit' });
  return { ctx, page, requests, exit: () => exitCode };
}

async function waitFile(step, ms = opt.timeout * 1000) {
  const file = path.join(E2E_DIR, `${step}.ready`);
  const end = Date.now() + ms;
  for (;;) {
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'));
    const err = path.join(E2E_DIR, `${fs.readFileSync(path.join(E2E_DIR, 'scenario'), 'utf8')}.error`);
    if (fs.existsSync(err)) throw new Error(`extension side: ${fs.readFileSync(err, 'utf8').split('\n').slice(0, 6).join(' | ')}`);
    if (Date.now() > end) throw new Error(`timed out waiting for ${step}.ready`);
    await sleep(200);
  }
}
function finishStep(step, ok, message) {
  fs.writeFileSync(path.join(E2E_DIR, `${step}.done`), JSON.stringify({ ok, message }));
}

/** The results page's frame: the webview's inner document that holds <main id="app">. */
async function resultsFrame(page, ms = 30000) {
  const end = Date.now() + ms;
  for (;;) {
    for (const f of page.frames()) {
      // a frame that is still loading can keep evaluate waiting: give each one a moment only
      const probe = f.evaluate(() => !!document.querySelector('main#app') && !!document.querySelector('meta[http-equiv="Content-Security-Policy"]')).catch(() => false);
      const hit = await Promise.race([probe, sleep(1000).then(() => false)]);
      if (hit) return f;
    }
    if (Date.now() > end) throw new Error('the results webview did not appear');
    await sleep(250);
  }
}

async function waitExit(w, ms = 60000) {
  const end = Date.now() + ms;
  while (w.exit() === null && Date.now() < end) await sleep(200);
  return w.exit();
}

function check(cond, what, failures) {
  if (!cond) failures.push(what);
  log(`  ${cond ? '✓' : '✗'} ${what}`);
}

// ---------- scenarios ----------
async function hostile(base) {
  const w = await openWindow(base, 'hostile', workspace('hostile'));
  const failures = [];
  try {
    const info = await waitFile('hostile');
    log('  the run is in the panel');
    const f = await resultsFrame(w.page);
    log('  found the webview frame');
    await f.waitForSelector(`#step-${info.step.replace('.', '\\.')}`, { timeout: 30000 });
    // open the check's output (the step failed: it is open already)
    const summary = f.locator(`#check-${info.step.replace('.', '\\.')}-${info.check} details.output-details > summary`);
    await summary.click();
    await f.waitForSelector('pre.output', { timeout: 10000 });
    await sleep(1500); // time for anything that would run to run
    const r = await f.evaluate(({ flag, step, check }) => {
      const pre = document.querySelector(`#check-${CSS.escape(step)}-${CSS.escape(check)} pre.output`);
      const all = [...document.querySelectorAll('*')];
      const showAll = document.querySelector(`#check-${CSS.escape(step)}-${CSS.escape(check)} .truncated vscode-button`);
      return {
        flag: window[flag], parentFlag: (() => { try { return window.parent[flag]; } catch { return 'blocked'; } })(),
        text: pre ? pre.textContent : null,
        textLength: pre ? pre.textContent.length : 0,
        badElements: document.querySelectorAll('img, iframe, svg, a, object, embed, frame').length,
        inlineHandlers: all.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
        foreignScripts: [...document.scripts].filter((s) => !/\/media\/results\/results\.js/.test(s.src) && s.textContent.includes(flag)).length,
        ourScript: [...document.scripts].some((s) => /\/media\/results\/results\.js/.test(s.src) && s.nonce),
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
        showAll: showAll ? showAll.textContent.trim() : null,
        truncatedNote: document.querySelector('.truncated')?.textContent ?? '',
        // the build cuts the codicon font and stylesheet down to the icons the page names: each one shown has its glyph
        icons: (() => {
          const found = { shown: 0, missing: [] };
          const visit = (root) => {
            for (const el of root.querySelectorAll('*')) {
              if (el.classList.contains('codicon')) {
                found.shown += 1;
                const content = getComputedStyle(el, '::before').content;
                if (!content || content === 'none' || content === 'normal') found.missing.push(el.className);
              }
              if (el.shadowRoot) visit(el.shadowRoot);
            }
          };
          visit(document);
          return found;
        })(),
        codiconFont: document.fonts.check('16px codicon'),
      };
    }, info);
    check(r.flag === undefined && (r.parentFlag === undefined || r.parentFlag === 'blocked'), `no script from the output ran (window.${info.flag} is ${JSON.stringify(r.flag)})`, failures);
    check(await w.page.evaluate((flag) => window[flag], info.flag) === undefined, 'the workbench page flag is unset too', failures);
    check(r.text !== null && r.text.includes('<img src=x onerror='), 'the <img onerror> is shown as text', failures);
    check(r.text !== null && r.text.includes('</script><script>'), 'the </script> is shown as text', failures);
    check(r.text !== null && r.text.includes('javascript:window.'), 'the javascript: links are shown as text', failures);
    check(r.icons.shown >= 5 && r.icons.missing.length === 0 && r.codiconFont, `every icon on the page has its glyph (${r.icons.shown} shown; without: ${[...new Set(r.icons.missing)].join(', ') || 'none'}; font loaded: ${r.codiconFont})`, failures);
    check(r.badElements === 0, `no img/iframe/svg/a element in the page (found ${r.badElements})`, failures);
    check(r.inlineHandlers === 0, `no element with an inline on* handler (found ${r.inlineHandlers})`, failures);
    check(r.foreignScripts === 0 && r.ourScript, 'the only script is ours, with its nonce', failures);
    check(r.text !== null && !r.text.includes('\x1b') && r.text.includes('RED') && r.text.includes('cleared') && r.text.includes('osc-link'), 'ANSI and OSC escapes are removed, their text kept', failures);
    // issue 11: every other control is shown as an escape, never raw (colours are dropped)
    const raw = r.text === null ? 0 : [...r.text.matchAll(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g)].length;
    check(raw === 0, `no raw control character in the page's output text (found ${raw})`, failures);
    check(r.text !== null && ['\\x1b]52;c;', '\\x1b]0;pwned-title', 'FAIL\\rPASS', '\\x9b2J-c1', '\\u202eevil', 'nul\\x00byte', '\\x1b[2J'].every((v) => r.text.includes(v)), 'OSC 52, OSC 0, CSI 2J, a bare CR, U+009B, bidi and NUL are shown as escapes', failures);
    check(r.textLength > 0 && r.textLength <= 24000, `the ${(info.outputBytes / 1024 / 1024).toFixed(1)} MB output is truncated on the page (${r.textLength} characters shown)`, failures);
    const total = Number((/Showing the first part of (\d+) lines/.exec(r.truncatedNote) ?? [])[1] ?? 0);
    check(!!r.showAll && total >= 50000 && /MB\)/.test(r.truncatedNote), `the whole size is told and "${r.showAll}" offered: ${r.truncatedNote.trim()}`, failures);
    check(/default-src 'none'/.test(r.csp) && /script-src 'nonce-/.test(r.csp) && !/unsafe-(inline|eval)/.test(r.csp), `strict CSP: ${r.csp}`, failures);
    const leaks = w.requests.filter((u) => /evil\.example|\/x$|javascript:/.test(u));
    check(leaks.length === 0, `no request came out of the output (${leaks.length})`, failures);
    // comparing two runs: the page asks, the host answers with the comparison
    await f.locator('.compare-form vscode-button').click();
    const compared = await f.locator('.comparison').waitFor({ timeout: 30000 }).then(() => true, () => false);
    const cmpText = compared ? await f.locator('.comparison').textContent() : '';
    check(compared && /Verdicts that changed/.test(cmpText) && /Facts that changed/.test(cmpText), 'Compare shows the verdicts and facts that changed', failures);
    // "Show all" asks the host, which opens the whole output in an editor
    await f.locator(`#check-${info.step.replace('.', '\\.')}-${info.check} .truncated vscode-button`).first().click();
    const tab = w.page.locator('.tabs-container .tab', { hasText: `${info.check}.beaconlog` });
    const opened = await tab.first().waitFor({ timeout: 90000 }).then(() => true, () => false);
    check(opened, `"Show all" opened ${info.check}.beaconlog in an editor`, failures);
    if (!opened) await w.page.screenshot({ path: path.join(os.tmpdir(), 'beacon-webview-hostile-showall.png') }).catch(() => {});
    if (opened) {
      const editorText = await w.page.locator('.part.editor .editor-group-container.active .monaco-editor .view-lines').first().textContent({ timeout: 10000 }).catch((e) => String(e));
      // Monaco draws spaces as no-break spaces
      check(/qw\.4 — recent job lines/.test(String(editorText).replace(/\u00a0/g, ' ')), 'the editor shows the check\'s output', failures);
    }
  } catch (e) {
    failures.push(`harness: ${e.message}`);
    await w.page.screenshot({ path: path.join(os.tmpdir(), 'beacon-webview-hostile-failed.png') }).catch(() => {});
  }
  finishStep('hostile', failures.length === 0, failures.join('; ') || 'all checks passed');
  const code = await waitExit(w);
  await w.ctx.close();
  return failures.length === 0 && code === 0 ? null : failures.join('; ') || `the extension side exited ${code}`;
}

async function reload(base) {
  const w = await openWindow(base, 'reload', workspace('reload'));
  const failures = [];
  try {
    const info = await waitFile('reload-1');
    let f = await resultsFrame(w.page);
    await f.locator('header.summary', { hasText: info.label }).waitFor({ timeout: 20000 });
    // open a step that is closed by default, with the keyboard: the page keeps that in its state. Its body is
    // filled by the same toggle handler that calls setState, so once the body is there the page has handed the
    // new state to the workbench.
    await f.locator('#step-qw\\.3 > summary').focus();
    await w.page.keyboard.press('Enter');
    const opened = await f.waitForSelector('#step-qw\\.3[open] .step-body', { timeout: 5000 }).then(() => true, () => false);
    check(opened, 'a step opens from the keyboard (Enter on its summary)', failures);
    const focusable = await f.evaluate(() => document.querySelectorAll('summary, button, vscode-button:not([disabled]), [tabindex="0"]').length);
    check(focusable > 10, `the page's controls are reachable with Tab (${focusable} focusable)`, failures);
    finishStep('reload-1', failures.length === 0, failures.join('; ') || 'phase 1 done');
    if (failures.length) throw new Error('phase 1 failed: the window is not reloaded');
    // The extension side now runs "Developer: Reload Window", which has the workbench store its editors (the
    // panel and its page's state) before it navigates. Not page.reload(): a browser reload does not wait for
    // that write (the beforeunload flush is fire-and-forget), so the window came back with what the workbench's
    // idle flush, every 5 s, had stored last — an older page state, or no panel at all (issue #6).
    log('  the extension side reloads the window (Developer: Reload Window)');
    const state = await waitFile('reload-2');
    check(state.open && state.ready, 'the panel came back after the reload and its page said ready', failures);
    check(state.shownRunId === info.runId, `it shows the same run (${state.shownRunId})`, failures);
    f = await resultsFrame(w.page);
    const label = await f.locator('header.summary', { hasText: info.label }).waitFor({ timeout: 20000 }).then(() => true, () => false);
    check(label, `the page shows "${info.label}" again`, failures);
    const open = await f.locator('#step-qw\\.3[open]').count();
    check(open === 1, 'the step opened before the reload is still open (page state)', failures);
  } catch (e) {
    failures.push(`harness: ${e.message}`);
    await w.page.screenshot({ path: path.join(os.tmpdir(), 'beacon-webview-reload-failed.png') }).catch(() => {});
  }
  finishStep('reload-2', failures.length === 0, failures.join('; ') || 'all checks passed');
  const code = await waitExit(w);
  await w.ctx.close();
  return failures.length === 0 && code === 0 ? null : failures.join('; ') || `the extension side exited ${code}`;
}

async function shots(base) {
  const w = await openWindow(base, 'shots', workspace('shots'), 'Default Dark Modern', { width: 1400, height: 1300 });
  const failures = [];
  let step = 'shots-dark';
  try {
    fs.mkdirSync(opt.shots, { recursive: true });
    for (const [name, file] of [['shots-dark', 'results-dark.png'], ['shots-light', 'results-light.png']]) {
      step = name;
      const info = await waitFile(name, 300000);
      log(`  run ${info.runId} (${info.demo ? 'demo run against the simulator' : 'constructed run'}), ${info.theme}`);
      await sleep(1500); // the webview picks up the theme's colours
      const f = await resultsFrame(w.page);
      await f.locator('h2.headline').waitFor({ timeout: 20000 });
      await w.page.mouse.move(5, 1290);
      await sleep(400);
      const out = path.join(opt.shots, file);
      await w.page.locator('.part.editor').first().screenshot({ path: out });
      check(fs.statSync(out).size > 10000, `${path.relative(process.cwd(), out)} (${info.theme})`, failures);
      finishStep(name, true, 'screenshot taken');
    }
  } catch (e) {
    failures.push(`harness: ${e.message}`);
    finishStep(step, false, e.message);
    await w.page.screenshot({ path: path.join(os.tmpdir(), 'beacon-webview-shots-failed.png') }).catch(() => {});
  }
  const code = await waitExit(w, 90000);
  await w.ctx.close();
  return failures.length === 0 && code === 0 ? null : failures.join('; ') || `the extension side exited ${code}`;
}

// ---------- main ----------
const result = { suite: 'webview', vscodeVersion: CS_VERSION, files: ['scripts/harness/webviewE2e.mjs'], passed: 0, failed: 0, pending: 0, failures: [] };
let rc = 0;
try {
  const base = await startServer();
  harness.browser = await launchBrowser(chromium, CHROME, dirs);
  for (const name of wanted) {
    log(`scenario ${name}`);
    const st = Date.now();
    const failure = await { hostile, reload, shots }[name](base);
    if (failure) { result.failed++; result.failures.push({ title: `webview ${name}`, error: failure }); log(`scenario ${name} FAILED: ${failure}`); }
    else { result.passed++; log(`scenario ${name} passed in ${((Date.now() - st) / 1000).toFixed(1)}s`); }
  }
  rc = result.failed ? 1 : 0;
} catch (e) {
  log(`harness error: ${e.stack || e}`);
  result.failed++;
  result.failures.push({ title: 'webview harness', error: String(e.message || e) });
  rc = 2;
} finally {
  console.log(`BEACON_TEST_RESULT ${JSON.stringify({ suite: 'webview', vscode: CS_VERSION, passed: result.passed, failed: result.failed, pending: 0 })}`);
  if (process.env.BEACON_TEST_RESULTS) fs.writeFileSync(process.env.BEACON_TEST_RESULTS, JSON.stringify(result, null, 1));
  await harness.cleanup();
  process.exit(rc);
}
