import * as assert from 'node:assert/strict';
import { FAULT_NAMES, FaultError, hybridConfig, normalizeFaults } from '../../../src/sim/faults';

describe('sim/faults', () => {
  describe('normalizeFaults', () => {
    it('names exactly the ten faults of DESIGN.md', () => {
      assert.deepEqual([...FAULT_NAMES].sort(), [
        'circuit-open', 'database-unavailable', 'executor-bug', 'healthy', 'hybrid-disabled', 'missing-hybrid-config',
        'no-healthy-providers', 'router-down', 'router-slow', 'timeout-too-short',
      ]);
    });

    it('defaults to healthy, accepts a list or a comma-separated string, drops duplicates', () => {
      assert.deepEqual(normalizeFaults(), ['healthy']);
      assert.deepEqual(normalizeFaults(''), ['healthy']);
      assert.deepEqual(normalizeFaults('missing-hybrid-config, router-down'), ['missing-hybrid-config', 'router-down']);
      assert.deepEqual(normalizeFaults(['circuit-open', 'circuit-open']), ['circuit-open']);
    });

    it('rejects an unknown name and lists the valid ones', () => {
      assert.throws(() => normalizeFaults('router-dwn'), (e: Error) => {
        assert.ok(e instanceof FaultError);
        assert.match(e.message, /unknown fault "router-dwn"/);
        for (const f of FAULT_NAMES) assert.ok(e.message.includes(f), `lists ${f}`);
        return true;
      });
    });

    it('rejects healthy with a fault, and faults that contradict each other', () => {
      assert.throws(() => normalizeFaults(['healthy', 'router-down']), /cannot be combined/);
      assert.throws(() => normalizeFaults('router-down,router-slow'), /cannot be combined/);
    });
  });

  describe('hybridConfig: the runner rules of BEACON-FACTS', () => {
    const cases: [string, Record<string, string>, string, string | null][] = [
      ['nothing set', {}, 'disabled', null],
      ['HYBRID_BASE', { HYBRID_BASE: 'http://r' }, 'enabled', 'http://r'],
      ['HYBRID_ROUTER_URL only when HYBRID_BASE is empty', { HYBRID_BASE: '', HYBRID_ROUTER_URL: 'http://u' }, 'enabled', 'http://u'],
      ['HYBRID_BASE preferred over HYBRID_ROUTER_URL', { HYBRID_BASE: 'http://b', HYBRID_ROUTER_URL: 'http://u' }, 'enabled', 'http://b'],
      ['ENABLE_HYBRID_DEFAULT=1', { ENABLE_HYBRID_DEFAULT: '1' }, 'enabled-default', 'https://project-beacon-production.up.railway.app'],
      ['ENABLE_HYBRID_DEFAULT=true is not 1', { ENABLE_HYBRID_DEFAULT: 'true' }, 'disabled', null],
      ['HYBRID_ROUTER_DISABLE=true wins over HYBRID_BASE', { HYBRID_BASE: 'http://b', HYBRID_ROUTER_DISABLE: 'true' }, 'explicitly-disabled', null],
      ['HYBRID_ROUTER_DISABLE=TRUE is not true', { HYBRID_BASE: 'http://b', HYBRID_ROUTER_DISABLE: 'TRUE' }, 'enabled', 'http://b'],
      ['HYBRID_ROUTER_DISABLE=1 is not true', { HYBRID_ROUTER_DISABLE: '1' }, 'disabled', null],
    ];
    for (const [name, env, state, base] of cases) {
      it(name, () => {
        const h = hybridConfig(env);
        assert.equal(h.state, state);
        assert.equal(h.base, base);
      });
    }

    it('timeout: HYBRID_ROUTER_TIMEOUT, invalid values fall back to 300, HYBRID_TIMEOUT only when the former is unset or empty', () => {
      const t = (env: Record<string, string>) => {
        const h = hybridConfig(env);
        return [h.timeoutSeconds, h.timeoutSource, h.timeoutEnvValue];
      };
      assert.deepEqual(t({}), [300, 'default', '']);
      assert.deepEqual(t({ HYBRID_ROUTER_TIMEOUT: '5' }), [5, 'HYBRID_ROUTER_TIMEOUT', '5']);
      assert.deepEqual(t({ HYBRID_ROUTER_TIMEOUT: '300s' }), [300, 'HYBRID_ROUTER_TIMEOUT (invalid)', '300s']);
      assert.deepEqual(t({ HYBRID_ROUTER_TIMEOUT: '0' }), [300, 'HYBRID_ROUTER_TIMEOUT (invalid)', '0']);
      assert.deepEqual(t({ HYBRID_ROUTER_TIMEOUT: '30', HYBRID_TIMEOUT: '5' }), [30, 'HYBRID_ROUTER_TIMEOUT', '30']);
      assert.deepEqual(t({ HYBRID_ROUTER_TIMEOUT: '', HYBRID_TIMEOUT: '5' }), [5, 'HYBRID_TIMEOUT', '5']);
      assert.deepEqual(t({ HYBRID_TIMEOUT: 'x' }), [300, 'HYBRID_TIMEOUT (invalid)', 'x']);
    });
  });
});
