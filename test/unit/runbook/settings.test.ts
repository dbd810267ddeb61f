import * as assert from 'node:assert/strict';
import { parseSettings } from '../../../src/runbook/settings';

const good = { name: 'production', flyApp: 'beacon-runner-production', runnerUrl: 'https://beacon-runner-production.fly.dev', routerUrl: 'https://project-beacon-production.up.railway.app' };

describe('settings', () => {
  it('gives the defaults for nothing', () => {
    const { settings, problems } = parseSettings({});
    assert.deepEqual(problems, []);
    assert.equal(settings.flyctlPath, 'flyctl');
    assert.equal(settings.checkTimeoutSeconds, 30);
    assert.equal(settings.codeLens.enabled, true);
  });

  it('keeps valid environments and reports the invalid ones with their path', () => {
    const { settings, problems } = parseSettings({
      environments: [good, { ...good, name: 'bad', flyApp: 'Bad App; rm -rf /' }, { ...good, name: 'q', routerUrl: 'https://x.example/"$(touch pwned)"' }],
    });
    assert.deepEqual(settings.environments.map((e) => e.name), ['production']);
    assert.ok(problems.some((p) => p.startsWith('beaconDebug.environments[1].flyApp')), problems.join('\n'));
    assert.ok(problems.some((p) => p.startsWith('beaconDebug.environments[2].routerUrl')), problems.join('\n'));
  });

  it('replaces a bad value by its default and says so, without throwing', () => {
    const { settings, problems } = parseSettings({ checkTimeoutSeconds: 'soon', flyctlPath: 'flyctl; touch /tmp/x', environments: 'nope' });
    assert.equal(settings.checkTimeoutSeconds, 30);
    assert.equal(settings.flyctlPath, 'flyctl');
    assert.deepEqual(settings.environments, []);
    assert.equal(problems.length, 3);
    assert.ok(problems.every((p) => p.includes('(using the default)')));
  });

  it('refuses a user environment called demo and duplicate names', () => {
    const { settings, problems } = parseSettings({ environments: [good, good, { ...good, name: 'demo' }] });
    assert.equal(settings.environments.length, 1);
    assert.equal(problems.length, 2);
  });
});
