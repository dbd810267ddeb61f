// Never lose a line: the adversarial defects D4, D13, D18 and D19, each through the CLI as a user
// runs it (and D4 / D19 through the instrumenter the lenses use too).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import nodeFs = require('node:fs');
import type { GoInstrumenter } from '../../../src/golang/instrumenter';
import { APP, ANCHOR_FILES as F, filesIn, instrumenter, readApp, siblingsOf, instrumentCli } from './fixture';

const cli = (...args: string[]) => instrumentCli('--no-compile', ...args);


/**
 * Makes `file` unwritable: by its mode, and — since root writes through any mode — by failing every
 * attempt to open it for writing, as a read-only mount would.
 */
function readOnly(file: string): () => void {
  fs.chmodSync(file, 0o444);
  if (process.getuid?.() !== 0) return () => fs.chmodSync(file, 0o644);
  const target = path.resolve(file);
  const denied = (p: unknown) => typeof p === 'string' && path.resolve(p) === target;
  const eacces = () => Object.assign(new Error(`EACCES: permission denied, open '${target}'`), { code: 'EACCES' });
  const real = { openSync: fs.openSync, writeFileSync: fs.writeFileSync, renameSync: fs.renameSync };
  const writing = (flags: unknown) => typeof flags === 'string' ? /[wa+]/.test(flags) : typeof flags === 'number' && (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) !== 0;
  // the module object itself (an `import * as` namespace is read-only); the CLI's namespace reads through to it
  const patched = nodeFs as unknown as Record<string, unknown>;
  patched.openSync = (p: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
    if (denied(p) && writing(flags)) throw eacces();
    return real.openSync(p, flags ?? 'r', mode);
  };
  patched.writeFileSync = (p: fs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView, opts?: fs.WriteFileOptions) => {
    if (denied(p)) throw eacces();
    return real.writeFileSync(p, data, opts);
  };
  patched.renameSync = (from: fs.PathLike, to: fs.PathLike) => {
    if (denied(to)) throw eacces();
    return real.renameSync(from, to);
  };
  return () => {
    Object.assign(patched, real);
    fs.chmodSync(file, 0o644);
  };
}

/** The 2.2 trace line the hot-fix is typed under. */
const TRACE = 'Msg("🔍 TRACE: Calling executor.Execute()")\n';
const HOTFIX = '\tif executor == nil { // my hot-fix\n\t\treturn ExecutionResult{Status: "failed"}\n\t}\n';

