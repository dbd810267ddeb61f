import * as assert from 'node:assert/strict';
import { runInContainer } from '../../../src/sim/fakeFlyctl';
import { startSimulator, type Simulator } from '../../../src/sim/simulator';

async function inContainer(sim: Simulator, command: string, signal = new AbortController().signal) {
  let out = '';
  let err = '';
  const started = Date.now();
  const code = await runInContainer(command, sim.state.platform.snapshot(sim.flyApp), { out: (s) => (out += s), err: (s) => (err += s) }, signal);
  return { code, out, err, ms: Date.now() - started };
}

describe('sim/the runner container (ssh console -C)', () => {
  let sim: Simulator;
  afterEach(async () => sim?.stop());

  describe('without sh -c: no shell, arguments are literal', () => {
    it('echo $HYBRID_BASE prints the dollar sign literally', async () => {
      sim = await startSimulator({});
      const r = await inContainer(sim, 'echo $HYBRID_BASE');
      assert.equal(r.out, '$HYBRID_BASE\n');
    });

    it("the plan's `env | grep HYBRID` never reaches grep (busybox env: can't execute '|')", async () => {
      sim = await startSimulator({});
      const r = await inContainer(sim, 'env | grep HYBRID');
      assert.equal(r.code, 127);
      assert.equal(r.err, "env: can't execute '|': No such file or directory\n");
      assert.equal(r.out, '');
    });

    it('the same pipeline inside sh -c is refused with a clear error (the simulator\'s shell runs no pipes), never answered wrongly', async () => {
      sim = await startSimulator({});
      const r = await inContainer(sim, `sh -c 'env | grep HYBRID'`);
      assert.equal(r.code, 2);
      assert.equal(r.out, '');
      assert.match(r.err, /^sh: a pipe \(\|\) is not supported by the Beacon simulator's shell/);
    });

    it('an unknown executable: exec error, status 127; bash is not in the image', async () => {
      sim = await startSimulator({});
      const r = await inContainer(sim, 'bash -c "echo hi"');
      assert.equal(r.code, 127);
      assert.equal(r.err, 'exec: "bash": executable file not found in $PATH\n');
      const s = await inContainer(sim, `sh -c 'bash -c x; ls'`);
      assert.equal(s.err, 'sh: bash: not found\nsh: ls: not found\n');
      assert.equal(s.code, 127);
    });
  });

  describe('nslookup (busybox, resolver fdaa::3)', () => {
    it('an IP literal gets a PTR answer, as busybox asks for one', async () => {
      sim = await startSimulator({});
      const r = await inContainer(sim, 'nslookup 127.0.0.1');
      assert.equal(r.code, 0);
      assert.equal(r.out, 'Server:\t\tfdaa::3\nAddress:\tfdaa::3:53\n\nNon-authoritative answer:\n1.0.0.127.in-addr.arpa\tname = localhost\n\n');
    });

    it('localhost resolves (A and AAAA); an unknown name is NXDOMAIN twice with status 1', async () => {
      sim = await startSimulator({ fault: 'router-down' });
      const r = await inContainer(sim, 'nslookup localhost');
      assert.equal(r.code, 0);
      assert.match(r.out, /Name:\tlocalhost\nAddress: 127\.0\.0\.1\n/);
      assert.match(r.out, /Name:\tlocalhost\nAddress: ::1\n/);
      const n = await inContainer(sim, 'nslookup project-beacon-production.up.railway.app');
      assert.equal(n.code, 1);
      assert.equal(n.out.split("** server can't find project-beacon-production.up.railway.app: NXDOMAIN").length, 3);
    });
  });

  describe('curl (7.88) really requests the simulator', () => {
    it('-sS -m 10 -w with %{http_code} and %{time_total}', async () => {
      sim = await startSimulator({});
      const r = await inContainer(sim, `curl -sS -m 10 -w "\\nHTTP_STATUS=%{http_code} TIME_TOTAL=%{time_total}\\n" ${sim.routerUrl}/health`);
      assert.equal(r.code, 0);
      const m = /^(\{.*\})\nHTTP_STATUS=200 TIME_TOTAL=(\d+\.\d{6})\n$/.exec(r.out);
      assert.ok(m, r.out);
      assert.equal(JSON.parse(m[1]).providers_healthy, 3);
      assert.ok(Number(m[2]) < 2);
    });

    it('-I sends HEAD: the router answers 405; the runner 404', async () => {
      sim = await startSimulator({});
      const r = await inContainer(sim, `curl -sI ${sim.routerUrl}/health`);
      assert.match(r.out, /^HTTP\/1\.1 405 Method Not Allowed\r\n/);
      const g = await inContainer(sim, `curl -s -o /dev/null -w "%{http_code}" -I ${sim.runnerUrl}/health`);
      assert.equal(g.out, '404');
      // the runner listens on :8090 inside its own container
      const own = await inContainer(sim, 'curl -s localhost:8090/health');
      assert.equal(JSON.parse(own.out).status, 'healthy');
    });

    it('-X POST -H -d sends the JSON body; the router answers PROVIDER_UNAVAILABLE', async () => {
      sim = await startSimulator({ fault: 'no-healthy-providers' });
      const r = await inContainer(sim, `sh -c 'curl -sS -X POST -H "Content-Type: application/json" -d "{\\"model\\":\\"m\\",\\"prompt\\":\\"p\\"}" ${sim.routerUrl}/inference'`);
      assert.equal(r.code, 0);
      const b = JSON.parse(r.out);
      assert.equal(b.error_code, 'PROVIDER_UNAVAILABLE');
    });

    it("router-down: curl: (7) … Couldn't connect to server, status 7, and -w still prints 000", async () => {
      sim = await startSimulator({ fault: 'router-down' });
      const port = new URL(sim.routerUrl).port;
      const r = await inContainer(sim, `sh -c 'curl -sS -m 10 -w "\\nHTTP_STATUS=%{http_code}\\n" ${sim.routerUrl}/health; echo "st=$?"'`);
      assert.match(r.err, new RegExp(`^curl: \\(7\\) Failed to connect to 127\\.0\\.0\\.1 port ${port} after \\d+ ms: Couldn't connect to server\\n$`));
      assert.equal(r.out, '\nHTTP_STATUS=000\nst=7\n');
    });

    it('an unknown host: curl: (6) Could not resolve host; -s alone hides the error', async () => {
      sim = await startSimulator({});
      const r = await inContainer(sim, `sh -c 'curl -sS https://project-beacon-production.up.railway.app/health; echo "st=$?"; curl -s http://nowhere.invalid/; echo "st=$?"'`);
      assert.equal(r.err, 'curl: (6) Could not resolve host: project-beacon-production.up.railway.app\n');
      assert.equal(r.out, 'st=6\nst=6\n');
    });

    it('-m: curl: (28) Operation timed out; timeout N kills curl with status 124', async () => {
      sim = await startSimulator({ fault: 'router-slow', slowMs: 1500, slowInferenceMs: 1500 });
      const r = await inContainer(sim, `sh -c 'curl -sS -m 0.3 ${sim.routerUrl}/health; echo "st=$?"; timeout 0.3 curl -sS -X POST -H "Content-Type: application/json" -d "{\\"model\\":\\"m\\",\\"prompt\\":\\"p\\"}" ${sim.routerUrl}/inference; echo "st=$?"'`);
      assert.match(r.err, /^curl: \(28\) Operation timed out after \d+ milliseconds with 0 bytes received\n$/);
      assert.equal(r.out, 'st=28\nst=124\n');
      assert.ok(r.ms < 1400, `took ${r.ms} ms`);
    });

    it('curl refuses an option runbooks do not send (status 2, a clear error, nothing sent) and errors like curl for no URL', async () => {
      sim = await startSimulator({});
      const r = await inContainer(sim, 'curl --bogus x');
      assert.equal(r.code, 2);
      assert.match(r.err, /^curl: option --bogus: is not supported by the Beacon simulator's curl \(it knows -s -S -m -X -H -d -w -o -I and their long names\)\n/);
      for (const option of ['-v', '-f', '-i', '-L', '--user-agent']) {
        const refused = await inContainer(sim, `curl -s ${option} ${sim.routerUrl}/health`);
        assert.equal(refused.code, 2, option);
        assert.equal(refused.out, '', option);
        assert.match(refused.err, new RegExp(`^curl: option ${option}: is not supported by the Beacon simulator's curl`), option);
      }
      const n = await inContainer(sim, 'curl -s');
      assert.match(n.err, /^curl: no URL specified!/);
    });
  });

  describe('free, printenv, env', () => {
    it('free -m in busybox format, readable by the runbook\'s 5.4 regexes', async () => {
      sim = await startSimulator({});
      const r = await inContainer(sim, 'free -m');
      assert.equal(r.out, '              total        used        free      shared  buff/cache   available\nMem:            972         301         409           0         262         588\nSwap:             0           0           0\n');
      assert.equal(/^Mem:(?:\s+\d+){5}\s+(\d+)/m.exec(r.out)![1], '588');
      sim.state.platform.setAvailableMemory(20);
      assert.match((await inContainer(sim, 'free -m')).out, /^Mem:\s+972\s+301\s+409\s+0\s+262\s+20$/m);
    });

    it('printenv VAR prints the value (a secret too: the real container would); a missing one gives status 1', async () => {
      sim = await startSimulator({ canarySecret: 'CANARY-7f3a' });
      const r = await inContainer(sim, 'printenv DATABASE_URL ADMIN_TOKEN');
      assert.equal(r.out, 'postgres://beacon:CANARY-7f3a@127.0.0.1:5432/beacon?sslmode=disable\nadm-CANARY-7f3a\n');
      assert.equal((await inContainer(sim, 'printenv NOPE')).code, 1);
    });

    it('timeout N with a program that finishes in time returns its status', async () => {
      sim = await startSimulator({});
      const r = await inContainer(sim, `sh -c 'timeout 5 echo hi; echo "st=$?"; timeout 0.2 sleep 5; echo "st=$?"'`);
      assert.equal(r.out, 'hi\nst=0\nst=124\n');
    });
  });

  it('an aborted run (the ssh process killed) stops a hanging request', async () => {
    sim = await startSimulator({ fault: 'router-slow', slowMs: 5000 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 200);
    const r = await inContainer(sim, `curl -s ${sim.routerUrl}/health`, ac.signal);
    assert.ok(r.ms < 2000, `took ${r.ms} ms`);
    assert.notEqual(r.code, 0);
  });
});
