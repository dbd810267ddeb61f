// The fault matrix: for every simulator fault, diagnosing against the simulator names that fault
// (`healthy` for healthy) and runs fewer checks than a full run; combined faults give the expected
// winner; the fix flow in pure form (fix-f → the fake flyctl → re-run → healthy).
import * as assert from 'node:assert/strict';
import { allSteps } from '../../../src/runbook/load';
import { loadBuiltinRunbook } from '../../../src/runbook/builtin';
import type { Runbook } from '../../../src/runbook/schema';
import { runSteps } from '../../../src/engine/runner';
import type { Target } from '../../../src/engine/types';
import { runDiagnosis, reportFields, type DiagnosisRun } from '../../../src/diagnosis/diagnose';
import { applyFix, describeFix, stepsToRerun } from '../../../src/diagnosis/fixes';
import { simulatorTarget, FAULT_NAMES, startSimulator, type FaultName, type KnownFaultName, type Simulator, type SimulatorOptions } from '../../../src/sim/simulator';

let rb: Runbook;
/** Every check of every step: what a full run runs. */
let fullRunChecks: number;

function targetOf(sim: Simulator, withAdminToken = true): Target {
  const t = simulatorTarget(sim);
  return withAdminToken ? t : { ...t, adminToken: undefined };
}

async function diagnoseSim(fault: FaultName[], opts: { adminToken?: boolean; sim?: SimulatorOptions } = {}): Promise<{ run: DiagnosisRun; sim: Simulator }> {
  const sim = await startSimulator({ ...opts.sim, fault });
  try {
    const run = await runDiagnosis(rb, targetOf(sim, opts.adminToken ?? true), { timeoutSeconds: 10 });
    return { run, sim };
  } catch (e) {
    await sim.stop();
    throw e;
  }
}

/**
 * How many checks each diagnosis needs: the tree stops at the first node that decides.
 * 1: 0.1 (env) · 2: + 0.2 (startup logs) · 7: + 1.6 (3 checks), r.1, r.2 · 9: + 1.5 (2 checks) · 10: + qw.4.
 */
const EXPECTED: Record<KnownFaultName, { checks: number; steps: string[] }> = {
  healthy: { checks: 10, steps: ['0.1', '0.2', '1.6', 'r.1', 'r.2', '1.5', 'qw.4'] },
  'missing-hybrid-config': { checks: 1, steps: ['0.1'] },
  'hybrid-disabled': { checks: 1, steps: ['0.1'] },
  'router-down': { checks: 7, steps: ['0.1', '0.2', '1.6', 'r.1', 'r.2'] },
  'router-slow': { checks: 7, steps: ['0.1', '0.2', '1.6', 'r.1', 'r.2'] },
  'no-healthy-providers': { checks: 7, steps: ['0.1', '0.2', '1.6', 'r.1', 'r.2'] },
  'circuit-open': { checks: 9, steps: ['0.1', '0.2', '1.6', 'r.1', 'r.2', '1.5'] },
  'timeout-too-short': { checks: 9, steps: ['0.1', '0.2', '1.6', 'r.1', 'r.2', '1.5'] },
  'database-unavailable': { checks: 2, steps: ['0.1', '0.2'] },
  'executor-bug': { checks: 10, steps: ['0.1', '0.2', '1.6', 'r.1', 'r.2', '1.5', 'qw.4'] },
};

