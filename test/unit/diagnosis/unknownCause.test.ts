// The unknown cause: faults the runbook's causes table does not contain (drawn from a seed) are
// answered `unknown` — the answer says so, lists the facts that do not fit, offers no fix — and it
// never displaces a known cause whose evidence is present.
import * as assert from 'node:assert/strict';
import { runDiagnosis, reportFields } from '../../../src/diagnosis/diagnose';
import { loadBuiltinRunbook } from '../../../src/runbook/builtin';
import type { Runbook } from '../../../src/runbook/schema';
import { drawVariation, simulatorTarget, startSimulator, UNKNOWN_FAULT_NAMES, type FaultName } from '../../../src/sim/simulator';
import { formatDiagnosis } from '../../../src/cli/diagnosisOutput';

const SEED = Number(process.env.BEACON_UNKNOWN_SEED ?? 4242);

async function diagnoseWorld(rb: Runbook, faults: FaultName[], seed: number) {
  const sim = await startSimulator({ fault: faults, seed, variation: drawVariation(seed), adminIntervalMs: 0 });
  try {
    return await runDiagnosis(rb, simulatorTarget(sim), { timeoutSeconds: 10, timeScale: 0.3 });
  } finally {
    await sim.stop();
  }
}

describe('diagnosis: the unknown cause', function () {
  this.timeout(120_000);
  let rb: Runbook;
  before(() => {
    rb = loadBuiltinRunbook();
  });

  for (const fault of UNKNOWN_FAULT_NAMES) {
    it(`${fault} (not in the causes table, seed ${SEED}): "unknown", the facts that do not fit, no fix`, async () => {
      const run = await diagnoseWorld(rb, [fault], SEED);
      const d = run.diagnosis;
      assert.equal(d.rootCause.id, 'unknown', `seed ${SEED}: ${d.rootCause.title}\n${d.notes.join('\n')}`);
      assert.equal(d.fix, null, 'no fix for a cause nobody knows');
      assert.equal(reportFields(d).fix, null);
      assert.ok(d.unfit.some((u) => u.kind === 'unexplained'), `unexplained failed checks: ${JSON.stringify(d.unfit)}`);
      assert.ok(d.unfit.some((u) => u.kind === 'against' && u.cause), 'what rules out the likeliest known causes');
      assert.match(d.notes[0], /No cause in the runbook explains the evidence/);
      const text = formatDiagnosis(rb, d);
      assert.match(text, /Root cause: unknown — A cause this runbook does not know/);
      assert.match(text, /^Facts that do not fit any cause of the runbook:$/m);
      assert.match(text, /^Fix: none — the cause is not one the runbook knows/m);
      if (fault === 'provider-quota') assert.ok(d.unfit.some((u) => /429|PROVIDER_ERROR|success:false/.test(u.text)), JSON.stringify(d.unfit));
      if (fault === 'unknown-region') assert.ok(d.unfit.some((u) => /No healthy providers/.test(u.text)), JSON.stringify(d.unfit));
    });
  }

  const displaced: [FaultName[], FaultName, string][] = [
    [['missing-hybrid-config', 'provider-quota'], 'missing-hybrid-config', 'without hybrid configuration the router is never called'],
    [['circuit-open', 'unknown-region'], 'circuit-open', 'with the Redis breaker open executions fail before the router'],
    [['no-healthy-providers', 'provider-quota'], 'no-healthy-providers', 'with no healthy provider the router never reaches one to be refused'],
  ];
  for (const [faults, winner, why] of displaced) {
    it(`never displaces a known cause whose evidence is present: ${faults.join(' + ')} → ${winner} (${why})`, async () => {
      const d = (await diagnoseWorld(rb, faults, SEED)).diagnosis;
      assert.equal(d.rootCause.id, winner, d.notes.join('\n'));
      assert.ok(d.ranking.causes.find((c) => c.id === 'unknown')!.probability < 0.1);
    });
  }
});
