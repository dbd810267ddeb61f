import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import * as path from 'node:path';
import { ProbeCache } from '../../../src/engine/probes/probeCache';
import { runSteps } from '../../../src/engine/runner';
import { SelectionError } from '../../../src/engine/selection';
import { TargetError } from '../../../src/engine/target';
import type { RunEvent, Target } from '../../../src/engine/types';
import { Runbook } from '../../../src/runbook/schema';
import { alive, killLeftovers, remember, tempDir, waitFor, writeScript } from './procHelpers';

const CANARY = 'canary-admin-7f3a';

function book(steps: object[], phases: object[] = [], extra: object = {}): Runbook {
  return Runbook.parse({
    schemaVersion: 1, id: 't', title: 'T', keyInsight: { title: 'k', text: 'k' },
    quickWins: { title: 'QW', text: '', steps },
    phases: phases.length ? phases : [{ id: 'phase-9', title: 'P', steps: [{ id: '9.1', title: 'manual', text: '', manual: true }] }],
    ...extra,
  });
}

/**
 * A runbook names no program (runbook/commandPolicy): the target's flyctlPath is this Node, so a
 * command of Node becomes `${tool.flyctl} …`, a script `${tool.flyctl} script …`, psql `${tool.psql}`.
 */
function userTool(argv: string[]): string[] {
  if (argv[0] === process.execPath) return ['${tool.flyctl}', ...argv.slice(1)];
  if (argv[0] === 'psql') return ['${tool.psql}', ...argv.slice(1)];
  return ['${tool.flyctl}', ...argv];
}

const shellCheck = (id: string, argv: string[], over: object = {}) => ({
  id, label: id, probe: { type: 'shell', argv: userTool(argv) },
  extract: [{ regex: 'value=(\\S+)', fact: `${id}.value` }],
  otherwise: { verdict: 'pass', reason: `ok ${'${fact:'}${id}.value}` }, ...over,
});

