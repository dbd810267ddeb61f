// `npm run test:electron`: the same integration suites in the DESKTOP VS Code (Electron), downloaded by
// @vscode/test-electron into .vscode-test/. Needs internet access and a desktop (or xvfb-run) — for
// developers' machines; CI and `npm test` use the offline harness (scripts/harness/) instead.
//
//   default suite     BEACON_VSCODE_VERSION (default "stable")
//   activation suite  1.100.3, the oldest VS Code engines.vscode allows
//   untrusted suite   stable with workspace trust on (Restricted Mode)
// BEACON_TEST_SUITE=default|activation|untrusted runs only that one.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface Run { suite: string; version: string; trust: boolean; expect?: string }

function minimumVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { vscode: string } };
  const m = /(\d+\.\d+\.\d+)/.exec(pkg.engines.vscode);
  if (!m) throw new Error(`cannot read engines.vscode ${pkg.engines.vscode}`);
  return m[1];
}

function workspaceCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-ws-'));
  const fixture = path.join(ROOT, 'test', 'fixtures', 'workspace');
  if (fs.existsSync(fixture)) fs.cpSync(fixture, dir, { recursive: true });
  return dir;
}

async function main(): Promise<number> {
  const min = minimumVersion();
  const stable = process.env.BEACON_VSCODE_VERSION ?? 'stable';
  const hasUntrusted = fs.readdirSync(__dirname).some((f) => f.startsWith('untrusted') && f.endsWith('.test.js'));
  let runs: Run[] = [
    { suite: 'default', version: stable, trust: false },
    { suite: 'activation', version: min, trust: false, expect: min },
    ...(hasUntrusted ? [{ suite: 'untrusted', version: stable, trust: true }] : []),
  ];
  const only = process.env.BEACON_TEST_SUITE;
  if (only) runs = runs.filter((r) => r.suite === only);
  if (!runs.length) throw new Error(`no suite named ${only}`);

  let failed = 0;
  for (const r of runs) {
    const ws = workspaceCopy();
    console.log(`\n=== ${r.suite} suite on VS Code ${r.version}${r.trust ? ' (Restricted Mode)' : ''}`);
    try {
      await runTests({
        version: r.version,
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: path.join(__dirname, 'index.js'),
        extensionTestsEnv: { BEACON_TEST_SUITE: r.suite, ...(r.expect ? { BEACON_TEST_EXPECT_VSCODE: r.expect } : {}) },
        launchArgs: [ws, '--disable-extensions', ...(r.trust ? [] : ['--disable-workspace-trust'])],
      });
      console.log(`=== ${r.suite}: passed`);
    } catch (e) {
      failed++;
      console.error(`=== ${r.suite}: FAILED — ${(e as Error).message}`);
      if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|getaddrinfo|network/i.test(String(e))) {
        console.error('@vscode/test-electron downloads VS Code and needs internet access; offline, use `npm test` (code-server harness).');
      }
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => { console.error(e); process.exit(1); },
);
