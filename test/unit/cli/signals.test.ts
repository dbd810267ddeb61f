// Every signal that ends the CLI from a terminal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) ends a run the
// same way: the probes' process trees are killed and the demo simulator's temp dir is removed.
// The CLI runs as a real process (the tsc output of src/cli/main.ts); survivors are counted in /proc.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENDING_SIGNALS } from '../../../src/cli/processIo';
import { cliArgs } from './cliProcess';
import { alive, tempDir, waitFor, writeScript } from '../engine/procHelpers';


/** Pids of live processes whose command line contains `marker`. */
function processesWith(marker: string): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker) && alive(Number(entry))) out.push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

/** The demo's simulator dirs in a temp dir of the test's own (other runs on the machine have theirs). */
function simDirs(tmp: string): string[] {
  return fs.readdirSync(tmp).filter((n) => n.startsWith('beacon-sim-')).map((n) => path.join(tmp, n));
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

describe('cli: ending signals (issue 11 D3)', function () {
  this.timeout(60_000);
  const survivors: Record<string, number> = {};
  let dir: string;

  before(() => {
    dir = tempDir('beacon-signals-');
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    // the report's table: surviving processes per signal
    console.log(`      surviving children per signal: ${JSON.stringify(survivors)}`);
  });

  for (const sig of ENDING_SIGNALS) {
    it(`${sig} during a run kills every probe's process tree: 0 survivors`, async () => {
      // a flyctl that starts a grandchild and waits for it: the preflight's `flyctl version` hangs
      const marker = `beacon-signal-${sig}-${process.pid}`;
      const fly = writeScript(dir, `flyctl-${sig}`, `require('child_process').spawn('sleep', ['300'], { stdio: 'ignore', argv0: '${marker}' }); setInterval(() => {}, 1000);`);
      const child = spawn(process.execPath, cliArgs(['run', '--only', 'qw.1', '--runner-url', 'http://127.0.0.1:9', '--router-url', 'http://127.0.0.1:9', '--fly-app', 'beacon-runner-test', '--flyctl', fly]), { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr!.on('data', (d) => (err += d));
      child.stdout!.resume();
      // the probes: the fake flyctl processes and their sleeping grandchildren (not the CLI itself)
      const probes = () => [...processesWith(marker), ...processesWith(fly)].filter((p) => p !== child.pid);
      try {
        await waitFor(() => processesWith(marker).length >= 2, 20_000, 'both preflight probes and their grandchildren');
        child.kill(sig);
        const end = await exited(child);
        await waitFor(() => probes().length === 0, 5_000, 'the probe trees to go').catch(() => undefined);
        survivors[sig] = probes().length;
        assert.equal(survivors[sig], 0, `left running after ${sig}: ${probes().join(', ')}`);
        assert.equal(end.signal, null, `the CLI handled ${sig} and exited by itself`);
        assert.equal(end.code, 3, err);
        assert.match(err, /cancelled/);
        assert.doesNotMatch(err, /\n\s+at /, 'no stack trace');
      } finally {
        for (const p of probes()) process.kill(p, 'SIGKILL');
        child.kill('SIGKILL');
      }
    });

    it(`${sig} during demo removes the simulator's temp dir and leaves none of its processes`, async () => {
      const tmp = fs.mkdtempSync(path.join(dir, 'tmp-'));
      const child = spawn(process.execPath, cliArgs(['demo', '--fault', 'router-slow']), { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: tmp } });
      child.stdout!.resume();
      let err = '';
      child.stderr!.on('data', (d) => (err += d));
      try {
        await waitFor(() => simDirs(tmp).length > 0, 20_000, 'the simulator temp dir');
        const simDir = simDirs(tmp)[0];
        // let the checks start their fake flyctl processes (they run from the temp dir)
        await waitFor(() => processesWith(simDir).length > 0, 5_000, 'a probe of the demo').catch(() => undefined);
        child.kill(sig);
        const end = await exited(child);
        assert.equal(end.signal, null, `the CLI handled ${sig}: ${err}`);
        assert.ok(!fs.existsSync(simDir), `${simDir} removed`);
        await waitFor(() => processesWith(simDir).length === 0, 5_000, 'the demo probes to go').catch(() => undefined);
        assert.deepEqual(processesWith(simDir), []);
        assert.doesNotMatch(err, /\n\s+at /, 'no stack trace');
      } finally {
        child.kill('SIGKILL');
      }
    });
  }

  it('a closed stdout (demo | head -1) ends the CLI quietly: no stack trace, the simulator removed', async () => {
    const tmp = fs.mkdtempSync(path.join(dir, 'tmp-'));
    const child = spawn(process.execPath, cliArgs(['demo']), { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: tmp } });
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    // read the first line, then close the pipe, as `head -1` does
    await new Promise<void>((resolve) => {
      let seen = '';
      child.stdout!.on('data', (d) => {
        seen += d;
        if (seen.includes('\n')) {
          child.stdout!.destroy();
          resolve();
        }
      });
    });
    const end = await exited(child);
    assert.equal(end.signal, null);
    assert.equal(err, '', 'nothing on stderr');
    assert.deepEqual(simDirs(tmp), [], 'the simulator temp dir is gone');
  });
});
