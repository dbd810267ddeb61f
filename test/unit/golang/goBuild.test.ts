// Beacon Debug: Build without VS Code: which environment makes `go build ./...` work (module and
// GOPATH-mode repositories), how its output becomes problems, and — with the real Go toolchain —
// that both modes build the runner-like fixture and that the problems point at the broken line.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runShellProbe } from '../../../src/engine/probes/shellProbe';
import { GO_BUILD_ARGV, goBuildSetup, parseGoBuildOutput, problemRange, utf16Column } from '../../../src/golang/goBuild';
import { findGo, SYSTEM_GOPATH } from './goTree';

const existing = (...files: string[]) => (p: string) => files.includes(p);

describe('golang: go build setup (module or GOPATH mode)', () => {
  it('a go.mod in the folder or above it: module mode, the environment untouched', () => {
    const s = goBuildSetup('/repo/runner-app', { GOPATH: '/x', GOFLAGS: '-mod=vendor' }, existing('/repo/go.mod'));
    assert.equal(s.mode, 'module');
    assert.deepEqual(s.env, {});
    assert.match(s.note, /\/repo\/go\.mod/);
    assert.equal(goBuildSetup('/w/a', {}, existing('/w/go.work')).mode, 'module', 'a go.work counts too');
  });

  it('no go.mod: GOPATH mode with GO111MODULE=off; the enclosing GOPATH tree goes first, the inherited GOPATH after it', () => {
    const s = goBuildSetup('/home/u/gp/src/github.com/beacon/runner-app', { GOPATH: '/usr/share/gocode' }, existing());
    assert.equal(s.mode, 'gopath');
    assert.deepEqual(s.env, { GO111MODULE: 'off', GOPATH: `/home/u/gp${path.delimiter}/usr/share/gocode` });
  });

  it('no GOPATH set: Go\'s default $HOME/go stays in the list (setting GOPATH replaces the default)', () => {
    const s = goBuildSetup('/t/gp/src/example.com/app', { HOME: '/home/u' }, existing());
    assert.equal(s.env.GOPATH, `/t/gp${path.delimiter}/home/u/go`);
  });

  it('the last `src` names the tree; a folder the inherited GOPATH already holds keeps it as it is', () => {
    assert.equal(goBuildSetup('/home/u/src/work/src/example.com/app', { GOPATH: '/g' }, existing()).env.GOPATH, `/home/u/src/work${path.delimiter}/g`);
    assert.deepEqual(goBuildSetup('/g/src/example.com/app', { GOPATH: `/a${path.delimiter}/g` }, existing()).env, { GO111MODULE: 'off' });
  });

  it('outside any GOPATH tree: GO111MODULE=off only, and the note says own imports will not resolve', () => {
    const s = goBuildSetup('/tmp/ws', { GOPATH: '/g' }, existing());
    assert.deepEqual(s.env, { GO111MODULE: 'off' });
    assert.match(s.note, /not in a GOPATH tree/);
  });

  it('the user\'s GO111MODULE wins: off forces GOPATH mode even with a go.mod; on keeps module mode without one', () => {
    assert.equal(goBuildSetup('/g/src/x', { GO111MODULE: 'off' }, existing('/g/src/x/go.mod')).mode, 'gopath');
    const on = goBuildSetup('/tmp/ws', { GO111MODULE: 'on' }, existing());
    assert.equal(on.mode, 'module');
    assert.deepEqual(on.env, {});
  });
});

describe('golang: go build output → problems', () => {
  const OUTPUT = [
    '# example.com/m/other',
    'other/b.go:8:11: cannot use T{} (value of type T) as type I in variable declaration:',
    '\tT does not implement I (wrong type for M method)',
    '\t\thave M(string)',
    '\t\twant M(int)',
    '# example.com/m/sub',
    './a.go:4:27: undefined: undefinedThing',
    '/abs/elsewhere/c.go:3: no column here',
    'many/c.go:11:15: cannot use "s" (untyped string constant) as int value in variable declaration',
    'many/c.go:11:15: too many errors',
    '',
  ].join('\r\n');

  it('file (relative to where go ran, or absolute), line, column, message with its continuation lines', () => {
    const { problems, other } = parseGoBuildOutput(OUTPUT, '/ws');
    assert.deepEqual(problems, [
      { file: '/ws/other/b.go', line: 8, column: 11, message: 'cannot use T{} (value of type T) as type I in variable declaration:\nT does not implement I (wrong type for M method)\nhave M(string)\nwant M(int)' },
      { file: '/ws/a.go', line: 4, column: 27, message: 'undefined: undefinedThing' },
      { file: '/abs/elsewhere/c.go', line: 3, message: 'no column here' },
      { file: '/ws/many/c.go', line: 11, column: 15, message: 'cannot use "s" (untyped string constant) as int value in variable declaration' },
    ]);
    assert.deepEqual(other, []);
  });

  it('what names no position is kept as the reason (go.mod not found, a bad pattern, a missing package)', () => {
    const r = parseGoBuildOutput("go: go.mod file not found in current directory or any parent directory; see 'go help modules'\n", '/ws');
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.other, ["go: go.mod file not found in current directory or any parent directory; see 'go help modules'"]);
    const p = parseGoBuildOutput('pattern ./...: directory prefix . does not contain main module or its selected dependencies\n', '/ws');
    assert.equal(p.other.length, 1);
  });

  it('columns: Go counts bytes of UTF-8, the editor UTF-16 units — they differ after an emoji', () => {
    const line = '\tl.Info().Msg("🔍 TRACE: entry"); undefinedThing()';
    const byteCol = Buffer.byteLength(line.slice(0, line.indexOf('undefinedThing')), 'utf8') + 1;
    assert.equal(utf16Column(line, byteCol), line.indexOf('undefinedThing'));
    assert.equal(utf16Column('\tx := 1', 2), 1, 'ASCII: the same, 0-based');
    assert.equal(utf16Column('é', 1), 0);
    assert.equal(utf16Column('ab', 9), 8, 'past the end of the line: counted on as ASCII');
  });

  it('the underline covers the identifier at the column, one character otherwise, the whole line without a column', () => {
    const line = '\treturn undefinedThing + s';
    assert.deepEqual(problemRange(line, 9), { start: 8, end: 22 });
    assert.deepEqual(problemRange('f(1, 2)', 2), { start: 1, end: 2 });
    assert.deepEqual(problemRange('abc', undefined), { start: 0, end: 3 });
    assert.deepEqual(problemRange('', 5), { start: 0, end: 0 });
  });
});

