import * as assert from 'node:assert/strict';
import { findAnchors, mayHaveAnchorsOrMarkers } from '../../../src/golang/anchors';
import type { GoParser } from '../../../src/golang/parser';
import type { AnchorKind } from '../../../src/golang/steps';
import { ANCHOR_FILES as F, parser, readApp } from './fixture';
import { VARIANTS } from './variants';

/** The line where `re` (anchored at a line start) matches: the real declaration, not a comment. */
function declLine(text: string, re: RegExp): number {
  const m = re.exec(text);
  assert.ok(m, `fixture has ${re}`);
  return text.slice(0, m.index).split('\n').length - 1;
}

function anchorsOf(p: GoParser, text: string): { kind: AnchorKind; line: number; problem?: string }[] {
  const tree = p.parse(text);
  try {
    return findAnchors(tree, text).map((a) => ({ kind: a.kind, line: a.node.startPosition.row, ...(a.problem ? { problem: a.problem } : {}) }));
  } finally {
    tree.delete();
  }
}

describe('golang: anchors are found by structure', function () {
  this.timeout(60_000);
  let p: GoParser;
  before(async () => {
    p = await parser();
  });

  for (const v of VARIANTS) {
    it(`variant ${v.name}: every anchor, at the real declaration or call`, () => {
      const files = readApp();
      v.apply(files);
      const worker = files.get(F.worker)!;
      // the real declaration starts a line (the fixture also has it in comments)

      const callLine = worker.split('\n').findIndex((l) => l.includes('.Execute(') && l.includes('&singleQuestionSpec'));
      assert.deepEqual(anchorsOf(p, worker), [
        { kind: 'executeQuestion', line: declLine(worker, /^func \(\w+ \*JobRunner\)\s+executeQuestion\(/m) },
        { kind: 'executorCall', line: callLine },
      ]);
      const he = files.get(F.hybridExecutor)!;
      assert.deepEqual(anchorsOf(p, he), [{ kind: 'hybridExecute', line: declLine(he, /^func \(\w+ \*HybridExecutor\) Execute\(/m) }]);
      const client = files.get(F.client)!;
      assert.deepEqual(anchorsOf(p, client), [{ kind: 'runInference', line: declLine(client, /^func \(\w+ \*Client\) RunInference\(/m) }]);
      const main = files.get(F.main)!;
      const firstCall = /^[ \t]*\w+\.SetHybridClient\(/m.exec(main)!;
      assert.deepEqual(anchorsOf(p, main), [{ kind: 'setHybridClient', line: main.slice(0, firstCall.index).split('\n').length - 1 }]);
    });
  }

  it('ignores the names in comments, strings, raw strings and on other receivers', () => {
    const text = [
      'package main',
      '',
      '// func (w *JobRunner) executeQuestion(ctx) { executor.Execute() }',
      '/* func (c *Client) RunInference() { */',
      'var s = "func (h *HybridExecutor) Execute() { jr.SetHybridClient(x) }"',
      'var r = `func (w *JobRunner) executeQuestion() {`',
      "var b = '{'",
      'type Other struct{}',
      '',
      'func (o *Other) executeQuestion() { o.Execute() }',
      'func (o Other) RunInference()      {}',
      'func (HybridExecutorish) Execute()  {}',
      'func main()   { _ = "jr.SetHybridClient(" }',
    ].join('\n');
    assert.ok(mayHaveAnchorsOrMarkers(text));
    assert.deepEqual(anchorsOf(p, text), []);
  });

  it('SetHybridClient in a helper of package main counts when main() wires nothing itself; main() wins otherwise', () => {
    const helper = 'package main\n\nfunc newRunner() *R {\n\tjr := &R{}\n\tjr.SetHybridClient(c)\n\treturn jr\n}\n\nfunc main() {\n\t_ = newRunner()\n}\n';
    assert.deepEqual(anchorsOf(p, helper), [{ kind: 'setHybridClient', line: 4 }]);
    const both = helper.replace('\t_ = newRunner()\n', '\tjr := newRunner()\n\tjr.SetHybridClient(c)\n');
    assert.deepEqual(anchorsOf(p, both), [{ kind: 'setHybridClient', line: 10 }]);
  });

  it('SetHybridClient counts only in package main', () => {
    const lib = 'package runner\n\nfunc main() {\n\tjr.SetHybridClient(c)\n}\n';
    assert.deepEqual(anchorsOf(p, lib), []);
    const app = 'package main\n\nfunc main() {\n\tjr.SetHybridClient(c)\n}\n';
    assert.deepEqual(anchorsOf(p, app), [{ kind: 'setHybridClient', line: 3 }]);
  });

  it('finds anchors in a file that does not compile elsewhere', () => {
    const files = readApp();
    const broken = files.get(F.worker)! + '\nfunc broken( {\n\treturn }}\n';
    const kinds = anchorsOf(p, broken).map((a) => a.kind);
    assert.deepEqual(kinds, ['executeQuestion', 'executorCall']);
  });

  it('an executor call that is not a plain statement is an anchor with a problem', () => {
    const text = [
      'package worker',
      '',
      'func (w *JobRunner) executeQuestion(ctx context.Context, executor Executor) ExecutionResult {',
      '\tif _, _, _, _, err := executor.Execute(ctx, nil, ""); err != nil {',
      '\t\treturn ExecutionResult{}',
      '\t}',
      '\treturn ExecutionResult{}',
      '}',
    ].join('\n');
    const a = anchorsOf(p, text);
    assert.equal(a[1].kind, 'executorCall');
    assert.match(a[1].problem ?? '', /if statement/);
  });

  it('the text pre-check says no for Go code without anchor names or markers', () => {
    assert.equal(mayHaveAnchorsOrMarkers('package x\n\nfunc Execute() {}\n'), false);
    assert.equal(mayHaveAnchorsOrMarkers('package x\n// beacon-debug:begin 2.1\n'), true);
  });
});
