import * as assert from 'node:assert/strict';
import { stepsAnswered } from '../../../src/diagnosis/stepEquivalence';
import { loadBuiltinRunbook } from '../../../src/runbook/builtin';

describe('steps answered by identical checks', () => {
  const rb = loadBuiltinRunbook();
  it('a Quick Win run answers the phase steps with the same checks', () => {
    const s = stepsAnswered(rb, ['qw.1', 'qw.2', 'qw.3']);
    for (const id of ['qw.1', '0.1', 'qw.2', '0.2', 'qw.3', 'r.1']) assert.ok(s.has(id), id);
    assert.ok(!s.has('1.6') && !s.has('r.2') && !s.has('qw.4'));
  });
  it('a step with different checks is not answered', () => {
    const s = stepsAnswered(rb, ['qw.5']);
    assert.ok(!s.has('1.5'), '1.5 also reads the admin endpoint');
    assert.deepEqual([...stepsAnswered(rb, [])], []);
  });
});
