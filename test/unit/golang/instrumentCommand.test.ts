import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { APP, ANCHOR_FILES as F, filesIn, instrumentCli } from './fixture';

const cli = instrumentCli;


describe('cli: beacon-debug instrument', function () {
  this.timeout(60_000);
  let dir: string;
  let before: Map<string, Buffer>;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-cli-'));
    fs.cpSync(APP, dir, { recursive: true });
    before = filesIn(dir);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('usage errors exit 2 with a clear message', async () => {
    for (const [args, msg] of [
      [[], /no FILE given/],
      [['--step', '9.9', dir], /unknown step "9\.9"/],
      [['--step'], /--step needs a value/],
      [['--frobnicate', dir], /unknown option --frobnicate/],
      [['--check', '--remove', dir], /do not go together/],
      [[path.join(dir, 'nope.go')], /no such file or directory/],
    ] as [string[], RegExp][]) {
      const r = await cli(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, msg);
      assert.match(r.err, /Usage: beacon-debug instrument FILE…/);
    }
    assert.equal((await cli('--help')).code, 0);
  });

  it('--check exits 0 on a clean tree and 1 listing every marker once instrumented; --remove restores it', async () => {
    const clean = await cli(dir, '--check');
    assert.equal(clean.code, 0);
    assert.match(clean.out, /no beacon-debug markers in/);

    const ins = await cli(dir);
    assert.equal(ins.code, 0, ins.err);
    assert.match(ins.out, /job_runner\.go: inserted 2\.1 \(panic recovery\), 2\.2 \(executor call trace\), 5\.1 \(context-cancellation watcher\)/);
    assert.match(ins.out, /client\.go: inserted 2\.4/);
    assert.match(ins.out, /main\.go: inserted 0\.3 .*fix-g/);

    const check = await cli(dir, '--check');
    assert.equal(check.code, 1);
    const worker = fs.readFileSync(path.join(dir, F.worker), 'utf8').split('\n');
    const markerLines = worker.map((l, i) => [l.trim(), i + 1] as const).filter(([l]) => l.startsWith('// beacon-debug:begin') || l.startsWith('// beacon-debug:end'));
    // the end marker's sum is not printed: the lines are the marker words tools grep for
    for (const [l, n] of markerLines) assert.ok(check.out.includes(`${path.join(dir, F.worker)}:${n}: ${l.replace(/ #\S+$/, '')}\n`), `${l} at ${n}`);
    assert.match(check.out, /remove the instrumentation before deploying/);

    const json = await cli(dir, '--check', '--json', '--step', '2.4');
    assert.equal(json.code, 1);
    const parsed = JSON.parse(json.out) as { file: string; markers: { step: string }[] }[];
    assert.ok(parsed.every((f) => f.markers.every((m) => m.step === '2.4')));
    assert.equal(parsed.find((f) => f.file.endsWith('client.go'))!.markers.length, 4);

    const rm = await cli(dir, '--remove');
    assert.equal(rm.code, 0, rm.err);
    assert.deepEqual(filesIn(dir), before, 'byte for byte');
    assert.equal((await cli(dir, '--check')).code, 0);
  });

  it('--json: one object per file with inserted and skipped {step, reason}', async () => {
    const r = await cli(path.join(dir, F.worker), path.join(dir, F.client), '--step', '2.1,2.4', '--json', '--no-compile');
    assert.equal(r.code, 0, r.err);
    const out = JSON.parse(r.out) as unknown;
    assert.deepEqual(out, [
      { file: path.join(dir, F.worker), inserted: ['2.1'], skipped: [{ step: '2.4', reason: 'no method RunInference on Client in this file' }] },
      { file: path.join(dir, F.client), inserted: ['2.4'], skipped: [{ step: '2.1', reason: 'no method executeQuestion on JobRunner in this file' }] },
    ]);
    const again = JSON.parse((await cli(path.join(dir, F.worker), '--step', '2.1', '--json', '--no-compile')).out) as { skipped: unknown[] }[];
    assert.deepEqual(again[0].skipped, [{ step: '2.1', reason: 'already inserted' }]);
    const rm = JSON.parse((await cli(path.join(dir, F.worker), '--remove', '--json')).out) as unknown;
    assert.deepEqual(rm, [{ file: path.join(dir, F.worker), inserted: [], removed: ['2.1'], skipped: [] }]);
  });

  it('--dry-run shows the change and writes nothing', async () => {
    const r = await cli(path.join(dir, F.client), '--dry-run');
    assert.equal(r.code, 0);
    assert.match(r.out, /would insert 2\.4/);
    assert.match(r.out, /^\+\t\/\/ beacon-debug:begin 2\.4$/m);
    assert.match(r.out, /\(dry run: nothing written\)/);
    assert.deepEqual(filesIn(dir), before);
  });
});