describe('diagnosis against the simulator', function () {
  this.timeout(60_000);

  before(function () {
    this.timeout(20_000);
    rb = loadBuiltinRunbook();
    fullRunChecks = allSteps(rb).reduce((n, s) => n + s.checks.length, 0);
  });

  it('a full run runs every check of the runbook (the baseline the diagnosis is compared with)', async () => {
    const sim = await startSimulator({ fault: 'healthy' });
    try {
      const o = await runSteps(rb, targetOf(sim), { timeoutSeconds: 10 });
      assert.equal(o.results.reduce((n, r) => n + r.checks.length, 0), fullRunChecks);
      assert.ok(fullRunChecks >= 20, `full run: ${fullRunChecks} checks`);
    } finally {
      await sim.stop();
    }
  });

  describe('the fault matrix', () => {
    for (const fault of FAULT_NAMES) {
      it(`${fault} → rootCause ${fault}, in ${EXPECTED[fault].checks} checks (fewer than a full run)`, async () => {
        const { run, sim } = await diagnoseSim([fault]);
        try {
          const d = run.diagnosis;
          assert.equal(d.rootCause.id, fault, `${d.rootCause.title}\n${d.notes.join('\n')}`);
          assert.equal(d.status, fault === 'healthy' ? 'healthy' : 'certain');
          assert.ok(d.rootCause.probability >= 0.9, `probability ${d.rootCause.probability}`);
          assert.equal(run.checksRun, EXPECTED[fault].checks, `steps run: ${run.stepsRun.join(', ')}`);
          assert.deepEqual([...run.stepsRun].sort(), [...EXPECTED[fault].steps].sort());
          assert.ok(run.checksRun < fullRunChecks);
          assert.equal(run.cancelled, false);
          const report = reportFields(d);
          assert.equal(report.rootCause?.id, fault);
          if (fault === 'healthy') {
            assert.equal(report.fix, null);
          } else {
            assert.ok(report.evidence!.length > 0, 'evidence');
            assert.ok(report.evidence!.every((e) => e.step !== ''), 'every evidence item names its step');
            assert.ok(report.fix, 'a fix or guidance');
          }
        } finally {
          await sim.stop();
        }
      });
    }

    it('fix argv is built from the target: missing-hybrid-config → fix-f with the simulator\'s router URL and app', async () => {
      const { run, sim } = await diagnoseSim(['missing-hybrid-config']);
      try {
        assert.deepEqual(reportFields(run.diagnosis).fix, {
          id: 'fix-f',
          argv: [sim.flyctlPath, 'secrets', 'set', `HYBRID_BASE=${sim.routerUrl}`, '-a', 'beacon-runner-production'],
        });
        const line = run.diagnosis.evidence.find((e) => e.fact === 'hybrid.configured');
        assert.equal(line?.step, '0.1');
      } finally {
        await sim.stop();
      }
    });

    it('circuit-open without an admin token: the breaker state is unknown, the runner\'s logs still tell', async () => {
      const { run, sim } = await diagnoseSim(['circuit-open'], { adminToken: false });
      try {
        assert.equal(run.diagnosis.rootCause.id, 'circuit-open');
        const step15 = run.results.find((r) => r.id === '1.5')!;
        assert.equal(step15.checks.find((c) => c.id === 'circuit-admin')?.verdict, 'skipped');
        assert.ok(run.diagnosis.evidence.some((e) => e.fact === 'logs.circuitOpen' && e.line), 'the log line that proves it');
      } finally {
        await sim.stop();
      }
    });
  });

  describe('combined faults', () => {
    const cases: { faults: FaultName[]; winner: FaultName; why: string }[] = [
      {
        faults: ['missing-hybrid-config', 'router-down'],
        winner: 'missing-hybrid-config',
        why: 'without hybrid configuration the runner uses the Golem executor and never calls the router',
      },
      {
        faults: ['database-unavailable', 'router-down'],
        winner: 'database-unavailable',
        why: 'the database was down at boot, so no job runner was started: no job reaches the router',
      },
      {
        faults: ['timeout-too-short', 'no-healthy-providers'],
        winner: 'no-healthy-providers',
        why: 'the router answers success:false within milliseconds, long before any client timeout',
      },
      {
        faults: ['executor-bug', 'circuit-open'],
        winner: 'circuit-open',
        why: 'with the Redis breaker open executions fail at Redis, before the executor runs',
      },
    ];
    for (const c of cases) {
      it(`${c.faults.join(' + ')} → ${c.winner}: ${c.why}`, async () => {
        const { run, sim } = await diagnoseSim(c.faults);
        try {
          assert.equal(run.diagnosis.rootCause.id, c.winner, run.diagnosis.notes.join('\n'));
          assert.ok(run.checksRun < fullRunChecks);
        } finally {
          await sim.stop();
        }
      });
    }

    it('router-slow + timeout-too-short: both explain the timeouts — undetermined, the disagreement named, not hidden', async () => {
      const { run, sim } = await diagnoseSim(['router-slow', 'timeout-too-short']);
      try {
        const d = run.diagnosis;
        assert.equal(d.rootCause.id, 'undetermined');
        assert.equal(d.tree.outcome.kind === 'leaf' && d.tree.outcome.cause, 'router-slow');
        assert.deepEqual(
          d.ranking.causes.slice(0, 2).map((x) => x.id).sort(),
          ['router-slow', 'timeout-too-short'],
        );
        assert.ok(d.notes.some((n) => /disagree/.test(n) || /below the 90 %/.test(n)), d.notes.join('\n'));
      } finally {
        await sim.stop();
      }
    });
  });

  describe('the fix flow (pure: no VS Code)', () => {
    it('missing-hybrid-config: fix-f confirmed → the fake flyctl sets the secret → re-run → healthy', async () => {
      // `clear`: flyctl logs shows the current boot only. With Fly's real buffer (`keep`) the old boot's
      // failed executions stay in the logs after the restart (see the report to the lead).
      const { run, sim } = await diagnoseSim(['missing-hybrid-config'], { sim: { logsAfterRestart: 'clear' } });
      try {
        assert.equal(run.diagnosis.rootCause.id, 'missing-hybrid-config');
        const target = targetOf(sim);
        const plan = describeFix(rb, run.diagnosis.fix!.id, target);
        const shown: string[] = [];
        const declined = await applyFix(plan, { trusted: true, target, confirm: async () => false });
        assert.equal(declined.status, 'declined');
        assert.deepEqual(sim.faults, ['missing-hybrid-config'], 'nothing changed without a confirmation');

        const outcome = await applyFix(plan, {
          trusted: true,
          target,
          confirm: async (_p, text) => {
            shown.push(text.message, text.detail);
            return true;
          },
        });
        assert.equal(outcome.status, 'applied', outcome.reason);
        assert.match(shown[0], /environment "demo"/);
        assert.ok(shown[1].startsWith(`${sim.flyctlPath} secrets set HYBRID_BASE=${sim.routerUrl} -a beacon-runner-production\n`), shown[1]);
        assert.match(shown[1], /in-flight jobs are dropped/);
        if (outcome.status !== 'applied') return;
        assert.deepEqual(outcome.applied.undoArgv, [sim.flyctlPath, 'secrets', 'unset', 'HYBRID_BASE', '-a', 'beacon-runner-production']);
        assert.equal(sim.state.platform.secret('HYBRID_BASE'), sim.routerUrl);
        assert.deepEqual(sim.faults, ['healthy']);

        assert.deepEqual(stepsToRerun(plan, run.results), ['0.1', '0.2', 'qw.1', 'qw.2', 'qw.4']);
        const after = await runDiagnosis(rb, target, { timeoutSeconds: 10 });
        assert.equal(after.diagnosis.rootCause.id, 'healthy', after.diagnosis.notes.join('\n'));
      } finally {
        await sim.stop();
      }
    });
  });
});
