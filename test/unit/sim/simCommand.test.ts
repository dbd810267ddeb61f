import * as assert from 'node:assert/strict';
import { runSimCommand } from '../../../src/cli/simCommand';
import { FAULT_NAMES } from '../../../src/sim/faults';
import { runTool } from './simTestUtil';

function collect() {
  const io = { out: '', err: '', stdout: (s: string) => void (io.out += s), stderr: (s: string) => void (io.err += s) };
  return io;
}

describe('cli/sim command', function () {
  this.timeout(30000);

  it('a bad fault name: exit 2, listing the valid names; nothing started', async () => {
    const io = collect();
    assert.equal(await runSimCommand(['--fault', 'router-dwn'], io), 2);
    assert.match(io.err, /unknown fault "router-dwn"/);
    for (const f of FAULT_NAMES) assert.ok(io.err.includes(f));
    assert.equal(io.out, '');
  });

  it('bad options: exit 2', async () => {
    for (const args of [['--runner-port', 'x'], ['--router-port'], ['--bogus'], ['--fault', 'router-down,router-slow']]) {
      const io = collect();
      assert.equal(await runSimCommand(args, io), 2, args.join(' '));
      assert.ok(io.err.length > 0);
    }
  });

  it('prints the URLs, tool paths and secrets hints, serves until aborted, then exits 0 and closes its ports', async () => {
    const io = collect();
    const ac = new AbortController();
    const done = runSimCommand(['--fault', 'missing-hybrid-config,router-down'], io, ac.signal);
    for (let i = 0; i < 100 && !io.out.includes('Ctrl+C'); i++) await new Promise((r) => setTimeout(r, 50));
    const runnerUrl = /runner URL +(\S+)/.exec(io.out)![1];
    const routerUrl = /router URL +(\S+)/.exec(io.out)![1];
    const flyctl = /fake flyctl +(\S+)/.exec(io.out)![1];
    assert.match(io.out, /faults: missing-hybrid-config,router-down/);
    assert.match(io.out, /fake psql +\S+\/psql/);
    assert.match(io.out, /^ {2}export BEACON_ADMIN_TOKEN=adm-sim-[0-9a-f]+$/m);
    assert.match(io.out, /^ {2}export BEACON_DATABASE_URL='postgres:\/\/beacon:sim-[0-9a-f]+@127\.0\.0\.1:5432\/beacon\?sslmode=disable'$/m);
    assert.match(io.out, /--fly-app beacon-runner-production --router-app beacon-hybrid-router/);
    assert.equal((await fetch(`${runnerUrl}/health`)).status, 200);
    await assert.rejects(fetch(`${routerUrl}/health`));
    const v = await runTool(flyctl, ['ssh', 'console', '-a', 'beacon-runner-production', '-C', `sh -c 'echo "B=$HYBRID_BASE"'`]);
    assert.equal(v.stdout, 'B=\n');
    ac.abort();
    assert.equal(await done, 0);
    assert.match(io.out, /Beacon simulator stopped\.\n$/);
    await assert.rejects(fetch(`${runnerUrl}/health`));
  });

  it('fixed ports', async () => {
    const io = collect();
    const ac = new AbortController();
    // find two free ports by starting and stopping once
    const probe = collect();
    const pre = new AbortController();
    const first = runSimCommand([], probe, pre.signal);
    for (let i = 0; i < 100 && !probe.out.includes('Ctrl+C'); i++) await new Promise((r) => setTimeout(r, 50));
    const runnerPort = new URL(/runner URL +(\S+)/.exec(probe.out)![1]).port;
    const routerPort = new URL(/router URL +(\S+)/.exec(probe.out)![1]).port;
    pre.abort();
    await first;
    const done = runSimCommand(['--runner-port', runnerPort, `--router-port=${routerPort}`], io, ac.signal);
    for (let i = 0; i < 100 && !io.out.includes('Ctrl+C'); i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(io.out.includes(`http://127.0.0.1:${runnerPort}`));
    assert.ok(io.out.includes(`http://127.0.0.1:${routerPort}`));
    // the same port twice cannot start
    const clash = collect();
    assert.equal(await runSimCommand(['--runner-port', runnerPort], clash), 2);
    assert.match(clash.err, /port is already in use/);
    ac.abort();
    assert.equal(await done, 0);
  });
});
