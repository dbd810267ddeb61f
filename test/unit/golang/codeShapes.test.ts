// Code shapes the fixture lacks (shapes.ts), with the real Go toolchain: every step goes where its
// names are in scope — or is refused with a one-line reason (and, where one exists, the nearest
// valid point, which --nearest takes) — every instrumented package builds and vets, and removal is
// byte-identical. Prints the shape × step table.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GoInstrumenter } from '../../../src/golang/instrumenter';
import { STEP_IDS, STEPS, type StepId } from '../../../src/golang/steps';
import { instrumenter, readApp, siblingsOf } from './fixture';
import { buildTree, fileOf, findGo, goEnv, run, TEST_ROOT, type GoTree } from './goTree';
import { SHAPES } from './shapes';

describe('golang: code shapes the fixture lacks (scope-aware placement, with the Go toolchain)', function () {
  this.timeout(20 * 60_000);
  let ins: GoInstrumenter;
  let tree: GoTree;
  let tools: { go: string; gofmt: string };
  const table = new Map<string, Map<StepId, string>>();

  before(async () => {
    const found = findGo();
    if (found instanceof Error) throw found;
    tools = found;
    ins = await instrumenter();
    tree = buildTree(ins, SHAPES, { nearest: true });
  });

  after(() => {
    if (tree && !process.env.BEACON_KEEP_GO_TREE) fs.rmSync(tree.gopath, { recursive: true, force: true });
    if (table.size) {
      const rows = [['shape', ...STEP_IDS].join(' | '), ['---', ...STEP_IDS.map(() => '---')].join(' | ')];
      for (const [shape, cells] of table) rows.push([shape, ...STEP_IDS.map((s) => cells.get(s) ?? '?')].join(' | '));
      console.log('\n      shape × step (✓ inserted, built, vetted, removed byte for byte; ✓ nearest: with --nearest)\n' + rows.map((r) => `      | ${r} |`).join('\n'));
    }
  });

  for (const shape of SHAPES) {
    it(`${shape.name}: each step inserts where its names are in scope, or is refused with the expected reason`, () => {
      const files = readApp();
      shape.apply(files);
      const cells = new Map<StepId, string>();
      for (const step of STEP_IDS) {
        const rel = fileOf(shape, STEPS[step].anchor);
        const text = files.get(rel)!;
        const attempt = ins.attemptInsert(text, step, siblingsOf(files, rel));
        const want = shape.expect[step];
        if (!want) {
          assert.ok('edits' in attempt, `${shape.name} ${step}: ${'skipped' in attempt ? attempt.skipped : ''}`);
          cells.set(step, '✓');
          continue;
        }
        assert.ok('skipped' in attempt, `${shape.name} ${step}: inserted, expected a refusal matching ${want}`);
        assert.match(attempt.skipped, want, `${shape.name} ${step}`);
        assert.ok(!attempt.skipped.includes('\n'), 'one line');
        if (shape.nearest.includes(step)) {
          assert.ok(attempt.nearest, `${shape.name} ${step}: a nearest valid point is offered`);
          assert.ok(ins.attemptInsert(text, step, siblingsOf(files, rel), { nearest: true }).hasOwnProperty('edits'));
          cells.set(step, `✓ nearest (line ${attempt.nearest.line})`);
        } else {
          assert.equal(attempt.nearest, undefined, `${shape.name} ${step}: no nearest point`);
          cells.set(step, `${attempt.refused ? 'refused' : 'skipped'}: ${attempt.skipped.replace(/\|/g, '/')}`);
        }
      }
      table.set(shape.name, cells);
    });
  }

  it('go build and go vet pass for every shape × step (and all steps together), with --nearest where offered', async () => {
    const env = goEnv(tree.gopath);
    const srcRoot = path.join(tree.gopath, 'src', TEST_ROOT);
    const build = await run(tools.go, ['build', '-ldflags=-s -w', './...'], { cwd: srcRoot, env });
    assert.equal(build.code, 0, `go build failed:\n${build.stderr}`);
    const vet = await run(tools.go, ['vet', './...'], { cwd: srcRoot, env });
    assert.equal(vet.code, 0, `go vet failed:\n${vet.stderr}`);
    // the tree holds what the table says: every expected insertion is in its copy
    for (const shape of SHAPES) {
      for (const step of STEP_IDS) {
        const r = tree.records.find((x) => x.variant === shape.name && x.label === step)!;
        const expectIn = !shape.expect[step] || shape.nearest.includes(step);
        assert.equal(r.inserted.includes(step), expectIn, `${shape.name} ${step}: ${JSON.stringify(r.skipped)}`);
      }
    }
  });

  it('gofmt-clean shapes stay gofmt-clean once instrumented', async () => {
    const dirty = [];
    for (const r of tree.records) {
      const out = await run(tools.gofmt, ['-l', r.file], { cwd: tree.gopath });
      if (out.stdout.trim()) dirty.push(`${r.variant} ${r.label}`);
    }
    assert.deepEqual(dirty, []);
  });

  it('removal restores every shape byte for byte', () => {
    for (const r of tree.records) {
      const back = ins.remove(r.text);
      assert.deepEqual(back.skipped, [], `${r.variant} ${r.label}`);
      assert.ok(back.text === r.original, `${r.variant} ${r.label}: removal is not byte-identical`);
    }
  });
});
