// Executables only from the user (issue 11 D1, item 3): no repository file — beacon-debug.json,
// .vscode/settings.json, a runbook — sets the path of a program that is run, whatever the
// environment is called. Tool paths come from --flyctl / --psql, BEACON_DEBUG_FLYCTL /
// BEACON_DEBUG_PSQL, or the user config file outside any repository.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runDiagnoseCommand } from '../../../src/cli/diagnoseCommand';
import { runRunCommand } from '../../../src/cli/runCommand';
import { parseArgs, targetFromArgs, TARGET_VALUE_FLAGS } from '../../../src/cli/targetArgs';
import { parseRunbook } from '../../../src/runbook/load';
import { resolveToolPaths, userConfigFile } from '../../../src/runbook/toolPaths';
import { tempDir, writeScript } from '../engine/procHelpers';

function collector() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) }, out: () => out.join(''), err: () => err.join('') };
}

const ENV = (name: string, extra: Record<string, unknown> = {}) => ({
  name, flyApp: 'beacon-runner-test', runnerUrl: 'http://127.0.0.1:9', routerUrl: 'http://127.0.0.1:9', ...extra,
});

describe('cli: executables only from the user (issue 11 D1)', function () {
  this.timeout(30_000);
  let dir: string;
  let canary: string;
  let program: string;
  before(() => {
    dir = tempDir('beacon-tools-');
    canary = path.join(dir, 'RAN');
    // what a hostile repository would point flyctlPath / psqlPath at
    program = writeScript(dir, 'repo-program', `require('fs').writeFileSync(${JSON.stringify(canary)}, process.argv.slice(2).join(' '));`);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => fs.rmSync(canary, { force: true }));

  const files: Record<string, (envs: unknown[]) => [string, string]> = {
    'beacon-debug.json': (envs) => ['beacon-debug.json', JSON.stringify({ environments: envs })],
    '.vscode/settings.json': (envs) => ['.vscode/settings.json', JSON.stringify({ 'beaconDebug.environments': envs })],
  };
  for (const [fileName, write] of Object.entries(files)) {
    for (const name of ['demo', 'production', 'staging']) {
      for (const key of ['flyctlPath', 'psqlPath']) {
        it(`${fileName}: an environment named "${name}" with ${key} runs nothing (exit 2)`, async () => {
          const cwd = fs.mkdtempSync(path.join(dir, 'repo-'));
          const [rel, text] = write([ENV(name, { [key]: program })]);
          fs.mkdirSync(path.dirname(path.join(cwd, rel)), { recursive: true });
          fs.writeFileSync(path.join(cwd, rel), text);
          for (const cmd of [runRunCommand, runDiagnoseCommand]) {
            const c = collector();
            const code = await cmd(cmd === runRunCommand ? ['--env', name, '--only', 'qw.1'] : ['--env', name], c.io, undefined, { cwd, env: {} });
            assert.equal(code, 2, c.out() + c.err());
            assert.ok(!fs.existsSync(canary), `the repository's program ran: ${fs.existsSync(canary) ? fs.readFileSync(canary, 'utf8') : ''}`);
            assert.match(c.err(), /a repository file cannot choose a program to run/);
          }
        });
      }
    }
  }

  it('"demo" in a file is refused as the built-in name, even without a tool path', () => {
    const cwd = fs.mkdtempSync(path.join(dir, 'repo-'));
    fs.writeFileSync(path.join(cwd, 'beacon-debug.json'), JSON.stringify([ENV('demo')]));
    assert.throws(() => targetFromArgs(parseArgs(['--env', 'demo'], { values: TARGET_VALUE_FLAGS, booleans: [] }), { cwd, env: {} }), /"demo" is the built-in demo environment/);
  });

  it('two environments with the same name: a usage error, not silently the first (cosmetic)', () => {
    const cwd = fs.mkdtempSync(path.join(dir, 'repo-'));
    fs.writeFileSync(path.join(cwd, 'beacon-debug.json'), JSON.stringify([ENV('staging'), ENV('staging', { flyApp: 'other-app' })]));
    assert.throws(() => targetFromArgs(parseArgs(['--env', 'staging'], { values: TARGET_VALUE_FLAGS, booleans: [] }), { cwd, env: {} }), /--env staging: defined more than once/);
  });

  it('JSONC: string contents are kept as written — a trailing-comma fix-up must not edit "…/a,]" (D12)', () => {
    const cwd = fs.mkdtempSync(path.join(dir, 'repo-'));
    fs.mkdirSync(path.join(cwd, '.vscode'));
    fs.writeFileSync(path.join(cwd, '.vscode', 'settings.json'), `{
  // comment
  "beaconDebug.environments": [
    { "name": "staging", "flyApp": "beacon-runner-staging", "runnerUrl": "https://s.example/a,]", "routerUrl": "https://r.example/b,}", },
  ],
}`);
    const t = targetFromArgs(parseArgs(['--env', 'staging'], { values: TARGET_VALUE_FLAGS, booleans: [] }), { cwd, env: {} });
    assert.equal(t.runnerUrl, 'https://s.example/a,]');
    assert.equal(t.routerUrl, 'https://r.example/b,}');
  });

  describe('where tool paths come from', () => {
    const home = () => fs.mkdtempSync(path.join(dir, 'home-'));
    const writeConfig = (h: string, doc: unknown) => {
      fs.mkdirSync(path.join(h, '.config', 'beacon-debug'), { recursive: true });
      fs.writeFileSync(path.join(h, '.config', 'beacon-debug', 'config.json'), JSON.stringify(doc));
    };
    const names = { flyctlPath: '--flyctl', psqlPath: '--psql' };

    it('flag, then environment variable, then the user config file, then the bare name', () => {
      const h = home();
      writeConfig(h, { flyctlPath: '/opt/fly/bin/flyctl', psqlPath: '/opt/pg/bin/psql' });
      const cwd = fs.mkdtempSync(path.join(dir, 'work-'));
      const env = { HOME: h };
      assert.deepEqual(resolveToolPaths({}, {}, cwd, names).flyctlPath, 'flyctl');
      const fromFile = resolveToolPaths({}, env, cwd, names);
      assert.deepEqual([fromFile.flyctlPath, fromFile.psqlPath, fromFile.source.flyctlPath], ['/opt/fly/bin/flyctl', '/opt/pg/bin/psql', userConfigFile(env)]);
      const fromEnv = resolveToolPaths({}, { ...env, BEACON_DEBUG_FLYCTL: '/usr/local/bin/flyctl' }, cwd, names);
      assert.deepEqual([fromEnv.flyctlPath, fromEnv.source.flyctlPath, fromEnv.psqlPath], ['/usr/local/bin/flyctl', 'BEACON_DEBUG_FLYCTL', '/opt/pg/bin/psql']);
      const fromFlag = resolveToolPaths({ flyctlPath: '/x/flyctl' }, { ...env, BEACON_DEBUG_FLYCTL: '/usr/local/bin/flyctl' }, cwd, names);
      assert.deepEqual([fromFlag.flyctlPath, fromFlag.source.flyctlPath], ['/x/flyctl', '--flyctl']);
    });

    it('the CLI target takes them (XDG_CONFIG_HOME first)', () => {
      const xdg = fs.mkdtempSync(path.join(dir, 'xdg-'));
      fs.mkdirSync(path.join(xdg, 'beacon-debug'));
      fs.writeFileSync(path.join(xdg, 'beacon-debug', 'config.json'), '{ "psqlPath": "/opt/pg/bin/psql", /* JSONC */ }');
      const cwd = fs.mkdtempSync(path.join(dir, 'work-'));
      const t = targetFromArgs(parseArgs(['--runner-url', 'https://r.example', '--router-url', 'https://h.example', '--fly-app', 'app'], { values: TARGET_VALUE_FLAGS, booleans: [] }), {
        cwd,
        env: { XDG_CONFIG_HOME: xdg, BEACON_DEBUG_FLYCTL: '/usr/local/bin/flyctl' },
      });
      assert.deepEqual([t.flyctlPath, t.psqlPath], ['/usr/local/bin/flyctl', '/opt/pg/bin/psql']);
    });

    it('a config file inside the repository being worked on is refused; a relative XDG_CONFIG_HOME is ignored', () => {
      const repo = fs.mkdtempSync(path.join(dir, 'repo-'));
      fs.mkdirSync(path.join(repo, '.git'));
      fs.mkdirSync(path.join(repo, 'cfg', 'beacon-debug'), { recursive: true });
      fs.writeFileSync(path.join(repo, 'cfg', 'beacon-debug', 'config.json'), JSON.stringify({ flyctlPath: program }));
      const inRepo = resolveToolPaths({}, { XDG_CONFIG_HOME: path.join(repo, 'cfg'), HOME: home() }, path.join(repo), names);
      assert.equal(inRepo.flyctlPath, 'flyctl');
      assert.match(inRepo.problems.join('\n'), /is inside the repository .*: a repository cannot choose a program to run/);
      const relative = resolveToolPaths({}, { XDG_CONFIG_HOME: 'cfg' }, repo, names);
      assert.deepEqual([relative.flyctlPath, relative.problems], ['flyctl', []]);
    });

    it('a user config file that is a FIFO is not read (it would block)', function () {
      if (process.platform === 'win32') this.skip();
      const h = home();
      fs.mkdirSync(path.join(h, '.config', 'beacon-debug'), { recursive: true });
      require('node:child_process').execFileSync('mkfifo', [path.join(h, '.config', 'beacon-debug', 'config.json')]);
      const r = resolveToolPaths({}, { HOME: h }, dir, names);
      assert.equal(r.flyctlPath, 'flyctl');
      assert.match(r.problems.join('\n'), /a FIFO, not a regular file/);
    });
  });

  describe('a runbook cannot choose a program either', () => {
    const runbookWith = (probe: unknown, fixes: unknown[] = []) => {
      const base = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'runbooks', 'execution-failure.yaml'), 'utf8');
      const doc = require('yaml').parse(base);
      doc.quickWins.steps[0].checks[0].probe = probe;
      if (fixes.length) doc.fixes = fixes;
      return require('yaml').stringify(doc);
    };
    const rejects = (probe: unknown, re: RegExp) => assert.throws(() => parseRunbook(runbookWith(probe), 'evil.runbook.yaml'), re);

    it('argv[0] must be ${tool.flyctl} or ${tool.psql}', () => {
      rejects({ type: 'shell', argv: ['/bin/sh', '-c', 'touch /tmp/x'] }, /argv\[0\]: a runbook cannot choose a program to run/);
      rejects({ type: 'shell', argv: ['./version'] }, /cannot choose a program/);
      rejects({ type: 'shell', argv: ['${runner.flyApp}', 'x'] }, /cannot choose a program/);
      const fix = { id: 'evil', title: 'x', text: 'x', kind: 'command', argv: ['sh', '-c', 'x'], undoArgv: ['${tool.flyctl}', 'status'] };
      assert.throws(() => parseRunbook(runbookWith({ type: 'shell', argv: ['${tool.flyctl}', 'version'] }, [fix]), 'evil.runbook.yaml'), /fixes\[0\]\.argv\[0\]: a runbook cannot choose/);
    });

    it('no environment variable that selects code, no psql meta-command, file or pipe', () => {
      rejects({ type: 'shell', argv: ['${tool.flyctl}', 'version'], env: { LD_PRELOAD: '/repo/x.so' } }, /env\.LD_PRELOAD: a runbook cannot set LD_PRELOAD/);
      rejects({ type: 'shell', argv: ['${tool.flyctl}', 'version'], env: { PATH: '.' } }, /cannot set PATH/);
      rejects({ type: 'shell', argv: ['${tool.psql}', '-c', '\\! sh -c x'] }, /argv\[2\]: a psql meta-command/);
      rejects({ type: 'shell', argv: ['${tool.psql}', '-Xc', '\\copy t from program \'x\''] }, /argv\[2\]: a psql meta-command/);
      rejects({ type: 'shell', argv: ['${tool.psql}', '--command=\\! x'] }, /a psql meta-command/);
      rejects({ type: 'shell', argv: ['${tool.psql}', '-f', 'evil.sql'] }, /psql -f runs or writes a file/);
      rejects({ type: 'shell', argv: ['${tool.psql}', '-XAto', '|sh'] }, /psql -o runs or writes a file/);
      rejects({ type: 'shell', argv: ['${tool.psql}', '--output=|sh', '-c', 'select 1'] }, /psql --output runs or writes/);
      rejects({ type: 'shell', argv: ['${tool.psql}', '-c', 'select 1'], env: { PSQLRC: 'evil' } }, /cannot set PSQLRC/);
      // the built-in plan's own commands pass (they are loaded by every other test), and so does plain SQL
      assert.doesNotThrow(() => parseRunbook(runbookWith({ type: 'shell', argv: ['${tool.psql}', '-X', '-A', '-c', "SELECT '\\d'"], env: { PGCONNECT_TIMEOUT: '5' } }), 'ok.runbook.yaml'));
    });

    it('`run --runbook` with such a runbook: exit 2, nothing runs', async () => {
      const file = path.join(dir, 'evil.runbook.yaml');
      fs.writeFileSync(file, runbookWith({ type: 'shell', argv: [program, 'version'] }));
      const c = collector();
      const code = await runRunCommand(['--runbook', file, '--only', 'qw.1', '--runner-url', 'http://127.0.0.1:9', '--router-url', 'http://127.0.0.1:9', '--fly-app', 'app'], c.io, undefined, { cwd: dir, env: {} });
      assert.equal(code, 2);
      assert.match(c.err(), /cannot choose a program to run/);
      assert.ok(!fs.existsSync(canary));
    });
  });
});
