import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { connect } from 'node:net';
import { fakeToolsPath, startSimulator } from '../../../src/sim/simulator';
import { flyctl, runTool, spawnTool } from './simTestUtil';

function refused(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = connect({ host: u.hostname, port: Number(u.port) });
    s.on('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED'));
  });
}

/** Processes whose command line mentions `needle` (Linux /proc). */
function processesMentioning(needle: string): number[] {
  const out: number[] = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle)) out.push(Number(pid));
    } catch {
      /* gone */
    }
  }
  return out;
}

describe('sim/simulator lifecycle', function () {
  this.timeout(30000);

  it('the fake tools run from the tsc output without a build step', () => {
    assert.ok(fakeToolsPath().endsWith('fakeTools.js'));
    assert.ok(fs.existsSync(fakeToolsPath()), fakeToolsPath());
  });

  it('starts fast on ephemeral 127.0.0.1 ports, with executable flyctl and psql wrappers', async () => {
    await (await startSimulator({})).stop(); // warm the modules
    const t0 = Date.now();
    const sim = await startSimulator({ fault: 'circuit-open' });
    const ms = Date.now() - t0;
    try {
      assert.ok(ms < 500, `started in ${ms} ms`);
      assert.match(sim.runnerUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.match(sim.routerUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.notEqual(sim.runnerUrl, sim.routerUrl);
      for (const p of [sim.flyctlPath, sim.psqlPath]) {
        assert.ok(fs.statSync(p).mode & 0o100, `${p} is executable`);
        assert.match(fs.readFileSync(p, 'utf8'), /^#!\/bin\/sh\n/);
      }
      assert.equal(sim.flyApp, 'beacon-runner-production');
      assert.equal(sim.routerFlyApp, 'beacon-hybrid-router');
    } finally {
      await sim.stop();
    }
  });

  it('the control endpoint is not one of the public routes and needs its token', async () => {
    const sim = await startSimulator({});
    try {
      const u = new URL(sim.controlUrl);
      assert.ok(u.pathname.length > 30, 'a long random token in the path');
      const wrong = await fetch(`${u.origin}/snapshot?app=${sim.flyApp}`);
      assert.equal(wrong.status, 404);
      assert.equal((await fetch(`${sim.runnerUrl}${u.pathname}snapshot?app=${sim.flyApp}`)).status, 404);
    } finally {
      await sim.stop();
    }
  });

  it('stop() closes every port, removes the temp dir, leaves no process behind', async () => {
    const sim = await startSimulator({ fault: 'router-slow' });
    const control = sim.controlUrl;
    const dir = sim.binDir;
    // a streaming `flyctl logs` and a hanging request are running when the simulator stops
    const child = spawnTool(sim.flyctlPath, ['logs', '-a', sim.flyApp]);
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const hanging = fetch(`${sim.routerUrl}/health`).then(
      () => 'answered',
      () => 'dropped',
    );
    await new Promise((r) => setTimeout(r, 300));
    await sim.stop();
    assert.equal(await hanging, 'dropped');
    for (const url of [sim.runnerUrl, sim.routerUrl, control]) assert.ok(await refused(url), `${url} is closed`);
    assert.ok(!fs.existsSync(dir), 'temp dir removed');
    // the streaming flyctl notices the simulator is gone and exits
    await Promise.race([exited, new Promise((_, rej) => setTimeout(() => rej(new Error('flyctl logs still running')), 8000))]);
    assert.deepEqual(processesMentioning(dir), []);
    await sim.stop(); // idempotent
  });

  it('a router port given by the caller is reused when the router comes back up', async () => {
    const probe = await startSimulator({});
    const port = Number(new URL(probe.routerUrl).port);
    await probe.stop();
    const sim = await startSimulator({ routerPort: port, fault: 'router-down' });
    try {
      assert.equal(sim.routerUrl, `http://127.0.0.1:${port}`);
      assert.ok(await refused(sim.routerUrl));
      await sim.setFault('healthy');
      assert.ok(!(await refused(sim.routerUrl)));
    } finally {
      await sim.stop();
    }
  });

  it('the canary secret: in DATABASE_URL and ADMIN_TOKEN, printed only where the real system prints it', async () => {
    const sim = await startSimulator({ canarySecret: 'CANARY-5e1b77' });
    try {
      assert.equal(sim.databaseUrl, 'postgres://beacon:CANARY-5e1b77@127.0.0.1:5432/beacon?sslmode=disable');
      assert.equal(sim.adminToken, 'adm-CANARY-5e1b77');
      const env = await flyctl(sim, ['ssh', 'console', '-a', sim.flyApp, '-C', 'printenv DATABASE_URL']);
      assert.equal(env.stdout, `${sim.databaseUrl}\n`);
      for (const args of [['logs', '-a', sim.flyApp, '-n'], ['logs', '-a', sim.routerFlyApp, '-n'], ['status', '--json', '-a', sim.flyApp]]) {
        const r = await flyctl(sim, args);
        assert.equal(r.code, 0, args.join(' '));
        assert.ok(!(r.stdout + r.stderr).includes('CANARY'), args.join(' '));
      }
      const health = await (await fetch(`${sim.runnerUrl}/health`)).text();
      assert.ok(!health.includes('CANARY'));
    } finally {
      await sim.stop();
    }
  });

  it('the wrapper works when run by name from PATH', async () => {
    const sim = await startSimulator({});
    try {
      const r = await runTool('/bin/sh', ['-c', 'flyctl version && psql --version'], { env: { PATH: `${sim.binDir}:${process.env.PATH}` } });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^flyctl v.*\npsql \(PostgreSQL\) 16\.4\n$/);
    } finally {
      await sim.stop();
    }
  });

  it('logsAfterRestart: clear shows only the current boot after a fix', async () => {
    const sim = await startSimulator({ fault: 'missing-hybrid-config', logsAfterRestart: 'clear' });
    try {
      await flyctl(sim, ['secrets', 'set', `HYBRID_BASE=${sim.routerUrl}`, '-a', sim.flyApp]);
      const out = (await flyctl(sim, ['logs', '-a', sim.flyApp, '-n'])).stdout;
      assert.ok(out.includes('Hybrid Router enabled'));
      assert.ok(!out.includes('Hybrid Router disabled'));
      assert.ok(!out.includes('golem executor'));
    } finally {
      await sim.stop();
    }
  });
});
