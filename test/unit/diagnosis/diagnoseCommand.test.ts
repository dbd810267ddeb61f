// `beacon-debug diagnose` against the simulator: human output, --json (the run report with its
// diagnosis fields), --report, the positional environment, and the exit codes of DESIGN.md.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runDiagnoseCommand, diagnoseTarget } from '../../../src/cli/diagnoseCommand';
import type { CliIo } from '../../../src/cli/io';
import type { RunReport } from '../../../src/engine/types';
import { startSimulator, type FaultName, type Simulator } from '../../../src/sim/simulator';

function collector(): CliIo & { out: string; err: string } {
  const c = {
    out: '',
    err: '',
    stdout: (s: string) => void (c.out += s),
    stderr: (s: string) => void (c.err += s),
  };
  return c;
}

function simArgs(sim: Simulator): string[] {
  return ['--runner-url', sim.runnerUrl, '--router-url', sim.routerUrl, '--fly-app', sim.flyApp, '--flyctl', sim.flyctlPath, '--psql', sim.psqlPath, '--admin-token-env', 'BEACON_TEST_ADMIN_TOKEN', '--timeout', '10'];
}

async function withSim<T>(fault: FaultName, fn: (sim: Simulator) => Promise<T>): Promise<T> {
  const sim = await startSimulator({ fault });
  try {
    return await fn(sim);
  } finally {
    await sim.stop();
  }
}

