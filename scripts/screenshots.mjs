#!/usr/bin/env node
// `npm run screenshots`: PNGs of the real workbench (code-server 4.139.1 + headless Chromium) with Beacon Debug
// loaded, taken from the shot plan scripts/shotPlan.json into docs/images/, then compressed with pngquant.
//
//   node scripts/screenshots.mjs [--plan FILE] [--out DIR] [--verbose]
//
// Needs the harness (bash scripts/harness/setup.sh; installed here on first use), Chromium and pngquant.
// Exit: 0 all shots saved, 2 harness error / no Chromium, 3 a shot failed (the page is saved under /tmp).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compressPng, hasPngquant, NO_PNGQUANT } from './harness/workbench.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const opt = { plan: path.join(ROOT, 'scripts/shotPlan.json'), out: path.join(ROOT, 'docs/images'), verbose: false };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--plan') opt.plan = path.resolve(argv[++i]);
  else if (argv[i] === '--out') opt.out = path.resolve(argv[++i]);
  else if (argv[i] === '--verbose') opt.verbose = true;
  else { console.error(`unknown argument ${argv[i]}\nusage: node scripts/screenshots.mjs [--plan FILE] [--out DIR] [--verbose]`); process.exit(2); }
}

const run = (cmd, args, env = process.env) => new Promise((resolve) => {
  const p = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env });
  p.on('error', (e) => { console.error(`cannot run ${cmd}: ${e.message}`); resolve(127); });
  p.on('exit', (code, sig) => resolve(code ?? (sig ? 128 : 1)));
});

if (!hasPngquant()) {
  console.error(NO_PNGQUANT);
  process.exit(2);
}

// the legacy code-server is not needed for screenshots
let rc = await run('bash', [path.join(ROOT, 'scripts/harness/setup.sh')], { ...process.env, BEACON_HARNESS_LEGACY: process.env.BEACON_HARNESS_LEGACY ?? '0' });
if (rc !== 0) process.exit(rc === 2 ? 2 : 1);
rc = await run(process.execPath, [path.join(ROOT, 'scripts/build.mjs')]);
if (rc !== 0 || !fs.existsSync(path.join(ROOT, 'dist/extension.js'))) { console.error('build failed'); process.exit(1); }

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-shots-ws-'));
const fixture = path.join(ROOT, 'test/fixtures/workspace');
if (fs.existsSync(fixture)) fs.cpSync(fixture, folder, { recursive: true });
// a plan may add files to the workspace (e.g. workspace runbooks) without changing the shared fixture
const extra = JSON.parse(fs.readFileSync(opt.plan, 'utf8')).workspaceExtra;
if (extra) fs.cpSync(path.join(ROOT, extra), folder, { recursive: true });
try {
  rc = await run(process.execPath, [path.join(ROOT, 'scripts/harness/runExtTests.mjs'), '--ext', ROOT, '--folder', folder,
    '--shots-only', '--shots', opt.out, '--shot-plan', opt.plan, ...(opt.verbose ? ['--verbose'] : [])]);
} finally {
  fs.rmSync(folder, { recursive: true, force: true });
}
if (rc === 0) {
  const plan = JSON.parse(fs.readFileSync(opt.plan, 'utf8'));
  for (const shot of plan.shots) {
    const file = path.join(opt.out, `${shot.name}.png`);
    const before = fs.statSync(file).size;
    compressPng(file);
    console.log(`${path.relative(ROOT, file)}: ${(before / 1024).toFixed(0)} KB → ${(fs.statSync(file).size / 1024).toFixed(0)} KB (pngquant)`);
  }
  console.log(`screenshots in ${path.relative(ROOT, opt.out) || '.'}`);
}
process.exit(rc);
