// Proves with the real Go toolchain (Debian's golang-go, zerolog and gin, GOPATH mode) that every
// snippet, on every fixture variant, parses (gofmt -e), vets, builds, behaves (go test), and that
// removal restores the file byte for byte — also after a gofmt in between.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GoInstrumenter } from '../../../src/golang/instrumenter';
import { STEP_IDS } from '../../../src/golang/steps';
import { instrumenter } from './fixture';
import { buildTree, findGo, goEnv, run, TEST_ROOT, type GoTree } from './goTree';
import { VARIANTS } from './variants';

describe('golang: instrumented fixture variants with the Go toolchain', function () {
  this.timeout(20 * 60_000);
  let ins: GoInstrumenter;
  let tree: GoTree;
  let tools: { go: string; gofmt: string };
  const srcRoot = () => path.join(tree.gopath, 'src', TEST_ROOT);

  before(async () => {
    const found = findGo();
    if (found instanceof Error) throw found; // a failure, not a skip: these tests are the proof
    tools = found;
    ins = await instrumenter();
    tree = buildTree(ins);
  });

  after(() => {
    if (tree && !process.env.BEACON_KEEP_GO_TREE) fs.rmSync(tree.gopath, { recursive: true, force: true });
    else if (tree) console.log(`      (Go tree kept at ${tree.gopath})`);
  });

  it('inserts every snippet into every variant', () => {
    const failures = tree.records.filter((r) => !r.label.startsWith('all-minus') && r.skipped.length).map((r) => `${r.variant} ${r.label}: ${r.skipped.map((s) => `${s.step} (${s.reason})`).join('; ')}`);
    assert.deepEqual(failures, []);
    for (const v of VARIANTS) {
      const steps = new Set(tree.records.filter((r) => r.variant === v.name && !r.label.startsWith('all')).flatMap((r) => r.inserted));
      assert.deepEqual([...steps].sort(), [...STEP_IDS].sort(), v.name);
    }
  });

  it('gofmt -e parses every instrumented file, and gofmt-clean files stay clean', async () => {
    const r = await run(tools.gofmt, ['-e', '-l', srcRoot()], { cwd: tree.gopath });
    assert.equal(r.code, 0, `gofmt -e failed:\n${r.stderr}`);
    const listed = new Set(r.stdout.split('\n').filter(Boolean).map((f) => path.resolve(f)));
    // the variants written unformatted on purpose are listed: gofmt -l does see formatting
    assert.ok(tree.records.some((x) => !x.gofmtClean && listed.has(path.resolve(x.file))), 'gofmt -l listed none of the unformatted variants');
    const dirty = tree.records.filter((x) => x.gofmtClean && listed.has(path.resolve(x.file))).map((x) => `${x.variant} ${x.label} ${x.file}`);
    assert.deepEqual(dirty, [], 'instrumenting a gofmt-clean file made it unclean');
    // the clean variants' plain packages must be clean too (else the check above proves nothing)
    const cleanPlain = [...listed].filter((f) => VARIANTS.some((v) => v.gofmtClean && f.includes(`${path.sep}${TEST_ROOT}${path.sep}${v.name}${path.sep}`)));
    assert.deepEqual(cleanPlain, []);
  });

  it('go build and go vet pass for all variants × snippets', async () => {
    const env = goEnv(tree.gopath);
    // go build ./... compiles every package and links every main package of every variant: the plain
    // cmd/runner, the per-step copies cmd/runner_s0_3 and cmd/runner_sfix_g, all/cmd/runner, and the
    // base variant's all-minus copies — four links with gin per variant, six for base. With several
    // packages named, go build keeps no binary. -ldflags=-s -w spares the linker the debug info and
    // symbol table nobody reads here (a quarter of the time); symbols are resolved as in any build.
    // go vet type-checks everything with the behaviour tests' build tag.
    const list = await run(tools.go, ['list', '-f', '{{.Name}} {{.ImportPath}}', './...'], { cwd: srcRoot(), env });
    assert.equal(list.code, 0, list.stderr);
    const mains = list.stdout.split('\n').filter((l) => l.startsWith('main ')).map((l) => l.slice('main '.length));
    for (const v of VARIANTS) {
      const own = mains.filter((p) => p.startsWith(`${TEST_ROOT}/${v.name}/`)).map((p) => p.slice(`${TEST_ROOT}/${v.name}/`.length));
      for (const want of ['cmd/runner', 'cmd/runner_s0_3', 'cmd/runner_sfix_g', 'all/cmd/runner']) assert.ok(own.includes(want), `${v.name}: no main package ${want} to build`);
    }
    const build = await run(tools.go, ['build', '-ldflags=-s -w', './...'], { cwd: srcRoot(), env });
    assert.equal(build.code, 0, `go build failed:\n${build.stderr}`);
    const vet = await run(tools.go, ['vet', '-tags', 'beacon_instrumented', './...'], { cwd: srcRoot(), env });
    assert.equal(vet.code, 0, `go vet failed:\n${vet.stderr}`);
  });

  it('go test: the instrumented app behaves (panic → failed result, typed nil, traces, watcher, 2.4, 0.3, Fix G)', async () => {
    const env = goEnv(tree.gopath);
    const pkgs = VARIANTS.map((v) => `${TEST_ROOT}/${v.name}/all/...`);
    const r = await run(tools.go, ['test', '-count=1', '-tags', 'beacon_instrumented', ...pkgs], { cwd: srcRoot(), env });
    const okLines = r.stdout.split('\n').filter((l) => l.startsWith('ok '));
    assert.equal(r.code, 0, `go test failed:\n${r.stdout}\n${r.stderr}`);
    // three test packages per variant: worker, hybrid, cmd/runner
    assert.equal(okLines.length, VARIANTS.length * 3, r.stdout);
  });

  it('removal restores every file byte for byte', () => {
    for (const r of tree.records) {
      const back = ins.remove(r.text);
      assert.deepEqual(back.skipped, [], `${r.variant} ${r.label}`);
      assert.ok(back.text === r.original, `${r.variant} ${r.label}: removal is not byte-identical`);
    }
  });

  it('removal after gofmt yields gofmt(original)', async () => {
    const dir = path.join(tree.gopath, 'fmt');
    tree.records.forEach((r, i) => {
      fs.mkdirSync(path.join(dir, 'instrumented'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'original'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'instrumented', `${i}.go`), r.text);
      fs.writeFileSync(path.join(dir, 'original', `${i}.go`), r.original);
    });
    const f = await run(tools.gofmt, ['-w', dir], { cwd: dir });
    assert.equal(f.code, 0, f.stderr);
    tree.records.forEach((r, i) => {
      const formatted = fs.readFileSync(path.join(dir, 'instrumented', `${i}.go`), 'utf8');
      const want = fs.readFileSync(path.join(dir, 'original', `${i}.go`), 'utf8');
      const back = ins.remove(formatted);
      assert.deepEqual(back.skipped, [], `${r.variant} ${r.label}`);
      assert.ok(back.text === want, `${r.variant} ${r.label}: remove(gofmt(x)) != gofmt(original)`);
    });
  });
});
