// The seeded fault matrix: every fault of the simulator (and the faults the runbook's causes table
// does not contain) × N worlds whose log formats, timings, older boots, noise, partial router
// outages and missing endpoints are drawn from a seed, on a compressed clock (every timeout × 0.3:
// r.2's 10 s → 3 s, the others' 20 s → 6 s, which a loaded machine's fake flyctl still meets).
// Goal: ≥ 95 % right per fault and no wrong cause — a miss may only be `undetermined` with the step
// that would settle it. Every failure prints its seed and world:
//   BEACON_MATRIX_SEED=<seed> BEACON_MATRIX_SEEDS=1 npx mocha --no-config out/test/unit/diagnosis/seededMatrix.test.js
import * as assert from 'node:assert/strict';
import { loadBuiltinRunbook } from '../../../src/runbook/builtin';
import type { Runbook } from '../../../src/runbook/schema';
import { describeAnswer, diagnoseSeeded, MATRIX_FAULTS, pool } from './seededWorlds';

const SEEDS = Number(process.env.BEACON_MATRIX_SEEDS ?? 20);
const FIRST = Number(process.env.BEACON_MATRIX_SEED ?? 1);
const TIME_SCALE = 0.3;

describe('diagnosis: the seeded fault matrix (compressed clock)', function () {
  this.timeout(240_000);
  let rb: Runbook;
  before(() => {
    rb = loadBuiltinRunbook();
  });

  for (const fault of MATRIX_FAULTS) {
    it(`${fault} × ${SEEDS} seeded worlds: ≥ 95 % right, no wrong cause`, async () => {
      const seeds = Array.from({ length: SEEDS }, (_, i) => FIRST + i * 7919);
      const answers = await pool(seeds, 4, (seed) => diagnoseSeeded(rb, fault, seed, { timeScale: TIME_SCALE }));
      const wrong = answers.filter((a) => a.verdict === 'wrong');
      const missed = answers.filter((a) => a.verdict === 'miss');
      const right = answers.length - wrong.length - missed.length;
      assert.equal(wrong.length, 0, `wrong answers:\n  ${wrong.map(describeAnswer).join('\n  ')}`);
      assert.ok(right / answers.length >= 0.95, `${right}/${answers.length} right; missed:\n  ${missed.map(describeAnswer).join('\n  ')}`);
    });
  }
});