describe('golang: go build ./... with the real toolchain, in both modes', function () {
  this.timeout(5 * 60_000);
  const FIXTURE = path.resolve(__dirname, '../../../../test/go/src/github.com/beacon/runner-app');
  let tmp: string;

  before(() => {
    const found = findGo();
    if (found instanceof Error) throw found;
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-gobuild-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  async function build(folder: string, env: Record<string, string | undefined>) {
    const setup = goBuildSetup(folder, env, fs.existsSync);
    const base = { ...process.env, GOFLAGS: '', GOPROXY: 'off', GO111MODULE: '', ...env };
    const out = await runShellProbe({ argv: GO_BUILD_ARGV, cwd: folder, env: { ...(base as Record<string, string>), ...setup.env }, timeoutMs: 240_000 });
    return { setup, out, parsed: parseGoBuildOutput(out.transcript, folder) };
  }

  it('GOPATH mode: the runner-like tree under <tmp>/gp/src/github.com/beacon/runner-app builds with the Debian libraries', async () => {
    const repo = path.join(tmp, 'gp/src/github.com/beacon/runner-app');
    fs.cpSync(FIXTURE, repo, { recursive: true });
    const ok = await build(repo, { GOPATH: SYSTEM_GOPATH });
    assert.equal(ok.setup.mode, 'gopath');
    assert.equal(ok.out.exitCode, 0, ok.out.transcript);
    // the same without the derived GOPATH: Go ≥ 1.16 refuses (module mode, no go.mod)
    const plain = await runShellProbe({ argv: GO_BUILD_ARGV, cwd: repo, env: { GO111MODULE: '', GOFLAGS: '', GOPATH: SYSTEM_GOPATH }, timeoutMs: 120_000 });
    assert.notEqual(plain.exitCode, 0, 'without the setup the build fails: the setup is what makes it work');

    const file = path.join(repo, 'internal/models/models.go');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, `${text}\nvar _ = \"🔍\" + undefinedThing\n`);
    const broken = await build(repo, { GOPATH: SYSTEM_GOPATH });
    assert.notEqual(broken.out.exitCode, 0);
    const line = text.split('\n').length + 1;
    // byte 18 (the emoji is 4 bytes of UTF-8) is UTF-16 column 15 (2 units)
    assert.deepEqual(broken.parsed.problems.map((p) => [p.file, p.line, p.column, p.message]), [[file, line, 18, 'undefined: undefinedThing']]);
    assert.equal(utf16Column('var _ = "🔍" + undefinedThing', 18), 'var _ = "🔍" + '.length);
  });

  it('module mode: a module with a go.mod builds; a syntax error is a problem at its line', async () => {
    const mod = path.join(tmp, 'mod');
    fs.mkdirSync(path.join(mod, 'pkg'), { recursive: true });
    fs.writeFileSync(path.join(mod, 'go.mod'), 'module example.com/m\n\ngo 1.19\n');
    fs.writeFileSync(path.join(mod, 'pkg/p.go'), 'package pkg\n\nfunc F() int { return 1 }\n');
    const ok = await build(mod, {});
    assert.equal(ok.setup.mode, 'module');
    assert.equal(ok.out.exitCode, 0, ok.out.transcript);
    fs.writeFileSync(path.join(mod, 'pkg/p.go'), 'package pkg\n\nfunc F( int { return 1 }\n');
    const broken = await build(mod, {});
    assert.deepEqual(broken.parsed.problems.map((p) => [path.relative(mod, p.file), p.line]), [['pkg/p.go', 3]]);
  });

  it('no go.mod and no GOPATH tree: the reason is kept (no problem to show)', async () => {
    const loose = path.join(tmp, 'loose');
    fs.mkdirSync(loose);
    fs.writeFileSync(path.join(loose, 'main.go'), 'package main\n\nimport "example.com/nowhere"\n\nfunc main() { nowhere.X() }\n');
    const r = await build(loose, {});
    assert.notEqual(r.out.exitCode, 0);
    assert.match([...r.parsed.problems.map((p) => p.message), ...r.parsed.other].join('\n'), /cannot find package "example\.com\/nowhere"/);
  });
});