describe('golang: never lose a line (D4, D13, D18, D19)', function () {
  this.timeout(60_000);
  let dir: string;
  let ins: GoInstrumenter;

  before(async () => {
    ins = await instrumenter();
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-lines-'));
    fs.cpSync(APP, dir, { recursive: true });
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('D4: --remove refuses a block with lines the user typed in it, names them, writes nothing for it, exits 1; --check reports it', async () => {
    const file = path.join(dir, F.worker);
    assert.equal((await cli(file, '--step', '2.2')).code, 0);
    const inserted = fs.readFileSync(file, 'utf8');
    assert.ok(inserted.includes(TRACE));
    const edited = inserted.replace(TRACE, TRACE + HOTFIX);
    fs.writeFileSync(file, edited);
    const hotfixLine = edited.slice(0, edited.indexOf('// my hot-fix')).split('\n').length;

    const check = await cli(file, '--check');
    assert.equal(check.code, 1);
    assert.match(check.out, new RegExp(`job_runner\\.go:\\d+: edited block 2\\.2: line(s)? ${hotfixLine}[,–-]`));

    const rm = await cli(file, '--remove');
    assert.equal(rm.code, 1, rm.out + rm.err);
    assert.match(rm.out, new RegExp(`not removed 2\\.2: .*lines? ${hotfixLine}`));
    assert.equal(fs.readFileSync(file, 'utf8'), edited, 'nothing written for the edited block');

    const keep = await cli(file, '--remove', '--keep-my-lines');
    assert.equal(keep.code, 0, keep.out + keep.err);
    const kept = fs.readFileSync(file, 'utf8');
    assert.ok(!kept.includes('beacon-debug:'), 'the markers and the inserted lines are gone');
    assert.ok(kept.includes(HOTFIX), 'the user’s lines stay');
    assert.equal(kept.replace(HOTFIX, ''), fs.readFileSync(path.join(APP, F.worker), 'utf8'));
  });

  it('D4: --remove --force removes an edited block anyway', async () => {
    const file = path.join(dir, F.worker);
    await cli(file, '--step', '2.2');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(TRACE, TRACE + HOTFIX));
    const rm = await cli(file, '--remove', '--force');
    assert.equal(rm.code, 0, rm.out);
    assert.equal(fs.readFileSync(file, 'utf8'), fs.readFileSync(path.join(APP, F.worker), 'utf8'));
  });

  it('D4: the instrumenter (what the lenses use) sees the edited lines and removes only the inserted ones on request', () => {
    const base = readApp();
    const text = ins.insert(base.get(F.worker)!, ['2.2'], siblingsOf(base, F.worker)).text;
    const edited = text.replace(TRACE, TRACE + HOTFIX);
    const plan = ins.planRemove(edited);
    assert.deepEqual(plan.removed, []);
    assert.equal(plan.edited.length, 1);
    assert.equal(plan.edited[0].step, '2.2');
    assert.deepEqual(plan.edited[0].lines.map((l) => l.text.trim()), HOTFIX.trim().split('\n').map((l) => l.trim()));
    const kept = ins.remove(edited, undefined, { edited: 'keep-my-lines' }).text;
    assert.ok(kept.includes(HOTFIX) && !kept.includes('beacon-debug'));
    assert.equal(ins.remove(edited, undefined, { edited: 'remove' }).text, base.get(F.worker));
    // an untouched block is removed as before, and gofmt-style re-indentation is no edit
    assert.equal(ins.remove(text).text, base.get(F.worker));
    assert.equal(ins.planRemove(text.replace(/\t\tStr\(/g, '    Str(')).edited.length, 0);
  });

  it('D13: bytes that are not valid UTF-8 come back byte for byte after insert + remove', async () => {
    const file = path.join(dir, F.worker);
    const original = fs.readFileSync(file);
    const marker = Buffer.from('// executeQuestion runs one question');
    const at = original.indexOf(marker);
    assert.ok(at > 0);
    // a Latin-1 comment and a lone continuation byte: neither is UTF-8
    const hostile = Buffer.concat([original.subarray(0, at), Buffer.from([0x2f, 0x2f, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x20, 0x80, 0xff, 0x0a]), original.subarray(at)]);
    fs.writeFileSync(file, hostile);
    assert.equal((await cli(file)).code, 0);
    assert.ok(fs.readFileSync(file).includes(Buffer.from([0x66, 0xe9, 0x20, 0x80, 0xff])), 'the bytes are still there while instrumented');
    assert.equal((await cli(file, '--remove')).code, 0);
    assert.ok(fs.readFileSync(file).equals(hostile), 'byte-identical after insert + remove');
  });

  it('D18: one file that cannot be written: nothing is written anywhere, the command names the file, exit 2', async () => {
    const before = filesIn(dir);
    // the last file the walk reaches: the others would be written first
    const restore = readOnly(path.join(dir, F.worker));
    try {
      const r = await cli(dir);
      assert.equal(r.code, 2, r.out + r.err);
      assert.match(r.err, /cannot write .*job_runner\.go/);
    } finally {
      restore();
    }
    for (const [rel, bytes] of before) assert.ok(fs.readFileSync(path.join(dir, rel)).equals(bytes), `${rel} changed`);
  });

  it('D19: a hand-edited `was` line is not restored; --remove refuses the block and says why', async () => {
    const file = path.join(dir, F.worker);
    await cli(file, '--step', '2.1');
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(text.includes('// beacon-debug:was "ExecutionResult"'));
    const hostile = text.replace('// beacon-debug:was "ExecutionResult"', '// beacon-debug:was "ExecutionResult { os.Exit(1) }; func x() ExecutionResult"');
    fs.writeFileSync(file, hostile);
    const rm = await cli(file, '--remove');
    assert.equal(rm.code, 1, rm.out);
    assert.match(rm.out, /not removed 2\.1: .*was/);
    const after = fs.readFileSync(file, 'utf8');
    assert.ok(!after.includes('os.Exit(1) }; func x()') || after.includes('// beacon-debug:was "ExecutionResult { os.Exit(1)'), 'the hand-edited text never becomes code');
    assert.equal(after, hostile, 'nothing written');
    // --force restores the result list from the block's own declarations, never from the edited line
    const forced = await cli(file, '--remove', '--force');
    assert.equal(forced.code, 0, forced.out);
    assert.equal(fs.readFileSync(file, 'utf8'), fs.readFileSync(path.join(APP, F.worker), 'utf8'));
  });

  it('D19 (a block from the current release, no hash): a `was` line whose types do not match the block is not restored', () => {
    const base = readApp();
    const text = ins.insert(base.get(F.worker)!, ['2.1'], siblingsOf(base, F.worker)).text;
    const old = text.replace(/(\/\/ beacon-debug:end 2\.1)[^\n]*/g, '$1'); // markers as the current release wrote them
    assert.equal(ins.remove(old).text, base.get(F.worker), 'hashless blocks are still removed');
    const hostile = old.replace('// beacon-debug:was "ExecutionResult"', '// beacon-debug:was "int { panic(0) }"');
    const r = ins.remove(hostile);
    assert.ok(!r.text.includes('int { panic(0) }\n') || r.text.includes('was "int { panic(0) }"'), 'the edited text never becomes code');
    assert.ok(r.skipped.some((s) => s.step === '2.1' && /was/.test(s.reason)), JSON.stringify(r.skipped));
  });
});
