/**
 * The fake flyctl as a real process (the wrapper script → out/src/sim/fakeTools.js), running the
 * runbook's own commands (argv taken from the loaded runbook, placeholders filled here).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseFlyJsonStream } from '../../../src/engine/logs/logLines';
import { startSimulator, type Simulator } from '../../../src/sim/simulator';
import { extract, fill, flyctl, messages, runbookCheck, runbookFix, runTool, shellArgv, spawnTool } from './simTestUtil';

const run = (sim: Simulator, argv: string[], opts: { cwd?: string } = {}) => runTool(argv[0] === sim.flyctlPath ? sim.flyctlPath : argv[0], argv.slice(1), opts);
const startupLines = async (sim: Simulator) => messages((await flyctl(sim, ['logs', '-a', sim.flyApp, '--no-tail'])).stdout).map((l) => l.replace(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ /, ''));

describe('sim/fake flyctl (a real process)', function () {
  this.timeout(60000);
  let sim: Simulator;
  afterEach(async () => sim?.stop());

  it('preflight: version, auth whoami (and the error when logged out)', async () => {
    sim = await startSimulator({});
    const v = await run(sim, shellArgv(sim, runbookCheck('preflight', 'flyctl-present')));
    assert.equal(v.code, 0);
    assert.match(v.stdout, /^flyctl v\d+\.\d+\.\d+ linux\/amd64 Commit: \w+ BuildDate: \S+\n$/);
    const w = await run(sim, shellArgv(sim, runbookCheck('preflight', 'flyctl-auth')));
    assert.equal(w.code, 0);
    assert.match(w.stdout, /^\S+@\S+\n$/);
    sim.state.platform.logOut();
    const out = await flyctl(sim, ['auth', 'whoami']);
    assert.equal(out.code, 1);
    assert.equal(out.stderr, "Error: no access token available. Please login with 'flyctl auth login'\n");
  });

  it("0.1's command: the six variables (healthy and missing-hybrid-config)", async () => {
    sim = await startSimulator({});
    const check = runbookCheck('0.1', 'hybrid-env');
    const r = await run(sim, shellArgv(sim, check));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `HYBRID_BASE=${sim.routerUrl}\nHYBRID_ROUTER_URL=\nENABLE_HYBRID_DEFAULT=\nHYBRID_ROUTER_DISABLE=\nHYBRID_ROUTER_TIMEOUT=\nHYBRID_TIMEOUT=\n`);
    assert.match(r.stderr, /^Connecting to fdaa:[0-9a-f:]+\.\.\. complete\n$/);
    assert.deepEqual(extract(check, r.stdout)['env.HYBRID_BASE'], sim.routerUrl);
    await sim.setFault('missing-hybrid-config');
    const m = await run(sim, shellArgv(sim, check));
    assert.equal(extract(check, m.stdout)['env.HYBRID_BASE'], '');
  });

  describe("1.6's script inside the runner container", () => {
    it('healthy: DNS answer, /health with timing and providers_healthy, a successful test inference', async () => {
      sim = await startSimulator({});
      const check = runbookCheck('1.6', 'container-health');
      const r = await run(sim, shellArgv(sim, check));
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^== DNS\nServer:\t\tfdaa::3\n/);
      const health = extract(check, r.stdout);
      assert.equal(health['container.healthStatus'], '200');
      assert.equal(health['container.providersHealthy'], '3');
      assert.ok(Number(health['container.healthSeconds']) < 2);
      assert.equal(health['container.healthFailed'], undefined);
      const inf = extract(runbookCheck('1.6', 'container-inference'), r.stdout);
      assert.equal(inf['container.inferenceSuccess'], 'true');
      assert.equal(inf['container.inferenceFailed'], undefined);
      // an IP-literal router host: busybox asks for a PTR record (no "Name:/Address:" answer for it)
      assert.match(r.stdout, /^== DNS\nServer:\t\tfdaa::3\nAddress:\tfdaa::3:53\n\nNon-authoritative answer:\n1\.0\.0\.127\.in-addr\.arpa\tname = localhost\n\n== HEALTH\n/);
      assert.equal(extract(runbookCheck('1.6', 'container-dns'), r.stdout)['container.dnsFailed'], undefined);
    });

    it('no-healthy-providers: providers_healthy 0 and success:false PROVIDER_UNAVAILABLE', async () => {
      sim = await startSimulator({ fault: 'no-healthy-providers' });
      const r = await run(sim, shellArgv(sim, runbookCheck('1.6', 'container-inference')));
      assert.equal(extract(runbookCheck('1.6', 'container-health'), r.stdout)['container.providersHealthy'], '0');
      const inf = extract(runbookCheck('1.6', 'container-inference'), r.stdout);
      assert.equal(inf['container.inferenceSuccess'], 'false');
      assert.equal(inf['container.inferenceErrorCode'], 'PROVIDER_UNAVAILABLE');
      assert.equal(inf['container.inferenceError'], 'No healthy providers available');
      assert.ok(Number(inf['container.inferenceSeconds']) < 0.5);
    });

    it('router-down: DNS still resolves; HEALTH_FAILED and INFERENCE_FAILED with curl (7)', async () => {
      sim = await startSimulator({ fault: 'router-down' });
      const r = await run(sim, shellArgv(sim, runbookCheck('1.6', 'container-health')));
      assert.equal(r.code, 0);
      assert.ok(!r.stdout.includes('DNS_FAILED'));
      assert.match(r.stdout, /== HEALTH\n\nHTTP_STATUS=000 TIME_TOTAL=\d\.\d{6}\nHEALTH_FAILED exit=7\n== INFERENCE\n\nHTTP_STATUS=000 TIME_TOTAL=\d\.\d{6}\nINFERENCE_FAILED exit=7\n$/);
      assert.equal(r.stderr.match(/curl: \(7\) Failed to connect to 127\.0\.0\.1 port \d+ after \d+ ms: Couldn't connect to server/g)?.length, 2);
    });

    it('router-slow: /health over 2 s; the inference waits too', async () => {
      sim = await startSimulator({ fault: 'router-slow' });
      const r = await run(sim, shellArgv(sim, runbookCheck('1.6', 'container-health')));
      const h = extract(runbookCheck('1.6', 'container-health'), r.stdout);
      assert.ok(Number(h['container.healthSeconds']) > 2, String(h['container.healthSeconds']));
      const i = extract(runbookCheck('1.6', 'container-inference'), r.stdout);
      assert.ok(Number(i['container.inferenceSeconds']) > 1.9);
      assert.ok(r.ms < 9000, `took ${r.ms} ms`);
    });

    it('router-slow with slowInferenceMs past `timeout 5`: INFERENCE_FAILED', async () => {
      sim = await startSimulator({ fault: 'router-slow', slowMs: 100, slowInferenceMs: 5600 });
      const r = await run(sim, shellArgv(sim, runbookCheck('1.6', 'container-inference')));
      assert.match(r.stdout, /== INFERENCE\nINFERENCE_FAILED exit=124\n$/, 'timeout(1) exits 124');
    });
  });

  it("5.4's command: free -m", async () => {
    sim = await startSimulator({});
    const check = runbookCheck('5.4', 'free-memory');
    const r = await run(sim, shellArgv(sim, check));
    assert.equal(r.code, 0);
    assert.deepEqual(extract(check, r.stdout), { 'runner.memTotalMb': '972', 'runner.memUsedMb': '301', 'runner.memAvailableMb': '588' });
  });

  describe('logs', () => {
    it('--no-tail: at most 100 lines, each with the Fly prefix, zerolog console with ANSI colours; ends by itself', async () => {
      sim = await startSimulator({ fault: 'no-healthy-providers' });
      const r = await runTool(sim.flyctlPath, ['logs', '-a', sim.flyApp, '--no-tail']);
      assert.equal(r.code, 0);
      const lines = r.stdout.trimEnd().split('\n');
      assert.ok(lines.length > 20 && lines.length <= 100);
      for (const l of lines) assert.match(l, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3} (app|runner|health|proxy)\[857509c4e7d578\] lhr \[info\] /);
      assert.ok(lines.some((l) => l.includes('\u001b[1m\u001b[31mERR\u001b[0m\u001b[0m Execution failed')));
      assert.ok(messages(r.stdout).some((l) => /ERR Execution failed error=\{"Message":"No healthy providers available","Type":"router_error"\} job_id=\S+ provider=modal-us-east$/.test(l)));
    });

    it('-r and -i filter; --machine is refused, not ignored', async () => {
      sim = await startSimulator({});
      assert.equal((await flyctl(sim, ['logs', '-a', sim.flyApp, '-n', '-r', 'iad'])).stdout, '');
      assert.equal((await flyctl(sim, ['logs', '-a', sim.flyApp, '-n', '-i', 'ffffffffffffff'])).stdout, '');
      assert.ok((await flyctl(sim, ['logs', '-a', sim.flyApp, '-n', '-r', 'lhr', '-i', '857509c4e7d578'])).stdout.length > 1000);
      const r = await flyctl(sim, ['logs', '-a', sim.flyApp, '-n', '--machine', 'lhr']);
      assert.equal(r.code, 1);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, 'Error: unknown flag: --machine\n');
    });

    it('--json: a stream of indented multi-line objects', async () => {
      sim = await startSimulator({});
      const r = await runTool(sim.flyctlPath, ['logs', '-a', sim.flyApp, '--no-tail', '--json']);
      assert.equal(r.code, 0);
      assert.ok(r.stdout.startsWith('{\n  "'), 'indented');
      assert.throws(() => JSON.parse(r.stdout.split('\n')[0]), 'not one object per line');
      const objs = parseFlyJsonStream(r.stdout) as { message: string; instance: string; region: string; timestamp: string }[];
      assert.ok(objs.length > 20);
      assert.ok(objs.every((o) => o.instance === '857509c4e7d578' && o.region === 'lhr' && !Number.isNaN(Date.parse(o.timestamp))));
      assert.ok(objs.some((o) => o.message.includes('Hybrid Router enabled')));
    });

    it("the router app's logs: Python logging lines", async () => {
      sim = await startSimulator({ fault: 'no-healthy-providers' });
      const check = runbookCheck('r.4', 'router-logs');
      assert.equal(check.probe.type, 'logs');
      const app = fill(sim, (check.probe as { app: string }).app);
      const r = await runTool(sim.flyctlPath, ['logs', '-a', app, '--no-tail']);
      const lines = messages(r.stdout);
      assert.ok(lines.some((l) => /^INFO:app\.core\.health:🔍 \[HEALTH_CHECK\] Starting health check for modal-us-east$/.test(l)));
      assert.ok(lines.some((l) => /^ERROR:app\.core\.health:❌ \[HEALTH_CHECK\] modal-us-east failed: HTTP 404 from https:\/\/\S+\/health$/.test(l)));
      assert.ok(!lines.some((l) => l.includes('is HEALTHY')));
      const healthy = await startSimulator({});
      try {
        const h = messages((await flyctl(healthy, ['logs', '-a', healthy.routerFlyApp, '-n'])).stdout);
        assert.ok(h.some((l) => l === 'INFO:app.core.health:✅ [HEALTH_CHECK] modal-us-east is HEALTHY (success=True)'));
      } finally {
        await healthy.stop();
      }
    });

    it('without --no-tail it does not end by itself: still running after 1 s, new lines stream in', async () => {
      sim = await startSimulator({});
      const child = spawnTool(sim.flyctlPath, ['logs', '-a', sim.flyApp]);
      let out = '';
      child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await new Promise((r) => setTimeout(r, 1000));
      // wait until the buffer was printed (node start-up can be slow), then one more second
      for (let i = 0; i < 50 && !out.includes('Hybrid Router enabled'); i++) await new Promise((r) => setTimeout(r, 200));
      assert.ok(out.includes('Hybrid Router enabled'), 'printed the buffer');
      const job = await fetch(`${sim.runnerUrl}/api/v1/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      const id = ((await job.json()) as { id: string }).id;
      await new Promise((r) => setTimeout(r, 1600));
      assert.equal(child.exitCode, null, 'still running');
      assert.equal(child.signalCode, null);
      assert.ok(out.includes(`job_id=\u001b[0m${id}`), 'the new job streamed in');
      child.kill('SIGTERM');
      await exited;
      assert.equal(child.signalCode, 'SIGTERM');
    });
  });

  describe('fixes from the runbook change the simulated runner', () => {
    it('fix-f: secrets set HYBRID_BASE=<router> fixes missing-hybrid-config (env, restart, new startup lines); its undo brings it back', async () => {
      sim = await startSimulator({ fault: 'missing-hybrid-config' });
      const fix = runbookFix('fix-f');
      const r = await run(sim, fix.argv.map((a) => fill(sim, a)));
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^Updating existing machines in 'beacon-runner-production' with rolling strategy\n/);
      assert.deepEqual(sim.faults, ['healthy']);
      const env = await flyctl(sim, shellArgv(sim, runbookCheck('0.1', 'hybrid-env')).slice(1));
      assert.match(env.stdout, new RegExp(`^HYBRID_BASE=${sim.routerUrl}$`, 'm'));
      const lines = await startupLines(sim);
      const enabled = lines.lastIndexOf(`INF Hybrid Router enabled hybrid_base=${sim.routerUrl}`);
      const disabled = lines.lastIndexOf('INF Hybrid Router disabled (no HYBRID_BASE/HYBRID_ROUTER_URL and default not enabled)');
      assert.ok(enabled > disabled, 'the new boot logs "enabled" after any line of the old boot');
      assert.ok(lines.slice(0, enabled).includes('INF Shutting down server...'), 'the old machine shut down first');
      // as on Fly, the old boot's lines stay in the app's log buffer
      assert.ok(sim.state.runner.logs.all().some((e) => e.message.includes('Hybrid Router disabled (no HYBRID_BASE')));
      const undo = await run(sim, fix.undoArgv!.map((a) => fill(sim, a)));
      assert.equal(undo.code, 0, undo.stderr);
      assert.deepEqual(sim.faults, ['missing-hybrid-config']);
    });

    it('fix-hybrid-disabled: secrets unset HYBRID_ROUTER_DISABLE', async () => {
      sim = await startSimulator({ fault: 'hybrid-disabled' });
      const r = await run(sim, runbookFix('fix-hybrid-disabled').argv.map((a) => fill(sim, a)));
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(sim.faults, ['healthy']);
      const lines = await startupLines(sim);
      assert.ok(lines.lastIndexOf(`INF Hybrid Router enabled hybrid_base=${sim.routerUrl}`) > lines.lastIndexOf('INF Hybrid Router explicitly disabled via HYBRID_ROUTER_DISABLE=true'));
      const again = await flyctl(sim, ['secrets', 'unset', 'HYBRID_ROUTER_DISABLE', '-a', sim.flyApp]);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /^Error: .*HYBRID_ROUTER_DISABLE not found/);
    });

    it('fix-i: secrets set HYBRID_ROUTER_TIMEOUT=300; the new INIT line says so', async () => {
      sim = await startSimulator({ fault: 'timeout-too-short' });
      const r = await run(sim, runbookFix('fix-i').argv.map((a) => fill(sim, a)));
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(sim.faults, ['healthy']);
      const lines = await startupLines(sim);
      assert.equal(lines.filter((l) => l.startsWith('[HYBRID_CLIENT_INIT]')).pop(), `[HYBRID_CLIENT_INIT] timeout=300s source=HYBRID_ROUTER_TIMEOUT env_value="300" url=${sim.routerUrl}`);
      // setting the same value again changes nothing
      const same = await flyctl(sim, ['secrets', 'set', 'HYBRID_ROUTER_TIMEOUT=300', '-a', sim.flyApp]);
      assert.equal(same.stdout, 'No change detected to secrets. Skipping release.\n');
    });

    it('fix-h: apps restart closes the Redis breaker', async () => {
      sim = await startSimulator({ fault: 'circuit-open' });
      const r = await run(sim, runbookFix('fix-h').argv.map((a) => fill(sim, a)));
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, 'Restarting machine 857509c4e7d578\n  Waiting for 857509c4e7d578 to become healthy (started, 1/1)\nMachine 857509c4e7d578 restarted successfully!\n');
      assert.deepEqual(sim.faults, ['healthy']);
      const b = await fetch(`${sim.runnerUrl}/admin/circuit-breaker-stats`, { headers: { authorization: `Bearer ${sim.adminToken}` } });
      assert.equal(await b.text(), 'CircuitBreaker[redis]: state=closed, failures=0\n');
    });

    it('GIN_MODE=release: after the restart the runner logs zerolog JSON', async () => {
      sim = await startSimulator({});
      assert.equal((await flyctl(sim, ['secrets', 'set', 'GIN_MODE=release', '-a', sim.flyApp])).code, 0);
      const lines = messages((await flyctl(sim, ['logs', '-a', sim.flyApp, '-n'])).stdout);
      const enabled = lines.filter((l) => l.includes('Hybrid Router enabled'));
      assert.ok(enabled.length >= 2);
      assert.deepEqual(JSON.parse(enabled[enabled.length - 1]), { level: 'info', hybrid_base: sim.routerUrl, time: JSON.parse(enabled[enabled.length - 1]).time, message: 'Hybrid Router enabled' });
      assert.ok(!lines.slice(lines.indexOf(enabled[enabled.length - 1])).some((l) => l.startsWith('[GIN-debug]')));
    });

    it('the guidance-only faults are not fixed by a restart', async () => {
      sim = await startSimulator({ fault: ['router-down', 'database-unavailable'] });
      assert.equal((await flyctl(sim, ['apps', 'restart', sim.flyApp])).code, 0);
      assert.deepEqual(sim.faults, ['router-down', 'database-unavailable']);
      assert.deepEqual(sim.faults, ['router-down', 'database-unavailable']);
    });

    it('secrets set --stage does not restart, the next deploy ships it; secrets list is not simulated', async () => {
      sim = await startSimulator({});
      const list = await runTool(sim.flyctlPath, ['secrets', 'list', '-a', sim.flyApp]);
      assert.equal(list.code, 1);
      assert.equal(list.stdout, '');
      assert.match(list.stderr, /^Error: unknown command "list" for "flyctl secrets" \(the Beacon simulator's flyctl answers only/);
      const boot = sim.state.runner.bootedAt;
      const staged = await flyctl(sim, ['secrets', 'set', 'HYBRID_ROUTER_DISABLE=true', '--stage', '-a', sim.flyApp]);
      assert.match(staged.stdout, /staged/);
      assert.equal(sim.state.runner.bootedAt, boot);
      assert.deepEqual(sim.faults, ['healthy'], 'the running machine is unchanged until a deploy');
      const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-empty-'));
      try {
        await flyctl(sim, ['deploy', '-a', sim.flyApp], empty);
      } finally {
        fs.rmSync(empty, { recursive: true, force: true });
      }
      assert.deepEqual(sim.faults, ['hybrid-disabled']);
    });
  });

  it('deploy ships the instrumentation found in the working directory: /debug/executor appears', async () => {
    sim = await startSimulator({ fault: 'missing-hybrid-config' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-deploy-'));
    try {
      fs.mkdirSync(path.join(dir, 'cmd', 'runner'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'cmd', 'runner', 'main.go'), 'package main\n// r.GET("/debug/executor", …)\nfunc main() { r.GET("/debug/executor", nil) }\n');
      await flyctl(sim, ['secrets', 'set', 'BEACON_DEBUG_EXECUTOR=1', '--stage', '-a', sim.flyApp]);
      const r = await runTool(sim.flyctlPath, ['deploy', '-a', sim.flyApp], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /Visit your newly deployed app at https:\/\/beacon-runner-production\.fly\.dev\/\n$/);
      assert.deepEqual(sim.state.platform.deploys.map((d) => d.instrumentation), [['0.3']]);
      const e = await fetch(`${sim.runnerUrl}/debug/executor`, { headers: { authorization: `Bearer ${sim.adminToken}` } });
      assert.equal(e.status, 200);
      assert.deepEqual(await e.json(), { executor_type: '*worker.GolemExecutor', hybrid_client_set: false });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('errors like flyctl', () => {
    it('unknown app, unknown command, unknown flag, missing app name', async () => {
      sim = await startSimulator({});
      const a = await runTool(sim.flyctlPath, ['ssh', 'console', '-a', 'nope', '-C', 'true']);
      assert.equal(a.code, 1);
      assert.equal(a.stderr, 'Error: Could not find App "nope"\n');
      const c = await flyctl(sim, ['frobnicate']);
      assert.equal(c.code, 1);
      assert.match(c.stderr, /^Error: unknown command "frobnicate" for "flyctl"\n/);
      const s = await flyctl(sim, ['secrets', 'rotate', '-a', sim.flyApp]);
      assert.match(s.stderr, /^Error: unknown command "rotate" for "flyctl secrets"/);
      // a real flyctl command that no runbook, fix or demo sends is refused, never answered differently
      const list = await flyctl(sim, ['apps', 'list']);
      assert.equal(list.code, 1);
      assert.equal(list.stdout, '');
      assert.match(list.stderr, /^Error: unknown command "list" for "flyctl apps" \(the Beacon simulator's flyctl answers only the commands 'flyctl --help' lists\)\n/);
      const f = await flyctl(sim, ['logs', '-a', sim.flyApp, '--tail-forever']);
      assert.equal(f.stderr, 'Error: unknown flag: --tail-forever\n');
      const m = await flyctl(sim, ['logs', '--no-tail'], os.tmpdir());
      assert.equal(m.stderr, "Error: the Beacon simulator's flyctl reads no fly.toml: name the app with -a\n");
      const extra = await flyctl(sim, ['logs', '-a', sim.flyApp, '--no-tail', 'extra']);
      assert.equal(extra.stderr, 'Error: accepts at most 0 arg(s), received 1\n');
      const bad = await flyctl(sim, ['secrets', 'set', 'HYBRID_BASE', '-a', sim.flyApp]);
      assert.equal(bad.stderr, 'Error: Secrets must be provided as NAME=VALUE pairs (HYBRID_BASE is invalid)\n');
    });

    it('flags Beacon Debug does not send are refused, never accepted and ignored', async () => {
      sim = await startSimulator({});
      const refused: [string[], string][] = [
        [['version', '--json'], 'unknown flag: --json'],
        [['auth', 'whoami', '--json'], 'unknown flag: --json'],
        [['ssh', 'console', '-a', sim.flyApp, '--pty', '-C', 'true'], 'unknown flag: --pty'],
        [['ssh', 'console', '-a', sim.flyApp, '-s', '-C', 'true'], "unknown shorthand flag: 's' in -s"],
        [['deploy', '-a', sim.flyApp, '--image', 'registry.fly.io/x:1'], 'unknown flag: --image'],
        [['deploy', '-a', sim.flyApp, '--strategy', 'immediate'], 'unknown flag: --strategy'],
        [['apps', 'restart', sim.flyApp, '--force-stop'], 'unknown flag: --force-stop'],
        [['secrets', 'set', 'A=1', '-a', sim.flyApp, '--detach'], 'unknown flag: --detach'],
        [['logs', '-a', sim.flyApp, '-n', '--verbose'], 'unknown flag: --verbose'],
        [['logs', '-a', sim.flyApp, '-n', '-t', 'token'], "unknown shorthand flag: 't' in -t"],
      ];
      const release = sim.state.runner.release;
      for (const [args, error] of refused) {
        const r = await flyctl(sim, args);
        assert.deepEqual([r.code, r.stdout, r.stderr], [1, '', `Error: ${error}\n`], args.join(' '));
      }
      assert.equal(sim.state.runner.release, release, 'nothing was deployed');
      assert.equal(sim.state.platform.secret('A'), undefined, 'nothing was set');
    });

    it('ssh console: a failing remote command exits 1 with the remote status; without -C it refuses', async () => {
      sim = await startSimulator({});
      const r = await runTool(sim.flyctlPath, ['ssh', 'console', '-a', sim.flyApp, '-C', 'nslookup nowhere.invalid']);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /Error: ssh shell: Process exited with status 1\n$/);
      const n = await flyctl(sim, ['ssh', 'console', '-a', sim.flyApp]);
      assert.equal(n.code, 1);
      assert.match(n.stderr, /-C/);
    });

    it('status --json shows the machine and its release (a deploy adds one); no table', async () => {
      sim = await startSimulator({});
      const status = async () => {
        const r = await flyctl(sim, ['status', '--json', '-a', sim.flyApp]);
        assert.equal(r.code, 0, r.stderr);
        return JSON.parse(r.stdout) as { Name: string; Machines: { id: string; region: string; state: string; version: number }[] };
      };
      const before = await status();
      assert.equal(before.Name, 'beacon-runner-production');
      assert.deepEqual(before.Machines.map((m) => [m.id, m.region, m.state]), [['857509c4e7d578', 'lhr', 'started']]);
      assert.equal((await flyctl(sim, ['deploy', '-a', sim.flyApp], os.tmpdir())).code, 0);
      assert.equal((await status()).Machines[0].version, before.Machines[0].version + 1);
      const table = await flyctl(sim, ['status', '-a', sim.flyApp]);
      assert.equal(table.code, 1);
      assert.equal(table.stderr, "Error: the Beacon simulator's flyctl prints the status only as JSON: pass --json\n");
    });

    it("the router's Fly app answers only logs (all Beacon Debug reads of it)", async () => {
      sim = await startSimulator({ fault: 'router-down' });
      const only = "Error: the Beacon simulator's beacon-hybrid-router app answers only flyctl logs\n";
      for (const args of [['ssh', 'console', '-C', 'true'], ['apps', 'restart'], ['secrets', 'set', 'A=1'], ['deploy'], ['status', '--json']]) {
        const r = await flyctl(sim, [...args, '-a', sim.routerFlyApp], os.tmpdir());
        assert.deepEqual([r.code, r.stdout, r.stderr], [1, '', only], args.join(' '));
      }
      assert.deepEqual(sim.faults, ['router-down']);
      assert.ok((await flyctl(sim, ['logs', '-a', sim.routerFlyApp, '-n'])).stdout.includes('Application startup failed'));
    });
  });
});
