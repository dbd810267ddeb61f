import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { runInContainer } from '../../../src/sim/fakeFlyctl';
import { splitNoShell } from '../../../src/sim/miniShell';
import { startSimulator, type Simulator } from '../../../src/sim/simulator';

async function inContainer(sim: Simulator, command: string, signal = new AbortController().signal) {
  let out = '';
  let err = '';
  const started = Date.now();
  const code = await runInContainer(command, sim.state.platform.snapshot(sim.flyApp), { out: (s) => (out += s), err: (s) => (err += s) }, signal);
  return { code, out, err, ms: Date.now() - started };
}

/** The real curl, without a curlrc (-q) or proxy variables: its status, stdout and stderr. */
function realCurl(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn('curl', ['-q', ...args], { env: { PATH: process.env.PATH ?? '' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** What differs between two requests anyway: timings, dates. */
const timeless = (s: string) =>
  s.replace(/\d+\.\d{6}/g, 'T').replace(/after \d+ m/g, 'after N m').replace(/^date: .*$/gim, 'date: D').replace(/"(timestamp|inference_time)":[^,]*/g, '');

/** What the simulated container says after "not found". */
const PROGRAMS = "(the Beacon simulator's container runs: echo true false curl nslookup timeout printenv free)";

describe('sim/the runner container (ssh console -C)', () => {
  let sim: Simulator;
  afterEach(async () => sim?.stop());

  describe('without sh -c: no shell, arguments are literal', () => {
    it('echo $HYBRID_BASE prints the dollar sign literally', async () => {
      sim = await startSimulator({});
      const r = await inContainer(sim, 'echo $HYBRID_BASE');
      assert.equal(r.out, '$HYBRID_BASE\n');
    });

    it("the plan's `env | grep HYBRID` never reaches grep (the simulator has no env: not found, with what it has)", async () => {
      sim = await startSimulator({});
      const r = await inContainer(sim, 'env | grep HYBRID');
      assert.equal(r.code, 127);
      assert.equal(r.err, `exec: "env": executable file not found in $PATH ${PROGRAMS}\n`);
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
      assert.equal(r.err, `exec: "bash": executable file not found in $PATH ${PROGRAMS}\n`);
      const s = await inContainer(sim, `sh -c 'bash -c x; ls'`);
      assert.equal(s.err, `sh: bash: not found ${PROGRAMS}\nsh: ls: not found ${PROGRAMS}\n`);
      assert.equal(s.code, 127);
    });

    it('sh without -c SCRIPT is refused', async () => {
      sim = await startSimulator({});
      const r = await inContainer(sim, 'sh -x script.sh');
      assert.equal(r.code, 2);
      assert.equal(r.err, `sh: "sh -x script.sh" is not supported by the Beacon simulator (it runs: sh -c 'SCRIPT')\n`);
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
      const ip = await inContainer(sim, 'nslookup 10.1.2.3');
      assert.equal(ip.code, 1);
      assert.match(ip.out, /\n\n\*\* server can't find 3\.2\.1\.10\.in-addr\.arpa: NXDOMAIN\n\n$/);
    });

    it('options, a DNS server and IPv6 reverse lookups are refused, not answered as if they were not there', async () => {
      sim = await startSimulator({});
      for (const args of ['-type=mx localhost', 'localhost 8.8.8.8', '::1', '']) {
        const r = await inContainer(sim, `nslookup ${args}`);
        assert.equal(r.code, 2, args);
        assert.equal(r.out, '', args);
        const usage = 'nslookup HOST, HOST a name or an IPv4 address';
        assert.equal(r.err, `nslookup: "${`nslookup ${args}`.trim()}" is not supported by the Beacon simulator (it runs: ${usage})\n`);
      }
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

    it('-I sends HEAD and prints the headers: the router answers 405; the runner 404', async () => {
      sim = await startSimulator({});
      const r = await inContainer(sim, `curl -sI ${sim.routerUrl}/health`);
      assert.match(r.out, /^HTTP\/1\.1 405 Method Not Allowed\r\n(.+\r\n)*allow: GET\r\n(.+\r\n)*\r\n$/i);
      const g = await inContainer(sim, `curl -s -w "%{http_code}" -I ${sim.runnerUrl}/health`);
      assert.match(g.out, /^HTTP\/1\.1 404 Not Found\r\n[\s\S]*\r\n\r\n404$/);
    });

    it('-w: \\n, \\r and \\t are escapes, any other backslash pair is printed as it is (as curl 7.88 does); %% is %', async () => {
      sim = await startSimulator({});
      const r = await inContainer(sim, `curl -s -w '|\\\\n|\\t|\\x|%%|%{http_code}' ${sim.routerUrl}/ready`);
      assert.equal(r.out, '{"status":"ok"}|\\\\n|\t|\\x|%|200');
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

    it('curl refuses what runbooks do not send (status 2, a clear error, nothing sent) and errors like curl for no URL', async () => {
      sim = await startSimulator({});
      const usage = 'curl -s [-S] [-I] [-m SECS] [-X METHOD] [-H HEADER] [-d DATA] [-w FORMAT] URL';
      const cases: [string, string][] = [
        ['--bogus x', 'the option --bogus'],
        [`${sim.routerUrl}/health`, 'the progress meter (curl without -s)'],
        [`-s ${sim.routerUrl}/health ${sim.routerUrl}/ready`, 'a second URL'],
        [`-s -d @body.json ${sim.routerUrl}/inference`, 'the option -d @file'],
      ];
      for (const option of ['-v', '-f', '-i', '-L', '-o', '-sv', '--user-agent', '--max-time', '--silent']) {
        cases.push([`-s ${option} x ${sim.routerUrl}/health`, `the option ${option}`]);
      }
      for (const [args, what] of cases) {
        const refused = await inContainer(sim, `curl ${args}`);
        assert.equal(refused.code, 2, args);
        assert.equal(refused.out, '', args);
        assert.equal(refused.err, `curl: ${what} is not supported by the Beacon simulator (it runs: ${usage})\n`, args);
      }
      const w = await inContainer(sim, `curl -s -w "%{http_code} %{time_connect}" ${sim.routerUrl}/health`);
      assert.equal(w.code, 2);
      const withVariables = `${usage}, FORMAT with %{http_code} %{time_total}`;
      assert.equal(w.err, `curl: the -w variable %{time_connect} is not supported by the Beacon simulator (it runs: ${withVariables})\n`);
      const n = await inContainer(sim, 'curl -s');
      assert.equal(n.err, "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
      const m = await inContainer(sim, `curl -s -m ten ${sim.routerUrl}/health`);
      assert.match(m.err, /^curl: option -m: expected a proper numerical parameter\n/);
    });
  });

  describe('free, timeout and printenv; no other program', () => {
    it('free -m in busybox format, readable by the runbook\'s 5.4 regexes; other units are refused', async () => {
      sim = await startSimulator({});
      const r = await inContainer(sim, 'free -m');
      assert.equal(r.out, '              total        used        free      shared  buff/cache   available\nMem:            972         301         409           0         262         588\nSwap:             0           0           0\n');
      assert.equal(/^Mem:(?:\s+\d+){5}\s+(\d+)/m.exec(r.out)![1], '588');
      sim.state.platform.setAvailableMemory(20);
      assert.match((await inContainer(sim, 'free -m')).out, /^Mem:\s+972\s+301\s+409\s+0\s+262\s+20$/m);
      for (const command of ['free', 'free -h', 'free -m -t']) {
        const refused = await inContainer(sim, command);
        assert.equal(refused.code, 2, command);
        assert.equal(refused.err, `free: "${command}" is not supported by the Beacon simulator (it runs: free -m)\n`);
      }
    });

    it('timeout N with a program that finishes in time returns its status; its options are refused', async () => {
      sim = await startSimulator({});
      const r = await inContainer(sim, `sh -c 'timeout 5 echo hi; echo "st=$?"; timeout 5 false; echo "st=$?"; timeout -s KILL 5 echo x; echo "st=$?"'`);
      assert.equal(r.out, 'hi\nst=0\nst=1\nst=2\n');
      assert.equal(r.err, 'timeout: "timeout -s KILL 5 echo x" is not supported by the Beacon simulator (it runs: timeout SECS PROG ARGS)\n');
    });

    it('printenv NAME prints the value (a secret too: the real container would); a missing one gives status 1', async () => {
      sim = await startSimulator({ canarySecret: 'CANARY-7f3a' });
      const r = await inContainer(sim, 'printenv DATABASE_URL ADMIN_TOKEN');
      assert.equal(r.out, 'postgres://beacon:CANARY-7f3a@127.0.0.1:5432/beacon?sslmode=disable\nadm-CANARY-7f3a\n');
      assert.equal((await inContainer(sim, 'printenv NOPE')).code, 1);
      const all = await inContainer(sim, 'printenv');
      assert.equal(all.code, 2);
      assert.equal(all.out, '', 'the whole environment is not printed');
      assert.equal(all.err, 'printenv: "printenv" is not supported by the Beacon simulator (it runs: printenv NAME…)\n');
    });

    it('env and sleep are not in the simulated container: not found, with what it has', async () => {
      sim = await startSimulator({});
      const r = await inContainer(sim, `sh -c 'env; sleep 1; timeout 1 env'`);
      assert.equal(r.code, 127);
      assert.equal(r.out, '');
      const lines = ['sh: env: not found', 'sh: sleep: not found', "timeout: can't execute 'env': No such file or directory"];
      assert.equal(r.err, lines.map((l) => `${l} ${PROGRAMS}\n`).join(''));
    });
  });

  it("curl answers as the real curl 7.88 does (stdout, stderr, status), where this machine has it", async function () {
    if (!/^curl 7\.88\./.test(spawnSync('curl', ['--version'], { encoding: 'utf8' }).stdout ?? '')) this.skip();
    this.timeout(60_000);
    for (const fault of ['healthy', 'router-down', 'router-slow', 'no-healthy-providers'] as const) {
      sim = await startSimulator({ fault, slowMs: 800, slowInferenceMs: 800 });
      const [router, runner] = [sim.routerUrl, sim.runnerUrl];
      const commands = [
        `curl -sS -m 10 -w "\\nHTTP_STATUS=%{http_code} TIME_TOTAL=%{time_total}\\n" ${router}/health`,
        `curl -sS -m 3 -X POST -H "Content-Type: application/json" -d '{"model":"m","prompt":"p"}' -w "\\n%{http_code}\\n" ${router}/inference`,
        `curl -sI ${router}/health`,
        `curl -sS -m 0.3 ${router}/health`,
        `curl -s -w '|\\\\n|\\t|\\x|%%|%{http_code}' ${router}/ready`,
        `curl -sS -m 3 -d a=1 -d b=2 ${router}/inference`,
        `curl -sS -m 3 -H "Accept:" -H "X-A: b" -w "%{http_code}" ${runner}/health`,
        `curl -sS -m 3 -X POST -d x ${runner}/health`,
        'curl -sS http://127.0.0.1:1/',
      ];
      for (const command of commands) {
        const real = await realCurl(splitNoShell(command).slice(1));
        const simulated = await inContainer(sim, command);
        const seen = (r: { code: number | null; out: string; err: string }) => [r.code, timeless(r.out), timeless(r.err)];
        assert.deepEqual(seen(simulated), seen(real), `${fault}: ${command}`);
      }
      await sim.stop();
    }
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
