import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runShellProbe } from '../../../src/engine/probes/shellProbe';
import { resolveArgv, resolveTemplate, TargetError, validateTarget } from '../../../src/engine/target';
import type { Target } from '../../../src/engine/types';

const good: Target = {
  name: 'staging',
  flyApp: 'beacon-runner-production',
  runnerUrl: 'https://beacon-runner-production.fly.dev/',
  routerUrl: 'https://project-beacon-production.up.railway.app',
  routerFlyApp: 'beacon-hybrid-router',
  flyctlPath: 'flyctl',
  psqlPath: '/usr/bin/psql',
};

function rejects(patch: Partial<Target>, setting: RegExp) {
  assert.throws(() => validateTarget({ ...good, ...patch }), (e: unknown) => {
    assert.ok(e instanceof TargetError, String(e));
    assert.match(e.message, setting);
    return true;
  });
}

describe('engine/target', () => {
  let tmp: string;
  let canary: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-target-'));
    canary = path.join(tmp, 'pwned');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('resolves every placeholder; URLs lose their trailing slash', () => {
    const t = validateTarget(good);
    assert.equal(resolveTemplate('${runner.url}/health', t), 'https://beacon-runner-production.fly.dev/health');
    assert.equal(resolveTemplate('${runner.host}|${router.host}', t), 'beacon-runner-production.fly.dev|project-beacon-production.up.railway.app');
    assert.equal(resolveTemplate('${router.url}|${router.flyApp}|${runner.flyApp}', t), 'https://project-beacon-production.up.railway.app|beacon-hybrid-router|beacon-runner-production');
    assert.equal(resolveTemplate('${tool.flyctl} ${tool.psql} ${env.name}', t), 'flyctl /usr/bin/psql staging');
  });

  it('an unknown placeholder is an error', () => {
    const t = validateTarget(good);
    assert.throws(() => resolveTemplate('${runner.token}', t), /unknown placeholder \$\{runner.token\}/);
    assert.throws(() => resolveTemplate('${fact:x}', t), /unknown placeholder/);
  });

  it('router.flyApp without a routerFlyApp names the setting', () => {
    const t = validateTarget({ ...good, routerFlyApp: undefined });
    assert.throws(() => resolveTemplate('${router.flyApp}', t), /routerFlyApp is not set/);
  });

  it('rejects bad Fly app names, naming the setting', () => {
    rejects({ flyApp: 'x; touch /tmp/pwned' }, /flyApp: .* is not a Fly app name/);
    rejects({ flyApp: 'Beacon' }, /flyApp/);
    rejects({ flyApp: '-a' }, /flyApp/);
    rejects({ routerFlyApp: 'a'.repeat(64) }, /routerFlyApp/);
    rejects({ flyApp: '$(touch /tmp/pwned)' }, /flyApp/);
  });

  it('rejects URLs that are not plain http(s) base URLs', () => {
    rejects({ runnerUrl: 'https://x.dev/"; touch /tmp/pwned; "' }, /runnerUrl: .* contains/);
    rejects({ routerUrl: "https://x.dev/'$(touch /tmp/pwned)'" }, /routerUrl: .* contains/);
    rejects({ routerUrl: 'https://x.dev/`id`' }, /routerUrl/);
    rejects({ routerUrl: 'https://x.dev/a b' }, /routerUrl/);
    rejects({ routerUrl: 'https://x.dev\\evil' }, /routerUrl/);
    rejects({ routerUrl: 'file:///etc/passwd' }, /must start with http/);
    rejects({ routerUrl: 'https://user:pw@x.dev' }, /credentials in the URL/);
    rejects({ routerUrl: 'https://x.dev/?a=1' }, /without \? query/);
    rejects({ routerUrl: 'not a url' }, /routerUrl/);
    rejects({ runnerUrl: 'https://x.dev/a|b' }, /runnerUrl/);
  });

  it('rejects executables with shell metacharacters or relative paths', () => {
    rejects({ flyctlPath: 'flyctl; touch /tmp/pwned' }, /beaconDebug.flyctlPath/);
    rejects({ flyctlPath: '$(touch /tmp/pwned)' }, /beaconDebug.flyctlPath/);
    rejects({ psqlPath: 'bin/psql' }, /beaconDebug.psqlPath: .* absolute path or a bare command/);
    rejects({ psqlPath: '' }, /psqlPath is empty/);
    const ok = validateTarget({ ...good, flyctlPath: '/Users/Jammie/Desktop/Project Beacon/bin/flyctl' });
    assert.equal(ok.flyctlPath, '/Users/Jammie/Desktop/Project Beacon/bin/flyctl');
  });

  it('hostile values are rejected before any process starts — the canary never appears', async () => {
    const hostile = [
      { flyApp: `x; touch ${canary}` },
      { flyApp: `$(touch ${canary})` },
      { routerUrl: `https://x.dev/"$(touch ${canary})"` },
      { routerUrl: `https://x.dev/';touch ${canary};'` },
      { flyctlPath: `sh -c "touch ${canary}"` },
    ];
    for (const patch of hostile) assert.throws(() => validateTarget({ ...good, ...patch }), TargetError);
    assert.equal(fs.existsSync(canary), false);
  });

  it('a hostile string in the data stays ONE argv element and is never interpreted', async () => {
    const t = validateTarget({ ...good, flyctlPath: process.execPath });
    const argv = resolveArgv(['${tool.flyctl}', '-e', 'console.log(JSON.stringify(process.argv.slice(1)))', `x; touch ${canary}`, `$(touch ${canary})`, '`touch ' + canary + '`', '${runner.url}/"quoted"'], t);
    assert.equal(argv.length, 7);
    const out = await runShellProbe({ argv, timeoutMs: 10_000 });
    assert.equal(out.ok, true, out.errorMessage);
    assert.deepEqual(JSON.parse(out.stdout), [`x; touch ${canary}`, `$(touch ${canary})`, '`touch ' + canary + '`', 'https://beacon-runner-production.fly.dev/"quoted"']);
    assert.equal(fs.existsSync(canary), false);
  });
});