describe('beacon-debug diagnose', function () {
  this.timeout(60_000);
  let cwd: string;

  beforeEach(() => {
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-diagnose-'));
  });
  afterEach(() => {
    fs.rmSync(cwd, { recursive: true, force: true });
  });

  it('usage errors exit 2: unknown option, no target, an invalid target value', async () => {
    const io = collector();
    assert.equal(await runDiagnoseCommand(['--frobnicate'], io, undefined, { cwd, env: {} }), 2);
    assert.match(io.err, /unknown option --frobnicate/);
    const none = collector();
    assert.equal(await runDiagnoseCommand([], none, undefined, { cwd, env: {} }), 2);
    assert.match(none.err, /no target/);
    const bad = collector();
    const code = await runDiagnoseCommand(['--runner-url', 'http://127.0.0.1:9', '--router-url', 'http://127.0.0.1:9', '--fly-app', 'Bad App;'], bad, undefined, { cwd, env: {} });
    assert.equal(code, 2);
    assert.match(bad.err, /not a Fly app name/);
  });

  it('a cause found exits 1; the human output ends with the root cause, its evidence lines and the fix command', async () => {
    await withSim('missing-hybrid-config', async (sim) => {
      const io = collector();
      const code = await runDiagnoseCommand(simArgs(sim), io, undefined, { cwd, env: { BEACON_TEST_ADMIN_TOKEN: sim.adminToken } });
      assert.equal(code, 1, io.err);
      assert.match(io.err, /exit 1: root cause found: missing-hybrid-config/);
      const tail = io.out.slice(io.out.indexOf('Root cause:'));
      assert.match(tail, /^Root cause: missing-hybrid-config — Missing HYBRID_BASE \/ HYBRID_ROUTER_URL configuration \(scenario F\) — (> )?99\.9 %/);
      assert.match(tail, /\n {2}- \[0\.1\] hybrid\.configured = false — hybrid is not configured by the four variables \(×60\)\n {6}> HYBRID_BASE=/);
      assert.ok(tail.includes(`\nFix: Fix F: Missing Hybrid Configuration\n  $ ${sim.flyctlPath} secrets set HYBRID_BASE=${sim.routerUrl} -a beacon-runner-production\n`), tail);
      assert.match(tail, /Undo: .* secrets unset HYBRID_BASE -a beacon-runner-production/);
      assert.match(io.out, /Diagnosis — 1 check\(s\) in 1 step\(s\) \(0\.1\)/);
      assert.ok(!io.out.includes(sim.adminToken), 'the admin token is never printed');
    });
  });

  it('--json prints the run report with the diagnosis fields; --report writes the same report', async () => {
    await withSim('no-healthy-providers', async (sim) => {
      const io = collector();
      const code = await runDiagnoseCommand([...simArgs(sim), '--json', '--report', 'report.json'], io, undefined, { cwd, env: { BEACON_TEST_ADMIN_TOKEN: sim.adminToken } });
      assert.equal(code, 1);
      const report = JSON.parse(io.out) as RunReport;
      assert.deepEqual(JSON.parse(fs.readFileSync(path.join(cwd, 'report.json'), 'utf8')), report);
      assert.equal(report.schemaVersion, 1);
      assert.equal(report.environment, 'cli');
      assert.deepEqual(report.steps.map((s) => s.id), ['preflight', '0.1', '0.2', '1.6', 'r.1', 'r.2']);
      assert.equal(report.rootCause?.id, 'no-healthy-providers');
      assert.equal(report.rootCause?.scenario, null);
      assert.ok(report.rootCause!.probability >= 0.9 && report.rootCause!.probability <= 1);
      assert.equal(report.ranked?.[0].id, 'no-healthy-providers');
      assert.ok(report.ranked!.every((r) => r.probability >= 0 && r.probability <= 1));
      const ev = report.evidence!.find((e) => e.fact === 'router.noHealthyProviders');
      assert.ok(ev && (ev.step === 'r.2' || ev.step === '1.6'), JSON.stringify(report.evidence));
      assert.equal(report.nextStep, null);
      assert.deepEqual(report.fix, { id: 'guide-providers', argv: null });
      assert.ok(!io.out.includes(sim.adminToken));
    });
  });

  it('healthy exits 0; the environment may be given as a positional name (tools from the user\'s environment variables)', async () => {
    await withSim('healthy', async (sim) => {
      fs.writeFileSync(
        path.join(cwd, 'beacon-debug.json'),
        JSON.stringify({ environments: [{ name: 'local-sim', flyApp: sim.flyApp, runnerUrl: sim.runnerUrl, routerUrl: sim.routerUrl }] }),
      );
      const io = collector();
      const env = { T: sim.adminToken, BEACON_DEBUG_FLYCTL: sim.flyctlPath, BEACON_DEBUG_PSQL: sim.psqlPath };
      const code = await runDiagnoseCommand(['local-sim', '--admin-token-env', 'T', '--json'], io, undefined, { cwd, env });
      assert.equal(code, 0, io.err);
      const report = JSON.parse(io.out) as RunReport;
      assert.equal(report.environment, 'local-sim');
      assert.equal(report.rootCause?.id, 'healthy');
      assert.equal(report.fix, null);
      assert.equal(io.err, '');
      const twice = collector();
      assert.equal(await runDiagnoseCommand(['local-sim', '--env', 'local-sim'], twice, undefined, { cwd, env: {} }), 2);
    });
  });

  it('checks that cannot run exit 3: the preflight stops the diagnosis and says why', async () => {
    const io = collector();
    const flyctl = path.join(cwd, 'no-such-flyctl');
    const code = await runDiagnoseCommand(
      ['--runner-url', 'http://127.0.0.1:9', '--router-url', 'http://127.0.0.1:9', '--fly-app', 'beacon-runner-production', '--flyctl', flyctl, '--timeout', '5'],
      io,
      undefined,
      { cwd, env: {} },
    );
    assert.equal(code, 3);
    assert.match(io.err, /exit 3: the preflight stopped the diagnosis/);
    assert.match(io.out, /Root cause: undetermined/);
  });

  it('diagnoseTarget: what `demo` calls — the report and the run, fewer checks than the runbook has', async () => {
    await withSim('router-down', async (sim) => {
      const { run, report } = await diagnoseTarget(
        { name: 'demo', flyApp: sim.flyApp, runnerUrl: sim.runnerUrl, routerUrl: sim.routerUrl, flyctlPath: sim.flyctlPath, psqlPath: sim.psqlPath, adminToken: sim.adminToken },
        { timeoutSeconds: 10 },
      );
      assert.equal(report.rootCause?.id, 'router-down');
      assert.equal(report.rootCause?.scenario, 'scn-i');
      assert.deepEqual(report.fix, { id: 'guide-router', argv: null });
      assert.equal(run.checksRun, 7);
      assert.deepEqual(run.rounds.map((r) => r.steps), [['0.1'], ['0.2'], ['1.6', 'r.1', 'r.2']]);
    });
  });
});
