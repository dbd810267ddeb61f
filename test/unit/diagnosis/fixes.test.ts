import * as assert from 'node:assert/strict';
import { loadBuiltinRunbook } from '../../../src/runbook/builtin';
import type { Runbook } from '../../../src/runbook/schema';
import { TargetError } from '../../../src/engine/target';
import { applyFix, confirmationText, describeFix, stepsToRerun, UnknownFixError, type FixExec } from '../../../src/diagnosis/fixes';
import { stepResult, TARGET } from './factsHelper';

let rb: Runbook;

/** An exec that records what it was asked to run. */
function recorder(exitCode = 0, output = 'ok\n'): { exec: FixExec; calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    exec: async (argv) => {
      calls.push([...argv]);
      return { exitCode, output };
    },
  };
}

describe('diagnosis/fixes', () => {
  before(function () {
    this.timeout(20_000);
    rb = loadBuiltinRunbook();
  });

  it('describes fix F for the target: argv, the displayed command, environment, effect, undo, re-run', () => {
    const p = describeFix(rb, 'fix-f', { ...TARGET, production: true, name: 'production' });
    assert.deepEqual(p.argv, ['flyctl', 'secrets', 'set', 'HYBRID_BASE=https://router.example', '-a', 'beacon-runner-staging']);
    assert.equal(p.command, 'flyctl secrets set HYBRID_BASE=https://router.example -a beacon-runner-staging');
    assert.deepEqual(p.undoArgv, ['flyctl', 'secrets', 'unset', 'HYBRID_BASE', '-a', 'beacon-runner-staging']);
    assert.equal(p.environment, 'production');
    assert.equal(p.production, true);
    assert.equal(p.effect, 'Sets the HYBRID_BASE secret on beacon-runner-staging. Fly restarts every machine of the app to apply it: in-flight jobs are dropped.');
    assert.deepEqual(p.rerun, ['0.1', '0.2', 'qw.1', 'qw.2', 'qw.4']);
  });

  it('fix I sets HYBRID_ROUTER_TIMEOUT (not HYBRID_TIMEOUT); fix H restarts the app', () => {
    assert.deepEqual(describeFix(rb, 'fix-i', TARGET).argv, ['flyctl', 'secrets', 'set', 'HYBRID_ROUTER_TIMEOUT=300', '-a', 'beacon-runner-staging']);
    assert.deepEqual(describeFix(rb, 'fix-h', TARGET).argv, ['flyctl', 'apps', 'restart', 'beacon-runner-staging']);
    assert.deepEqual(describeFix(rb, 'fix-hybrid-disabled', TARGET).argv, ['flyctl', 'secrets', 'unset', 'HYBRID_ROUTER_DISABLE', '-a', 'beacon-runner-staging']);
  });

  it('the displayed command is POSIX-quoted: a flyctl path with a space stays one word', () => {
    const p = describeFix(rb, 'fix-h', { ...TARGET, flyctlPath: '/opt/fly tools/flyctl' });
    assert.equal(p.command, "'/opt/fly tools/flyctl' apps restart beacon-runner-staging");
    assert.equal(p.argv![0], '/opt/fly tools/flyctl');
  });

  it('the confirmation names the exact command, the environment (production marked) and what it does', () => {
    const t = confirmationText(describeFix(rb, 'fix-f', { ...TARGET, name: 'production', production: true }));
    assert.equal(t.message, 'Fix F: Missing Hybrid Configuration: run this command on environment "production (PRODUCTION)"?');
    assert.equal(
      t.detail,
      [
        'flyctl secrets set HYBRID_BASE=https://router.example -a beacon-runner-staging',
        '',
        'What it does: Sets the HYBRID_BASE secret on beacon-runner-staging. Fly restarts every machine of the app to apply it: in-flight jobs are dropped.',
        'Undo: flyctl secrets unset HYBRID_BASE -a beacon-runner-staging',
        'Afterwards Beacon Debug offers to re-run: 0.1, 0.2, qw.1, qw.2, qw.4',
      ].join('\n'),
    );
  });

  it('code and guidance fixes have no command and never run one', async () => {
    const g = describeFix(rb, 'guide-providers', TARGET);
    assert.equal(g.argv, null);
    assert.equal(g.command, null);
    const code = describeFix(rb, 'fix-g', TARGET);
    assert.equal(code.kind, 'code');
    assert.equal(code.snippet, 'fix-g');
    const r = recorder();
    let asked = false;
    const confirm = async () => ((asked = true), true);
    assert.equal((await applyFix(g, { trusted: true, target: TARGET, confirm, exec: r.exec })).status, 'notCommand');
    assert.equal((await applyFix(code, { trusted: true, target: TARGET, confirm, exec: r.exec })).status, 'notCommand');
    assert.equal(asked, false);
    assert.deepEqual(r.calls, []);
  });

  it('untrusted workspace: refused before any confirmation, nothing runs', async () => {
    const r = recorder();
    let asked = false;
    const out = await applyFix(describeFix(rb, 'fix-f', TARGET), { trusted: false, target: TARGET, confirm: async () => ((asked = true), true), exec: r.exec });
    assert.equal(out.status, 'refused');
    assert.equal(asked, false);
    assert.deepEqual(r.calls, []);
  });

  it('only an explicit true from the confirmation runs the command', async () => {
    const plan = describeFix(rb, 'fix-f', TARGET);
    for (const answer of [false, undefined, 'yes', 1]) {
      const r = recorder();
      const out = await applyFix(plan, { trusted: true, target: TARGET, confirm: async () => answer as boolean, exec: r.exec });
      assert.equal(out.status, 'declined', String(answer));
      assert.deepEqual(r.calls, []);
    }
  });

  it('confirmed: runs the argv, records what changed and how to undo it (output redacted)', async () => {
    const r = recorder(0, `Secrets are staged; token adm-s3cr3t-token updated\n`);
    const out = await applyFix(describeFix(rb, 'fix-f', TARGET), {
      trusted: true,
      target: TARGET,
      confirm: async () => true,
      exec: r.exec,
      now: () => new Date('2025-10-22T10:00:00Z'),
    });
    assert.equal(out.status, 'applied');
    assert.deepEqual(r.calls, [['flyctl', 'secrets', 'set', 'HYBRID_BASE=https://router.example', '-a', 'beacon-runner-staging']]);
    if (out.status !== 'applied') return;
    assert.deepEqual(out.applied, {
      id: 'fix-f',
      argv: ['flyctl', 'secrets', 'set', 'HYBRID_BASE=https://router.example', '-a', 'beacon-runner-staging'],
      environment: 'staging',
      appliedAt: '2025-10-22T10:00:00.000Z',
      exitCode: 0,
      output: 'Secrets are staged; token *** updated\n',
      undoArgv: ['flyctl', 'secrets', 'unset', 'HYBRID_BASE', '-a', 'beacon-runner-staging'],
    });
  });

  it('a command that fails is recorded as failed, with its exit code', async () => {
    const r = recorder(1, 'Error: not authorized\n');
    const out = await applyFix(describeFix(rb, 'fix-h', TARGET), { trusted: true, target: TARGET, confirm: async () => true, exec: r.exec });
    assert.equal(out.status, 'failed');
    if (out.status === 'failed') assert.equal(out.applied.exitCode, 1);
  });

  it('a bad target value or an unknown fix is refused before anything is shown', () => {
    assert.throws(() => describeFix(rb, 'fix-f', { ...TARGET, flyApp: 'bad app; rm -rf /' }), TargetError);
    assert.throws(() => describeFix(rb, 'fix-z', TARGET), UnknownFixError);
  });

  it('after a fix: its re-run list, then the steps that did not pass', () => {
    const plan = describeFix(rb, 'fix-h', TARGET);
    assert.deepEqual(stepsToRerun(plan, [stepResult('1.5', 'fail'), stepResult('qw.4', 'fail'), stepResult('r.1', 'error'), stepResult('0.1', 'pass')]), ['1.5', 'qw.4', 'r.1']);
  });
});
