import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runShellProbe } from '../../../src/engine/probes/shellProbe';
import { alive, killLeftovers, remember, tempDir, waitFor, writeScript } from './procHelpers';

/** A child that starts a grandchild; both print their pid, both ignore SIGTERM when asked to. */
const TREE = `
const { spawn } = require('node:child_process');
const stubborn = process.argv[2] === 'stubborn';
if (stubborn) process.on('SIGTERM', () => {});
const gc = spawn(process.execPath, ['-e', (stubborn ? "process.on('SIGTERM', () => {});" : '') + 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
console.log('PIDS ' + process.pid + ' ' + gc.pid);
setInterval(() => {}, 1000);
`;

describe('engine/probes/shellProbe', function () {
  this.timeout(20_000);
  let dir: string;
  before(() => {
    dir = tempDir('beacon-shell-');
  });
  after(() => {
    killLeftovers();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function treeTest(mode: 'cancel' | 'timeout', stubborn: boolean) {
    const script = writeScript(dir, `tree-${mode}-${stubborn}.js`, TREE);
    const ac = new AbortController();
    let pids: number[] = [];
    const done = runShellProbe({
      argv: [script, stubborn ? 'stubborn' : 'plain'],
      timeoutMs: mode === 'timeout' ? 1500 : 60_000,
      killGraceMs: 300,
      signal: ac.signal,
      onOutput: (_s, text) => {
        const m = /PIDS (\d+) (\d+)/.exec(text);
        if (m) {
          pids = [Number(m[1]), Number(m[2])];
          remember(...pids);
          if (mode === 'cancel') ac.abort();
        }
      },
    });
    const out = await done;
    assert.equal(pids.length, 2, 'the script printed both pids');
    assert.equal(out.ok, false);
    assert.equal(out.error, mode === 'cancel' ? 'cancelled' : 'timeout');
    await waitFor(() => !alive(pids[0]) && !alive(pids[1]), 5000, `pids ${pids.join(', ')} to be gone`);
  }

  it('cancel kills the child and its grandchild', () => treeTest('cancel', false));
  it('cancel escalates to SIGKILL when the tree ignores SIGTERM', () => treeTest('cancel', true));
  it('timeout kills the child and its grandchild', () => treeTest('timeout', false));
  it('timeout escalates to SIGKILL when the tree ignores SIGTERM', () => treeTest('timeout', true));

  it('a missing executable is ENOENT with an install hint, not a crash', async () => {
    const out = await runShellProbe({ argv: [path.join(dir, 'no-such-dir', 'flyctl'), 'version'], timeoutMs: 5000 });
    assert.equal(out.ok, false);
    assert.equal(out.error, 'ENOENT');
    assert.equal(out.couldNotRun, true);
    assert.match(out.errorMessage!, /Install flyctl: https:\/\/fly\.io\/docs\/flyctl\/install\/ or set beaconDebug\.flyctlPath/);
    const psql = await runShellProbe({ argv: ['beacon-no-such-psql-xyz'], timeoutMs: 5000 });
    assert.equal(psql.error, 'ENOENT');
    const bare = await runShellProbe({ argv: [path.join(dir, 'psql')], timeoutMs: 5000 });
    assert.match(bare.errorMessage!, /PostgreSQL client/);
  });

  it('streams output while the process runs (the process waits for the test to see its first line)', async () => {
    const flag = path.join(dir, 'go-on');
    const script = writeScript(dir, 'stream.js', `
console.log('ready');
const fs = require('node:fs');
const t = setInterval(() => { if (fs.existsSync(${JSON.stringify(flag)})) { clearInterval(t); console.error('warn line'); console.log('done'); } }, 20);`);
    const seen: string[] = [];
    const out = await runShellProbe({
      argv: [script],
      timeoutMs: 10_000,
      onOutput: (stream, text) => {
        seen.push(`${stream}:${text}`);
        if (text.includes('ready')) fs.writeFileSync(flag, '');
      },
    });
    assert.equal(out.ok, true, out.errorMessage);
    assert.equal(out.exitCode, 0);
    assert.equal(out.stdout, 'ready\ndone\n');
    assert.equal(out.stderr, 'warn line\n');
    assert.ok(seen[0].startsWith('stdout:ready'));
    assert.ok(out.transcript.includes('warn line'));
  });

  it('a non-zero exit is reported with its code and last stderr line', async () => {
    const out = await runShellProbe({ argv: [process.execPath, '-e', 'console.error("Error: app not found"); process.exit(3)'], timeoutMs: 10_000 });
    assert.equal(out.ok, false);
    assert.equal(out.exitCode, 3);
    assert.equal(out.error, 'exit 3');
    assert.match(out.errorMessage!, /exited with code 3: Error: app not found/);
  });

  it('database credentials go to PG* variables, never to the command line; inherited PG* are dropped', async () => {
    const script = writeScript(dir, 'pgenv.js', `
const pg = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('PG')));
console.log(JSON.stringify({ argv: process.argv.slice(2), pg }));`);
    process.env.PGSERVICE = 'inherited-should-go';
    try {
      const out = await runShellProbe({
        argv: [script, '-X', '-c', 'select 1'],
        databaseUrl: 'postgres://beacon:s3cr%40t@db.internal:6543/app?sslmode=require',
        timeoutMs: 10_000,
      });
      const got = JSON.parse(out.stdout) as { argv: string[]; pg: Record<string, string> };
      assert.deepEqual(got.argv, ['-X', '-c', 'select 1']);
      assert.deepEqual(got.pg, { PGHOST: 'db.internal', PGPORT: '6543', PGUSER: 'beacon', PGPASSWORD: 's3cr@t', PGDATABASE: 'app', PGSSLMODE: 'require' });
      assert.ok(!out.command.includes('s3cr'));
    } finally {
      delete process.env.PGSERVICE;
    }
  });

  it('an already-aborted signal starts nothing', async () => {
    const ac = new AbortController();
    ac.abort();
    const marker = path.join(dir, 'should-not-exist');
    const out = await runShellProbe({ argv: [process.execPath, '-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`], timeoutMs: 5000, signal: ac.signal });
    assert.equal(out.error, 'cancelled');
    assert.equal(fs.existsSync(marker), false);
  });
});
