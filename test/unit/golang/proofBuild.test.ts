// The proof before an edit, with the real Go toolchain: a module that builds (test/fixtures/
// proofdemo) where step 2.2 does not compile (its JobSpec has no Questions) and step 2.1 does; a file
// outside any GOPATH or module; no toolchain; a cancelled build. Nothing is ever written next to the
// user's files. Then the CLI: skipped with exit 1 unless --force, and --nearest for a refused step.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCaptured } from '../../../src/engine/probes/capturedCommand';
import type { GoInstrumenter } from '../../../src/golang/instrumenter';
import { InsertionProver } from '../../../src/golang/proofBuild';
import type { StepId } from '../../../src/golang/steps';
import { applyEdits } from '../../../src/golang/textEdits';
import { APP, filesIn, instrumenter, ROOT, instrumentCli } from './fixture';
import { findGo } from './goTree';

const DEMO = path.join(ROOT, 'test/fixtures/proofdemo');


const cli = instrumentCli;

describe('golang: the proof before an edit (go build -overlay)', function () {
  this.timeout(180_000);
  let ins: GoInstrumenter;
  let dir: string;
  const env = () => ({ ...process.env, GOFLAGS: '', GOPROXY: 'off', GOTOOLCHAIN: 'local' });

  before(async () => {
    const go = findGo();
    if (go instanceof Error) throw go;
    ins = await instrumenter();
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-proof-test-'));
    fs.cpSync(DEMO, dir, { recursive: true });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const planned = (file: string, step: StepId) => {
    const text = fs.readFileSync(file, 'utf8');
    const plan = ins.planInsert(text, step, []);
    assert.ok(!('skipped' in plan), JSON.stringify(plan));
    return { text, after: applyEdits(text, plan.edits) };
  };

  it('an insertion that adds errors is reported with the compiler’s message; one that builds is proven; nothing is written', async () => {
    const file = path.join(dir, 'worker/job_runner.go');
    const before = filesIn(dir);
    const prover = new InsertionProver({ run: runCaptured, env: env() });
    const bad = planned(file, '2.2');
    const refused = await prover.prove(file, bad.text, bad.after);
    assert.equal(refused.kind, 'adds-errors', JSON.stringify(refused));
    assert.match((refused as { message: string }).message, /job_runner\.go:\d+:\d+: spec\.Questions undefined/);
    const good = planned(file, '2.1');
    const proven = await prover.prove(file, good.text, good.after);
    assert.equal(proven.kind, 'built', JSON.stringify(proven));
    assert.equal(prover.stats.builds, 3, 'the build without the insertion ran once for both');
    assert.deepEqual(filesIn(dir), before, 'the user’s folder is as it was: no file changed, no binary left');
  });

  it('a package that does not build without the insertion either: not compiled, with Go’s reason', async () => {
    const lone = path.join(dir, 'lone');
    fs.mkdirSync(lone);
    const file = path.join(lone, 'job_runner.go');
    fs.copyFileSync(path.join(APP, 'internal/worker/job_runner.go'), file);
    const { text, after } = planned(file, '2.1');
    const r = await new InsertionProver({ run: runCaptured, env: { ...env(), GO111MODULE: 'off', GOPATH: '' } }).prove(file, text, after);
    assert.equal(r.kind, 'not-compiled');
    assert.match((r as { reason: string }).reason, /^the package does not build without the insertion either: .*(cannot find package|not in GOROOT|undefined)/);
  });

  it('no toolchain: not compiled, no Go toolchain', async () => {
    const file = path.join(dir, 'worker/job_runner.go');
    const { text, after } = planned(file, '2.1');
    const r = await new InsertionProver({ run: runCaptured, env: env(), go: path.join(dir, 'no-such-go') }).prove(file, text, after);
    assert.deepEqual([r.kind, (r as { reason: string }).reason.startsWith('no Go toolchain')], ['not-compiled', true]);
  });

  it('a cancelled proof says so and proves nothing', async () => {
    const file = path.join(dir, 'worker/job_runner.go');
    const { text, after } = planned(file, '2.1');
    const abort = new AbortController();
    abort.abort();
    const r = await new InsertionProver({ run: runCaptured, env: env(), signal: abort.signal }).prove(file, text, after);
    assert.equal(r.kind, 'cancelled');
  });

  it('CLI: a step whose insertion adds errors is skipped (exit 1, file untouched) unless --force', async () => {
    const file = path.join(dir, 'worker/job_runner.go');
    const original = fs.readFileSync(file);
    const saved = { GOFLAGS: process.env.GOFLAGS, GOPROXY: process.env.GOPROXY };
    Object.assign(process.env, { GOFLAGS: '', GOPROXY: 'off' });
    try {
      const r = await cli(file, '--step', '2.1,2.2');
      assert.equal(r.code, 1, r.out + r.err);
      assert.match(r.out, /job_runner\.go: inserted 2\.1 \(panic recovery\)/);
      assert.match(r.out, /  skipped 2\.2: the insertion does not build: job_runner\.go:\d+:\d+: spec\.Questions undefined.* \(--force inserts it anyway\)/);
      assert.ok(!fs.readFileSync(file, 'utf8').includes('beacon-debug:begin 2.2'));
      assert.ok(fs.readFileSync(file, 'utf8').includes('beacon-debug:begin 2.1'));
      const forced = await cli(file, '--step', '2.2', '--force');
      assert.equal(forced.code, 0, forced.out);
      assert.match(forced.out, /not compiled 2\.2: inserted with --force although it does not build: /);
      assert.equal((await cli(file, '--remove')).code, 0);
      assert.ok(fs.readFileSync(file).equals(original));
    } finally {
      Object.assign(process.env, saved);
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    }
  });

  it('CLI: a wiring step that cannot observe the wiring is refused with the nearest valid point; --nearest inserts it there and it builds', async () => {
    const file = path.join(dir, 'cmd/wired/main.go');
    const r = await cli(file, '--step', 'fix-g');
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /  skipped fix-g: SetHybridClient is called on line 22 inside a function literal \(lines 19–24\) that may run after line 24; insert it inside that function instead\?; nearest valid point: line 24 \(inside the function literal, after the SetHybridClient call\), --nearest inserts it there/);
    const n = await cli(file, '--step', 'fix-g', '--nearest');
    assert.equal(n.code, 0, n.out);
    assert.match(n.out, /inserted fix-g/);
    assert.ok(!/not compiled/.test(n.out), n.out);
  });
});