describe('engine/runner', function () {
  this.timeout(30_000);
  let dir: string;
  let server: http.Server;
  let base: string;
  const seen: { url: string; auth?: string }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const sockets = new Set<Socket>();
  let target: Target;

  before(async () => {
    dir = tempDir('beacon-runner-');
    server = http.createServer((req, res) => {
      seen.push({ url: req.url!, auth: req.headers.authorization });
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const reply = () => {
        inFlight--;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ path: req.url, echo: `token ${CANARY}`, n: 3 }));
      };
      setTimeout(reply, req.url!.startsWith('/slow') ? 60 : 0);
    });
    server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    target = { name: 'test', flyApp: 'beacon-runner-test', runnerUrl: base, routerUrl: base, flyctlPath: process.execPath, psqlPath: 'psql', adminToken: CANARY };
  });
  after(async () => {
    killLeftovers();
    for (const s of sockets) s.destroy();
    await new Promise((r) => server.close(r));
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    seen.length = 0;
    maxInFlight = 0;
  });

  it('runs independent steps concurrently (each process waits for all three to have started)', async () => {
    const barrier = writeScript(dir, 'barrier.js', `
const fs = require('fs'); const path = require('path');
const [dir, me] = process.argv.slice(2);
fs.writeFileSync(path.join(dir, me), '');
const t = setInterval(() => { if (['a','b','c'].every((x) => fs.existsSync(path.join(dir, x)))) { clearInterval(t); console.log('value=' + me); } }, 10);`);
    const bdir = fs.mkdtempSync(path.join(dir, 'barrier-'));
    const rb = book(['a', 'b', 'c'].map((x) => ({ id: `qw.${x}`, title: x, text: '', checks: [shellCheck(x, [barrier, bdir, x])] })));
    const out = await runSteps(rb, target, { only: ['quick-wins'], timeoutSeconds: 10 });
    assert.deepEqual(out.results.map((r) => [r.id, r.verdict, r.reason]), [['qw.a', 'pass', 'ok a'], ['qw.b', 'pass', 'ok b'], ['qw.c', 'pass', 'ok c']]);
    assert.equal(out.facts['b.value'].value, 'b');
    assert.equal(out.facts['b.value'].step, 'qw.b');
    assert.equal(out.facts['b.value'].line, 'value=b');
  });

  it('respects the concurrency limit', async () => {
    const rb = book([1, 2, 3, 4].map((i) => ({ id: `qw.${i}`, title: `${i}`, text: '', checks: [{ id: 'h', label: 'h', probe: { type: 'http', url: `${base}/slow/${i}` }, otherwise: { verdict: 'pass', reason: 'ok' } }] })));
    await runSteps(rb, target, { only: ['quick-wins'], concurrency: 1 });
    assert.equal(seen.length, 4);
    assert.equal(maxInFlight, 1);
  });

  it('a step waits for the steps it comes `after`, and reads their facts', async () => {
    const rb = book([
      { id: 'qw.late', title: 'late', text: '', after: ['qw.early'], checks: [shellCheck('late', [process.execPath, '-e', 'console.log("value=x")'], {
        rules: [{ when: { fact: 'early.value', op: 'eq', value: 'first' }, verdict: 'warn', reason: 'saw ${fact:early.value}' }],
      })] },
      { id: 'qw.early', title: 'early', text: '', checks: [shellCheck('early', [process.execPath, '-e', 'setTimeout(() => console.log("value=first"), 200)'])] },
    ]);
    const events: RunEvent[] = [];
    const out = await runSteps(rb, target, { only: ['quick-wins'], onEvent: (e) => events.push(e) });
    assert.equal(out.results[0].verdict, 'warn');
    assert.equal(out.results[0].reason, 'saw first');
    const order = events.filter((e) => e.type === 'stepStarted' || e.type === 'stepFinished').map((e) => `${e.type}:${e.type === 'stepStarted' ? e.step : (e as { result: { id: string } }).result.id}`);
    assert.ok(order.indexOf('stepFinished:qw.early') < order.indexOf('stepStarted:qw.late'), order.join(' '));
  });

  it('one answer per endpoint per run: the second check gets the cached answer, even while the first waits', async () => {
    const probe = { type: 'http', url: `${base}/slow/admin`, auth: 'adminToken' };
    const rb = book([
      { id: 'qw.1', title: '1', text: '', checks: [{ id: 'a', label: 'a', probe, extract: [{ json: 'n', fact: 'n' }], otherwise: { verdict: 'pass', reason: 'n=${fact:n}' } }] },
      { id: 'qw.2', title: '2', text: '', checks: [{ id: 'b', label: 'b', probe, otherwise: { verdict: 'pass', reason: 'again' } }] },
    ]);
    const events: RunEvent[] = [];
    const out = await runSteps(rb, target, { only: ['quick-wins'], onEvent: (e) => events.push(e) });
    assert.equal(seen.length, 1);
    assert.equal(seen[0].auth, `Bearer ${CANARY}`);
    assert.equal(out.results[0].checks[0].cached, undefined);
    assert.equal(out.results[1].checks[0].cached, true);
    assert.ok(events.some((e) => e.type === 'output' && e.step === 'qw.2' && /one call per endpoint per run/.test(e.text)));

    const shared = new ProbeCache();
    await runSteps(rb, target, { only: ['qw.1'], cache: shared });
    await runSteps(rb, target, { only: ['qw.1'], cache: shared });
    assert.equal(seen.length, 2, 'a shared cache spans runs');
    await runSteps(rb, target, { only: ['quick-wins'], cache: false });
    assert.equal(seen.length, 4, 'cache: false asks every time');
  });

  it('secrets never leave the engine: events, results, facts', async () => {
    const rb = book([
      { id: 'qw.1', title: '1', text: '', checks: [{ id: 'h', label: 'h', probe: { type: 'http', url: `${base}/x`, auth: 'adminToken' }, extract: [{ json: 'echo', fact: 'echo' }], otherwise: { verdict: 'pass', reason: '${fact:echo}' } }] },
      { id: 'qw.2', title: '2', text: '', checks: [shellCheck('s', [process.execPath, '-e', `process.stdout.write("ADMIN_TOKEN=${CANARY.slice(0, 6)}"); setTimeout(() => console.log("${CANARY.slice(6)}\\nvalue=${CANARY}"), 50)`])] },
    ]);
    const events: RunEvent[] = [];
    const out = await runSteps(rb, target, { only: ['quick-wins'], onEvent: (e) => events.push(e) });
    const everything = JSON.stringify({ events, out });
    const at = everything.indexOf(CANARY);
    assert.ok(at < 0, `the canary leaked: …${everything.slice(Math.max(0, at - 200), at + 40)}`);
    assert.equal(out.results[0].reason, 'token ***');
    assert.ok(events.some((e) => e.type === 'output' && e.text.includes('ADMIN_TOKEN=***')));
  });

  it('emits every event of a run in order', async () => {
    const rb = book([{ id: 'qw.1', title: '1', text: '', checks: [shellCheck('s', [process.execPath, '-e', 'console.log("value=1")'], { probe: { type: 'shell', argv: userTool([process.execPath, '-e', 'console.log("value=1")']), vantage: 'this machine' } })] }]);
    const events: RunEvent[] = [];
    await runSteps(rb, target, { only: ['qw.1'], onEvent: (e) => events.push(e) });
    assert.deepEqual(events.map((e) => e.type), ['runStarted', 'stepStarted', 'checkStarted', 'output', 'checkFinished', 'stepFinished', 'runFinished']);
    const started = events[2] as Extract<RunEvent, { type: 'checkStarted' }>;
    assert.match(started.command, /node.* -e 'console\.log\("value=1"\)'$/);
    assert.equal(started.vantage, 'this machine');
    assert.deepEqual((events[0] as Extract<RunEvent, { type: 'runStarted' }>).steps, ['qw.1']);
  });

  it('manual, instrumentation-only and fix steps are not run; unmet requirements skip with the reason', async () => {
    const rb = book(
      [{ id: 'qw.1', title: '1', text: '', checks: [{ id: 'adm', label: 'adm', requires: ['adminToken'], probe: { type: 'http', url: `${base}/admin` }, otherwise: { verdict: 'pass', reason: 'ok' } }] }],
      [{ id: 'phase-2', title: 'P2', steps: [
        { id: '2.1', title: 'instr', text: '', instrument: { snippet: '2.1', anchor: 'func executeQuestion' } },
        { id: '4.f', title: 'fix', text: '', fix: 'fix-f' },
        { id: '3.a', title: 'manual', text: '', manual: true },
        { id: '5.3', title: 'db', text: '', requires: ['databaseUrl'], checks: [shellCheck('db', ['psql'])] },
      ] }],
      { fixes: [{ id: 'fix-f', title: 'F', text: '', kind: 'command', argv: ['${tool.flyctl}'] }] },
    );
    const out = await runSteps(rb, { ...target, adminToken: undefined }, {});
    assert.deepEqual(out.results.map((r) => [r.id, r.verdict]), [['qw.1', 'skipped'], ['2.1', 'skipped'], ['4.f', 'skipped'], ['3.a', 'pending'], ['5.3', 'skipped']]);
    assert.match(out.results[0].reason, /needs the environment's admin token/);
    assert.match(out.results[1].reason, /Instrumentation 2\.1: insert it with its code lens/);
    assert.match(out.results[4].reason, /needs the environment's database URL/);
    assert.equal(seen.length, 0);
  });

  it('a failed preflight stops the run with the fix in the reason; nothing else runs', async () => {
    const rb = book(
      [{ id: 'qw.1', title: '1', text: '', checks: [{ id: 'h', label: 'h', probe: { type: 'http', url: `${base}/x` }, otherwise: { verdict: 'pass', reason: 'ok' } }] }],
      [],
      { preflight: [{ id: 'tool', label: 'tool present', probe: { type: 'shell', argv: ['${tool.flyctl}', 'version'] }, otherwise: { verdict: 'pass', reason: 'ok' } }] },
    );
    const out = await runSteps(rb, { ...target, flyctlPath: path.join(dir, 'missing', 'flyctl') }, { preflight: true });
    assert.equal(out.preflight[0].verdict, 'error');
    assert.match(out.preflight[0].reason, /Install flyctl/);
    assert.equal(out.results[0].verdict, 'skipped');
    assert.match(out.results[0].reason, /^Not run: preflight failed — .*Install flyctl/);
    assert.equal(seen.length, 0);
  });

  it('cancel: the running check is killed with its tree, the rest is skipped', async () => {
    const hang = writeScript(dir, 'hang.js', `const { spawn } = require('child_process'); const gc = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); console.log('PIDS ' + process.pid + ' ' + gc.pid); setInterval(() => {}, 1000);`);
    const rb = book([
      { id: 'qw.1', title: '1', text: '', checks: [shellCheck('hang', [hang]), shellCheck('next', [process.execPath, '-e', '1'])] },
      { id: 'qw.2', title: '2', text: '', after: ['qw.1'], checks: [shellCheck('after', [process.execPath, '-e', '1'])] },
    ]);
    const ac = new AbortController();
    let pids: number[] = [];
    const out = await runSteps(rb, target, {
      only: ['quick-wins'], signal: ac.signal, killGraceMs: 300,
      onEvent: (e) => {
        const m = e.type === 'output' ? /PIDS (\d+) (\d+)/.exec(e.text) : null;
        if (m) {
          pids = [Number(m[1]), Number(m[2])];
          remember(...pids);
          ac.abort();
        }
      },
    });
    assert.equal(out.cancelled, true);
    assert.equal(out.results[0].checks[0].verdict, 'error');
    assert.match(out.results[0].checks[0].reason, /cancelled/);
    assert.equal(out.results[0].checks[1].verdict, 'skipped');
    assert.equal(out.results[1].verdict, 'skipped');
    assert.match(out.results[1].reason, /cancelled/);
    await waitFor(() => pids.length === 2 && !alive(pids[0]) && !alive(pids[1]), 5000, 'the process tree to be gone');
  });

  it('a bad target or an unknown placeholder fails before any process starts', async () => {
    const marker = path.join(dir, 'started');
    const rb = book([{ id: 'qw.1', title: '1', text: '', checks: [shellCheck('s', [process.execPath, '-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`])] }]);
    await assert.rejects(runSteps(rb, { ...target, flyApp: 'x; touch pwned' }), TargetError);
    const bad = book([
      { id: 'qw.1', title: '1', text: '', checks: [shellCheck('s', [process.execPath, '-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`])] },
      { id: 'qw.2', title: '2', text: '', checks: [shellCheck('t', ['${runner.secret}'])] },
    ]);
    await assert.rejects(runSteps(bad, target), /unknown placeholder \$\{runner\.secret\}/);
    assert.equal(fs.existsSync(marker), false);
  });

  it('selects quick-wins, phase-N and step ids; rejects unknown ones and `after` cycles', async () => {
    const rb = book(
      [{ id: 'qw.1', title: '1', text: '', manual: true }, { id: 'qw.2', title: '2', text: '', manual: true }],
      [{ id: 'phase-1', title: 'P1', steps: [{ id: '1.1', title: 'a', text: '', manual: true }] }],
    );
    assert.deepEqual((await runSteps(rb, target, { only: ['phase-1', 'qw.2'] })).results.map((r) => r.id), ['qw.2', '1.1']);
    assert.deepEqual((await runSteps(rb, target, {})).results.map((r) => r.id), ['qw.1', 'qw.2', '1.1']);
    await assert.rejects(runSteps(rb, target, { only: ['phase-7'] }), SelectionError);
    const cyc = book([{ id: 'qw.1', title: '1', text: '', manual: true, after: ['qw.2'] }, { id: 'qw.2', title: '2', text: '', manual: true, after: ['qw.1'] }]);
    await assert.rejects(runSteps(cyc, target, {}), /steps wait for each other/);
  });

  it('injected delay is added to every check (the benchmark hook)', async () => {
    const rb = book([{ id: 'qw.1', title: '1', text: '', checks: [shellCheck('s', [process.execPath, '-e', '1'])] }]);
    const out = await runSteps(rb, target, { only: ['qw.1'], injectDelayMs: 300 });
    assert.ok(out.results[0].checks[0].durationMs >= 300);
  });
});
