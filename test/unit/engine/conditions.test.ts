import * as assert from 'node:assert/strict';
import { evaluateCondition } from '../../../src/engine/conditions';
import type { Condition, FactValue } from '../../../src/runbook/schema';

const facts: Record<string, FactValue> = {
  n: 5, s: 'abc', t: true, f: false, empty: '', zero: 0, numStr: '404', nul: null, status: 404, fstr: 'false',
};
const ev = (c: Condition) => evaluateCondition(c, (k) => facts[k]);

describe('engine/conditions', () => {
  it('compares numbers numerically and text as text', () => {
    assert.equal(ev({ fact: 'n', op: 'gt', value: 4 }), true);
    assert.equal(ev({ fact: 'n', op: 'le', value: 5 }), true);
    assert.equal(ev({ fact: 'n', op: 'lt', value: 5 }), false);
    assert.equal(ev({ fact: 'numStr', op: 'ge', value: 400 }), true);
    assert.equal(ev({ fact: 's', op: 'lt', value: 'abd' }), true);
    assert.equal(ev({ fact: 't', op: 'gt', value: 0 }), false);
  });

  it('eq / ne: same type strictly, different types as text', () => {
    assert.equal(ev({ fact: 'status', op: 'eq', value: 404 }), true);
    assert.equal(ev({ fact: 'numStr', op: 'eq', value: 404 }), true);
    assert.equal(ev({ fact: 't', op: 'eq', value: 'true' }), true);
    assert.equal(ev({ fact: 'f', op: 'eq', value: false }), true);
    assert.equal(ev({ fact: 'empty', op: 'eq', value: '' }), true);
    assert.equal(ev({ fact: 'empty', op: 'ne', value: '' }), false);
    assert.equal(ev({ fact: 's', op: 'ne', value: 'x' }), true);
  });

  it('in / notIn / matches', () => {
    assert.equal(ev({ fact: 'status', op: 'in', value: [401, 404] }), true);
    assert.equal(ev({ fact: 'status', op: 'notIn', value: [401, 403] }), true);
    assert.equal(ev({ fact: 's', op: 'matches', value: '^a.c$' }), true);
    assert.equal(ev({ fact: 's', op: 'matches', value: 'GolemExecutor' }), false);
  });

  it('truthy / falsy read "false", "0" and "" as false', () => {
    assert.equal(ev({ fact: 't', op: 'truthy' }), true);
    assert.equal(ev({ fact: 'fstr', op: 'falsy' }), true);
    assert.equal(ev({ fact: 'zero', op: 'falsy' }), true);
    assert.equal(ev({ fact: 'empty', op: 'falsy' }), true);
    assert.equal(ev({ fact: 's', op: 'falsy' }), false);
  });

  it('a missing (or null) fact satisfies only `missing`', () => {
    for (const fact of ['absent', 'nul']) {
      assert.equal(ev({ fact, op: 'missing' }), true, fact);
      assert.equal(ev({ fact, op: 'exists' }), false, fact);
      for (const op of ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'truthy', 'falsy', 'matches'] as const) {
        assert.equal(ev({ fact, op, value: op === 'matches' ? '.*' : 1 }), false, `${fact} ${op}`);
      }
      assert.equal(ev({ fact, op: 'in', value: [1] }), false);
      assert.equal(ev({ fact, op: 'notIn', value: [1] }), false);
      assert.equal(ev({ not: { fact, op: 'eq', value: 1 } }), true, 'use not for "unknown or different"');
    }
    assert.equal(ev({ fact: 'n', op: 'missing' }), false);
  });

  it('all / any / not combine', () => {
    assert.equal(ev({ all: [{ fact: 'n', op: 'eq', value: 5 }, { any: [{ fact: 'absent', op: 'exists' }, { fact: 't', op: 'truthy' }] }] }), true);
    assert.equal(ev({ all: [{ fact: 'n', op: 'eq', value: 5 }, { fact: 'absent', op: 'exists' }] }), false);
    assert.equal(ev({ not: { any: [{ fact: 'f', op: 'truthy' }, { fact: 'zero', op: 'gt', value: 0 }] } }), true);
  });
});
