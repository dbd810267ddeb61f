import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runListCommand } from '../../../src/cli/listCommand';
import { parseRunArgs } from '../../../src/cli/runCommand';
import { diagnose } from '../../../src/diagnosis/diagnose';
import { runSteps } from '../../../src/engine/runner';
import type { Target } from '../../../src/engine/types';
import { importMarkdownRunbook } from '../../../src/runbook/import/importMarkdown';
import { packageRoot } from '../../../src/runbook/paths';
import { runbookCommands, runbookCommandsHash } from '../../../src/runbook/runbookCommands';

const PLAN = path.join(packageRoot(), 'test/fixtures/execution-failure-debug-plan.md');
const target: Target = { name: 'test', flyApp: 'beacon-runner-test', runnerUrl: 'http://127.0.0.1:9', routerUrl: 'http://127.0.0.1:9', flyctlPath: 'flyctl', psqlPath: 'psql' };

const md = (marker: string) => [
  '# Local plan',
  '## Checks',
  '### Step 1.1: Greet',
  '```sh',
  `echo hello > ${marker}; echo greeted`,
  '```',
  'Expected: `greeted`',
  '### Step 1.2: Restart',
  '```bash',
  `touch ${marker}.restart && flyctl apps restart beacon-runner-test`,
  '```',
].join('\n');

describe('runbook commands: who may run what a runbook file chooses', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-rbcmd-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('an imported command runs only when approved; a command that changes the system never runs', async () => {
    const marker = path.join(dir, 'ran');
    const rb = importMarkdownRunbook(md(marker)).runbook;
    const blocked = await runSteps(rb, target, { only: ['1.1'] });
    assert.equal(blocked.results[0].verdict, 'skipped');
    assert.match(blocked.results[0].reason, /have not been approved/);
    assert.equal(fs.existsSync(marker), false);

    const approved = await runSteps(rb, target, { only: ['1.1', '1.2'], runbookCommands: 'approved' });
    const [greet, restart] = approved.results;
    assert.deepEqual([greet.verdict, greet.reason], ['pass', 'Every expectation of the plan held.']);
    assert.equal(fs.existsSync(marker), true);
    assert.equal(restart.verdict, 'skipped');
    assert.match(restart.reason, /changes the system \(flyctl apps restart\)/);
    assert.equal(fs.existsSync(marker + '.restart'), false);
  });

  it('the approval hash changes with any command and only with commands', () => {
    const a = importMarkdownRunbook(md('/tmp/x')).runbook;
    const b = importMarkdownRunbook(md('/tmp/y')).runbook;
    const retitled = importMarkdownRunbook(md('/tmp/x').replace('# Local plan', '# Another title')).runbook;
    assert.notEqual(runbookCommandsHash(a), runbookCommandsHash(b));
    assert.equal(runbookCommandsHash(a), runbookCommandsHash(retitled));
    assert.deepEqual(runbookCommands(a).map((c) => [c.step, c.mutating ?? null]), [['1.1', null], ['1.2', 'flyctl apps restart']]);
  });

  it('the CLI blocks a --runbook file\'s commands unless --allow-runbook-commands', () => {
    const flags = ['--runbook', PLAN, '--runner-url', 'http://127.0.0.1:9', '--router-url', 'http://127.0.0.1:9', '--fly-app', 'x'];
    assert.equal(parseRunArgs(flags).runbookCommands, 'blocked');
    assert.equal(parseRunArgs([...flags, '--allow-runbook-commands']).runbookCommands, 'approved');
    assert.equal(parseRunArgs(flags.slice(2)).runbookCommands, undefined, 'the built-in plan');
  });

  it('list --runbook PLAN.md --json: every step carries commands[] in display form; the built-in plan too', async () => {
    let out = '';
    const io = { stdout: (s: string) => (out += s), stderr: () => undefined };
    assert.equal(await runListCommand(['--runbook', PLAN, '--json'], io), 0);
    const listing = JSON.parse(out) as { runbook: unknown; preflight: unknown; groups: { id: string; title: string; steps: { id: string; commands: string[] }[] }[] };
    assert.deepEqual(Object.keys(listing), ['runbook', 'preflight', 'groups']);
    for (const g of listing.groups) for (const s of g.steps) assert.ok(Array.isArray(s.commands), s.id);
    const qw1 = listing.groups[0].steps[0];
    assert.deepEqual(qw1.commands, ["flyctl ssh console -a beacon-runner-production -C 'env | grep HYBRID'"]);
    out = '';
    assert.equal(await runListCommand(['--json'], io), 0);
    const builtin = JSON.parse(out) as typeof listing;
    const s01 = builtin.groups.flatMap((g) => g.steps).find((s) => s.id === '0.1')!;
    assert.match(s01.commands[0], /^flyctl ssh console -a \$\{runner\.flyApp\} -C /);
  });

  it('diagnose on an imported plan: its tree is walked as far as facts allow, nothing throws', () => {
    const rb = importMarkdownRunbook(fs.readFileSync(PLAN, 'utf8')).runbook;
    const d = diagnose(rb, {}, [], {});
    assert.equal(d.status, 'undetermined');
  });
});
