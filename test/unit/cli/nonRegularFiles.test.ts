// Only regular files are read, with a size limit (issue 11 D7): a FIFO named `*.go` beside the
// target or as `beacon-debug.json` used to hang `open()` (Ctrl+C could not stop it, and the
// extension reads sibling Go files on its host thread); `/dev/zero` crashed with bad_alloc.
// The CLI runs as a real process with a deadline, so a hang fails the test instead of the run.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readSiblingSources } from '../../../src/golang/packageSources';
import { readRegularFileSync } from '../../../src/shared/regularFile';
import { cliArgs } from './cliProcess';
import { tempDir } from '../engine/procHelpers';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const WORKER = path.join(ROOT, 'test', 'go', 'src', 'github.com', 'beacon', 'runner-app', 'internal', 'worker', 'job_runner.go');

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, cliArgs(args), { cwd, encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr, timedOut: r.error?.message.includes('ETIMEDOUT') ?? false };
}

describe('only regular files are read (issue 11 D7)', function () {
  this.timeout(60_000);
  let dir: string;
  before(function () {
    if (process.platform === 'win32') this.skip();
    dir = tempDir('beacon-fifo-');
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  const pkg = () => {
    const d = fs.mkdtempSync(path.join(dir, 'pkg-'));
    fs.copyFileSync(WORKER, path.join(d, 'job_runner.go'));
    return d;
  };

  it('instrument: a FIFO named *.go beside the target is skipped, the target is instrumented', () => {
    const d = pkg();
    execFileSync('mkfifo', [path.join(d, 'trap.go')]);
    const r = cli(['instrument', 'job_runner.go', '--step', '2.1', '--dry-run'], d);
    assert.equal(r.signal, null, `hung: ${r.err}`);
    assert.equal(r.code, 0, r.err);
  });

  it('instrument: /dev/zero linked as *.go beside the target is skipped (no bad_alloc)', () => {
    const d = pkg();
    fs.symlinkSync('/dev/zero', path.join(d, 'zero.go'));
    const r = cli(['instrument', 'job_runner.go', '--step', '2.1', '--dry-run'], d);
    assert.equal(r.signal, null, `hung or crashed: ${r.err}`);
    assert.equal(r.code, 0, r.err);
  });

  it('instrument: a FIFO given as the file is refused with exit 2', () => {
    const d = pkg();
    execFileSync('mkfifo', [path.join(d, 'trap.go')]);
    const r = cli(['instrument', 'trap.go'], d);
    assert.equal(r.signal, null, 'hung');
    assert.equal(r.code, 2);
    assert.match(r.err, /trap\.go is a FIFO, not a regular file/);
  });

  it('run --env: beacon-debug.json as a FIFO is refused with exit 2', () => {
    const d = fs.mkdtempSync(path.join(dir, 'repo-'));
    execFileSync('mkfifo', [path.join(d, 'beacon-debug.json')]);
    const r = cli(['run', '--env', 'production'], d);
    assert.equal(r.signal, null, 'hung');
    assert.equal(r.code, 2);
    assert.match(r.err, /beacon-debug\.json is a FIFO, not a regular file/);
  });

  it('run --runbook: a FIFO or /dev/zero is refused with exit 2', () => {
    const d = fs.mkdtempSync(path.join(dir, 'repo-'));
    execFileSync('mkfifo', [path.join(d, 'plan.runbook.yaml')]);
    const flags = ['--runner-url', 'http://127.0.0.1:9', '--router-url', 'http://127.0.0.1:9', '--fly-app', 'app'];
    const r = cli(['run', '--runbook', 'plan.runbook.yaml', ...flags], d);
    assert.equal(r.signal, null, 'hung');
    assert.equal(r.code, 2);
    const z = cli(['run', '--runbook', '/dev/zero', ...flags], d);
    assert.equal(z.signal, null, 'hung or crashed');
    assert.equal(z.code, 2);
    assert.match(z.err, /not a regular file/);
  });

  it('the extension host path (readSiblingSources) returns at once beside a FIFO and /dev/zero', () => {
    const d = pkg();
    execFileSync('mkfifo', [path.join(d, 'trap.go')]);
    fs.symlinkSync('/dev/zero', path.join(d, 'zero.go'));
    fs.writeFileSync(path.join(d, 'other.go'), 'package worker\n');
    const started = Date.now();
    assert.deepEqual(readSiblingSources(path.join(d, 'job_runner.go')), ['package worker\n']);
    assert.ok(Date.now() - started < 2000);
  });

  it('readRegularFileSync: a file that grows past the limit is refused', () => {
    const f = path.join(dir, 'big.txt');
    fs.writeFileSync(f, 'x'.repeat(2048));
    assert.equal(readRegularFileSync(f, 4096).length, 2048);
    assert.throws(() => readRegularFileSync(f, 1024), /larger than 1 KB/);
  });
});
