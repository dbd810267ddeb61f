import * as assert from 'node:assert/strict';
import { GoDocumentIndex, type TextChange } from '../../../src/golang/documentIndex';
import { findAnchors } from '../../../src/golang/anchors';
import type { GoParser } from '../../../src/golang/parser';
import { ANCHOR_FILES as F, instrumenter, parser, readApp, siblingsOf } from './fixture';

/** A change as VS Code would report it for replacing [start, end) of `text` by `insert`. */
function change(text: string, start: number, end: number, insert: string): TextChange {
  const pos = (i: number) => {
    const before = text.slice(0, i);
    const line = before.split('\n').length - 1;
    return { line, character: i - (before.lastIndexOf('\n') + 1) };
  };
  return { rangeOffset: start, rangeLength: end - start, text: insert, start: pos(start), end: pos(end) };
}

describe('golang: document index (lens models, cache, incremental reparse)', function () {
  this.timeout(60_000);
  let p: GoParser;
  let files: Map<string, string>;
  before(async () => {
    p = await parser();
    files = readApp();
  });

  it('never parses — nor loads the parser for — a file without anchor names or markers', async () => {
    let asked = 0;
    const index = new GoDocumentIndex(async () => {
      asked++;
      return p;
    });
    const m = await index.model('a', 1, 'package x\n\nfunc Execute() {}\n'.repeat(100));
    assert.equal(m.parsed, false);
    assert.deepEqual(m.lenses, []);
    assert.equal(asked, 0);
    await index.model('b', 1, files.get(F.worker)!);
    assert.equal(asked, 1);
    index.dispose();
  });

  it('lenses above each anchor: insert titles, tooltips that say only 2.4 covers the cross-region path', async () => {
    const index = new GoDocumentIndex(async () => p);
    const worker = files.get(F.worker)!;
    const m = await index.model('w', 1, worker);
    const lines = worker.split('\n');
    const byStep = new Map(m.lenses.map((l) => [l.step, l]));
    assert.deepEqual([...byStep.keys()].sort(), ['2.1', '2.2', '5.1']);
    assert.equal(byStep.get('2.1')!.title, 'Insert 2.1 panic recovery');
    assert.match(lines[byStep.get('2.1')!.line], /^func \(w \*JobRunner\) executeQuestion\(/);
    assert.match(lines[byStep.get('2.2')!.line], /:= executor\.Execute\(ctx, &singleQuestionSpec, region\)/);
    assert.equal(byStep.get('5.1')!.line, byStep.get('2.2')!.line);
    for (const l of m.lenses) assert.match(l.tooltip, /Only 2\.4 also covers the cross-region execution path/);
    const client = await index.model('c', 1, files.get(F.client)!);
    assert.equal(client.lenses[0].title, 'Insert 2.4 RunInference trace');
    assert.match(client.lenses[0].tooltip, /Also covers the cross-region path/);
    const main = await index.model('m', 1, files.get(F.main)!);
    assert.deepEqual(main.lenses.map((l) => l.title), ['Insert 0.3 /debug/executor endpoint', 'Insert Fix G hybrid initialisation logging']);
    index.dispose();
  });

  it('after an insertion the lens says Remove, and the marker blocks are listed', async () => {
    const index = new GoDocumentIndex(async () => p);
    const ins = await instrumenter();
    const text = ins.insert(files.get(F.worker)!, ['2.1'], siblingsOf(files, F.worker)).text;
    const m = await index.model('w', 2, text);
    assert.deepEqual(m.lenses.map((l) => `${l.step} ${l.action}`), ['2.1 remove', '2.2 insert', '5.1 insert']);
    assert.equal(m.lenses[0].title, 'Remove 2.1');
    assert.equal(m.blocks.filter((b) => b.step === '2.1').length, 3);
    index.dispose();
  });

  it('caches per version', async () => {
    const index = new GoDocumentIndex(async () => p);
    const a = await index.model('w', 1, files.get(F.worker)!);
    const b = await index.model('w', 1, files.get(F.worker)!);
    assert.equal(a, b);
    const c = await index.model('w', 2, files.get(F.worker)! + '\n');
    assert.notEqual(a, c);
    index.dispose();
  });

  it('incremental reparse (from change events, and from a diff) gives the same anchors as a fresh parse', async () => {
    const withEvents = new GoDocumentIndex(async () => p);
    const withDiff = new GoDocumentIndex(async () => p);
    let text = files.get(F.worker)!;
    await withEvents.model('w', 1, text);
    await withDiff.model('w', 1, text);
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let withAnchors = 0;
    // Line-level edits that keep the code valid, and a one-character edit (anywhere, breaking the
    // syntax) undone at the next version: trees with errors get edited and reparsed too.
    const lineEdits = ['\n', '\t// é🚨 { func (w *JobRunner) executeQuestion() {\n', '\t_ = "}{"\n', '/* { */\n'];
    let undo: { at: number; len: number } | undefined;
    for (let v = 2; v < 160; v++) {
      let start: number;
      let end: number;
      let insert: string;
      if (undo) {
        ({ at: start } = undo);
        end = start + undo.len;
        insert = '';
        undo = undefined;
      } else if (v % 3 === 0) {
        start = rnd(text.length);
        end = start;
        insert = ['x', '{', '"', '\n', 'é'][rnd(5)];
        undo = { at: start, len: insert.length };
      } else {
        start = text.indexOf('\n', rnd(text.length)) + 1;
        end = start;
        insert = lineEdits[rnd(lineEdits.length)];
      }
      const c = change(text, start, end, insert);
      text = text.slice(0, start) + insert + text.slice(end);
      const a = await withEvents.model('w', v, text, [c], v - 1);
      const b = await withDiff.model('w', v, text);
      const fresh = p.parse(text);
      const want = findAnchors(fresh, text).map((x) => `${x.kind}@${x.node.startPosition.row}`);
      fresh.delete();
      assert.deepEqual(a.anchors.map((x) => `${x.kind}@${x.line}`), want, `events, version ${v}`);
      assert.deepEqual(b.anchors.map((x) => `${x.kind}@${x.line}`), want, `diff, version ${v}`);
      if (want.length) withAnchors++;
    }
    assert.ok(withAnchors > 100, `anchors survived in only ${withAnchors} versions: the comparison proved little`);
    withEvents.dispose();
    withDiff.dispose();
  });

  it('plain typing inside another function takes the fast path (edited tree, no reparse); the next reparse matches a fresh parse', async () => {
    const index = new GoDocumentIndex(async () => p);
    let text = files.get(F.worker)!;
    const first = await index.model('w', 1, text);
    // inside CountFailed's body: not an anchor, far from every anchor name
    const inside = text.indexOf('\tn := 0') + 1;
    let v = 1;
    for (const ch of 'abc def_123') {
      const c = change(text, inside, inside, ch);
      text = text.slice(0, inside) + ch + text.slice(inside);
      const m = await index.model('w', ++v, text, [c], v - 1);
      assert.deepEqual(m.lenses, first.lenses);
      assert.equal(m.version, v);
    }
    assert.equal(index.stats.fastPath, 11);
    assert.equal(index.stats.incremental, 0);
    // typing in executeQuestion (an anchor) needs a reparse — which also takes in the edits above
    const inEq = text.indexOf('\tregionStart := time.Now()') + 1;
    const c = change(text, inEq, inEq, 'x');
    text = text.slice(0, inEq) + 'x' + text.slice(inEq);
    const m = await index.model('w', ++v, text, [c], v - 1);
    assert.equal(index.stats.incremental, 1);
    const fresh = p.parse(text);
    assert.equal(index.treeOf('w')!.rootNode.toString(), fresh.rootNode.toString());
    assert.deepEqual(m.anchors, findAnchors(fresh, text).map((a) => ({ kind: a.kind, line: a.node.startPosition.row })));
    fresh.delete();
    // a quote, a newline or an edit next to an anchor name never takes the fast path
    for (const [at, ch] of [[text.indexOf('\tn := 0') + 1, '"'], [text.indexOf('\tn := 0') + 1, '\n'], [text.indexOf('w.executeQuestion(') + 2, 'y']] as [number, string][]) {
      const count: number = index.stats.fastPath;
      const cc = change(text, at, at, ch);
      text = text.slice(0, at) + ch + text.slice(at);
      await index.model('w', ++v, text, [cc], v - 1);
      assert.equal(index.stats.fastPath, count, JSON.stringify(ch));
    }
    index.dispose();
  });
});
