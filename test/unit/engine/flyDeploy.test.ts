// Deploy without VS Code: the argv and the modal's text — the exact command, the environment, how
// many instrumentation blocks would ship and from which files.
import * as assert from 'node:assert/strict';
import { deployConfirmationText, flyctlDeployArgv, instrumentationBlocks } from '../../../src/engine/flyDeploy';

describe('engine: flyctl deploy confirmation', () => {
  const argv = flyctlDeployArgv('/opt/fly tools/flyctl', 'beacon-runner-production');
  const base = { argv, app: 'beacon-runner-production', environment: 'production', production: true, cwd: '/src/runner-app', files: [], unsaved: [] };

  it('argv: flyctl deploy -a APP; the detail starts with it, quoted as a shell would need', () => {
    assert.deepEqual(argv, ['/opt/fly tools/flyctl', 'deploy', '-a', 'beacon-runner-production']);
    const t = deployConfirmationText(base);
    assert.equal(t.message, 'Deploy beacon-runner-production to environment "production (PRODUCTION)"?');
    assert.equal(t.detail.split('\n')[0], "'/opt/fly tools/flyctl' deploy -a beacon-runner-production");
    assert.match(t.detail, /\nin \/src\/runner-app\n/);
    assert.match(t.detail, /No debug instrumentation markers are in the folder/);
    assert.match(t.detail, /in-flight jobs are dropped\.$/);
  });

  it('counts the marked blocks (not the steps) and names every file with its steps', () => {
    const files = [
      { path: 'internal/worker/job_runner.go', steps: ['2.1', '2.2'], blocks: 3 },
      { path: 'internal/hybrid/client.go', steps: ['2.4'], blocks: 1 },
    ];
    assert.equal(instrumentationBlocks(files), 4);
    const t = deployConfirmationText({ ...base, environment: 'demo', production: false, files });
    assert.equal(t.message, 'Deploy beacon-runner-production to environment "demo"?');
    assert.match(t.detail, /4 debug instrumentation blocks \(beacon-debug markers\) in 2 files will ship: internal\/worker\/job_runner\.go \(2\.1, 2\.2\); internal\/hybrid\/client\.go \(2\.4\)\./);
    const one = deployConfirmationText({ ...base, files: [files[1]] });
    assert.match(one.detail, /1 debug instrumentation block \(beacon-debug markers\) in 1 file will ship/);
  });

  it('says which Go files could not be saved (they ship as they are on disk)', () => {
    const t = deployConfirmationText({ ...base, unsaved: ['cmd/runner/main.go'] });
    assert.match(t.detail, /1 Go file has unsaved changes that will not ship: cmd\/runner\/main\.go\./);
  });
});
