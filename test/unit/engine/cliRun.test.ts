import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runListCommand, runRunCommand } from '../../../src/cli/runCommand';
import { parseArgs, targetFromArgs, TARGET_VALUE_FLAGS, UsageError } from '../../../src/cli/targetArgs';
import { parseJsonc } from '../../../src/runbook/jsonc';
import type { RunReport } from '../../../src/engine/types';
import { startSimulator, type Simulator } from '../../../src/sim/simulator';
import { tempDir } from './procHelpers';

function collector() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) }, out: () => out.join(''), err: () => err.join('') };
}

const targetFlags = (sim: Simulator) => [
  '--runner-url', sim.runnerUrl, '--router-url', sim.routerUrl, '--fly-app', sim.flyApp, '--router-app', sim.routerFlyApp,
  '--flyctl', sim.flyctlPath, '--psql', sim.psqlPath, '--admin-token-env', 'BEACON_TEST_ADMIN', '--database-url-env', 'BEACON_TEST_DB',
];

describe('cli: run and list', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = tempDir('beacon-cli-');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('target flags', () => {
    const parse = (args: string[]) => parseArgs(args, { values: TARGET_VALUE_FLAGS, booleans: [] });

    it('reads an environment from beacon-debug.json; explicit flags override it; secrets come from named env vars', () => {
      const cwd = fs.mkdtempSync(path.join(dir, 'env-'));
      fs.writeFileSync(path.join(cwd, 'beacon-debug.json'), JSON.stringify({ environments: [
        { name: 'production', flyApp: 'beacon-runner-production', runnerUrl: 'https://beacon-runner-production.fly.dev', routerUrl: 'https://project-beacon-production.up.railway.app' },
      ] }));
      const t = targetFromArgs(parse(['--env', 'production', '--router-app', 'beacon-hybrid-router', '--admin-token-env', 'MY_TOKEN']), { cwd, env: { MY_TOKEN: 'tok-1' } });
      assert.equal(t.name, 'production');
      assert.equal(t.production, true);
      assert.equal(t.routerFlyApp, 'beacon-hybrid-router');
      assert.equal(t.adminToken, 'tok-1');
      assert.equal(t.flyctlPath, 'flyctl');
      assert.throws(() => targetFromArgs(parse(['--env', 'production', '--admin-token-env', 'UNSET_VAR']), { cwd, env: {} }), /UNSET_VAR is not set/);
      assert.throws(() => targetFromArgs(parse(['--env', 'staging']), { cwd, env: {} }), /no such environment .* \(have: production\)/);
    });

    it('reads .vscode/settings.json (JSONC) and refuses an environment that names a program to run', () => {
      const cwd = fs.mkdtempSync(path.join(dir, 'vsc-'));
      fs.mkdirSync(path.join(cwd, '.vscode'));
      fs.writeFileSync(path.join(cwd, '.vscode', 'settings.json'), `{
  // environments for Beacon Debug
  "beaconDebug.environments": [
    { "name": "staging", "flyApp": "beacon-runner-staging", "runnerUrl": "https://s.fly.dev", "routerUrl": "https://r.example", /* trailing */ },
    { "name": "evil", "flyApp": "x", "runnerUrl": "https://s.fly.dev", "routerUrl": "https://r.example", "flyctlPath": "/tmp/evil" },
  ],
}`);
      const t = targetFromArgs(parse(['--env', 'staging']), { cwd, env: {} });
      assert.equal(t.flyApp, 'beacon-runner-staging');
      assert.equal(t.production, false);
      assert.throws(() => targetFromArgs(parse(['--env', 'evil']), { cwd, env: {} }), /environments\[1\]\.flyctlPath: a repository file cannot choose a program to run/);
      assert.deepEqual(parseJsonc('{"a": "// not a comment", "b": [1,2,],}'), { a: '// not a comment', b: [1, 2] });
    });

    it('usage errors: missing target, unknown option, a secret given by value', () => {
      assert.throws(() => targetFromArgs(parse(['--runner-url', 'https://x']), { cwd: dir, env: {} }), /no target: give --env NAME or --router-url, --fly-app/);
      assert.throws(() => parse(['--runner-urll', 'x']), UsageError);
      assert.throws(() => parse(['--fly-app']), /--fly-app needs a value/);
      assert.throws(() => targetFromArgs(parse(['--admin-token-env', 'abc-def-123!']), { cwd: dir, env: {} }), /takes the NAME of an environment variable/);
    });
  });

  describe('against the simulator', () => {
    let sim: Simulator;
    let env: NodeJS.ProcessEnv;
    before(async () => {
      sim = await startSimulator({ fault: 'no-healthy-providers', adminIntervalMs: 0 });
      env = { BEACON_TEST_ADMIN: sim.adminToken, BEACON_TEST_DB: sim.databaseUrl };
    });
    after(() => sim.stop());

    it('--json prints the run report; a failed check exits 1', async () => {
      const c = collector();
      const code = await runRunCommand(['--only', 'quick-wins,r.2', '--json', ...targetFlags(sim)], c.io, undefined, { cwd: dir, env });
      assert.equal(code, 1, c.err());
      const report = JSON.parse(c.out()) as RunReport;
      assert.equal(report.schemaVersion, 1);
      assert.equal(report.environment, 'cli');
      assert.deepEqual(report.steps.map((s) => s.id), ['preflight', 'qw.1', 'qw.2', 'qw.3', 'qw.4', 'qw.5', 'r.2']);
      assert.equal(report.steps.find((s) => s.id === 'r.2')!.verdict, 'fail');
      assert.equal(report.steps.find((s) => s.id === 'r.2')!.facts['router.inferenceErrorCode'], 'PROVIDER_UNAVAILABLE');
      assert.deepEqual([report.rootCause, report.ranked, report.evidence, report.nextStep, report.fix], [null, null, null, null, null]);
      assert.match(c.err(), /^exit 1: a check failed \(qw\.3, qw\.4, r\.2\)/);
      assert.ok(!c.out().includes(sim.adminToken));
    });

    it('human output: a progress line per step, then the verdict table; --report writes the JSON', async () => {
      const c = collector();
      const reportFile = path.join(dir, 'report.json');
      const code = await runRunCommand(['--only', 'r.1,5.2', '--report', reportFile, ...targetFlags(sim)], c.io, undefined, { cwd: dir, env });
      assert.equal(code, 1);
      const text = c.out();
      assert.match(text, /^Beacon Debug: 2 step\(s\) against "cli"/);
      assert.match(text, /\n {2}✗ r\.1 +fail +\d+ ms +The router says status "healthy" but providers_healthy is 0 of 3/);
      assert.match(text, /\nstep +verdict +time +reason\n/);
      assert.match(text, /\n5\.2 +pass +/);
      assert.match(text, /2 steps: 1 fail, 1 pass/);
      assert.equal((JSON.parse(fs.readFileSync(reportFile, 'utf8')) as RunReport).steps.length, 3);
    });

    it('a check that cannot run exits 3 with the reason', async () => {
      const c = collector();
      const code = await runRunCommand(['--only', 'qw.1', '--no-preflight', ...targetFlags(sim).map((a) => (a === sim.flyctlPath ? path.join(dir, 'nope', 'flyctl') : a))], c.io, undefined, { cwd: dir, env });
      assert.equal(code, 3);
      assert.match(c.out(), /Install flyctl/);
      assert.match(c.err(), /exit 3: a check could not run \(qw\.1\)/);
    });

    it('a failed preflight exits 3 and runs nothing else', async () => {
      const c = collector();
      const code = await runRunCommand(['--only', 'qw.3', ...targetFlags(sim).map((a) => (a === sim.flyctlPath ? path.join(dir, 'nope', 'flyctl') : a))], c.io, undefined, { cwd: dir, env });
      assert.equal(code, 3);
      assert.match(c.out(), /qw\.3 +skipped .*Not run: preflight failed/);
      assert.match(c.err(), /exit 3: the preflight stopped the run/);
    });

    it('configuration errors exit 2 with a clear message, before anything runs', async () => {
      for (const [args, msg] of [
        [['--only', 'phase-9', ...targetFlags(sim)], /unknown step or group "phase-9"/],
        [['--timeout', '0', ...targetFlags(sim)], /--timeout takes a number of seconds greater than 0/],
        [[...targetFlags(sim), '--fly-app', 'Bad App'], /--fly-app given more than once/],
        [['--runner-url', 'https://x";touch /tmp/p"', '--router-url', 'https://r', '--fly-app', 'a'], /runnerUrl: .* contains/],
        [['extra'], /unexpected argument "extra"/],
      ] as const) {
        const c = collector();
        assert.equal(await runRunCommand([...args], c.io, undefined, { cwd: dir, env }), 2, String(msg));
        assert.match(c.err(), msg);
        assert.match(c.err(), /exit 2: usage or configuration error/);
      }
    });

    it('cancellation stops the run and exits 3', async () => {
      const c = collector();
      const ac = new AbortController();
      const p = runRunCommand(['--only', 'phase-0', '--no-preflight', ...targetFlags(sim)], { stdout: (s) => { c.io.stdout(s); if (s.startsWith('Beacon Debug:')) ac.abort(); }, stderr: c.io.stderr }, ac.signal, { cwd: dir, env });
      assert.equal(await p, 3);
      assert.match(c.err(), /the run was cancelled/);
    });
  });

  it('list prints the runbook tree; --json gives it as data', async () => {
    const c = collector();
    assert.equal(await runListCommand([], c.io), 0);
    assert.match(c.out(), /^Execution Failure Debug Plan\n/);
    assert.match(c.out(), /Quick Win Checklist {2}\[quick-wins\]\n {2}qw\.1 +Check hybrid env vars +check/);
    assert.match(c.out(), /· GET \/admin\/circuit-breaker-stats \(Redis breaker\) \(needs adminToken\)/);
    const j = collector();
    assert.equal(await runListCommand(['--json'], j.io), 0);
    const listing = JSON.parse(j.out()) as { groups: { id: string; steps: { id: string; kinds: string[] }[] }[] };
    assert.deepEqual(listing.groups.map((g) => g.id), ['quick-wins', 'phase-0', 'phase-1', 'phase-2', 'phase-3', 'phase-4', 'phase-5']);
    assert.deepEqual(listing.groups[1].steps.find((s) => s.id === '0.3')!.kinds, ['check', 'instrument']);
    const bad = collector();
    assert.equal(await runListCommand(['--jsn'], bad.io), 2);
  });
});
