import * as assert from 'node:assert/strict';
import { ChunkedText } from '../../../src/golang/chunkedText';
import { applyChanges, type TextChange } from '../../../src/golang/documentIndex';
import { NameOccurrences } from '../../../src/golang/nameOccurrences';
import { ANCHOR_FILES as F, readApp } from './fixture';

function lcg(seed: number): (n: number) => number {
  return (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
}

/** A change against `text` as VS Code reports it (positions are not used by what is tested here). */
function change(start: number, end: number, text: string): TextChange {
  return { rangeOffset: start, rangeLength: end - start, text, start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

describe('golang: chunked text and name positions (what the document index keeps between versions)', () => {
  const files = readApp();
  const worker = files.get(F.worker)!;
  // about 60 pieces: edits cross piece boundaries, pieces split and merge
  const big = (worker + '\n// beacon-debug:begin 2.1\n').repeat(60);

  it('reads like the string it holds: slice, indexOf, lastIndexOf, the parser pieces, equality', () => {
    const t = ChunkedText.from(big);
    assert.equal(t.length, big.length);
    assert.equal(t.toString(), big);
    assert.ok(t.equals(big));
    assert.ok(!t.equals(big.slice(1)));
    const rnd = lcg(7);
    for (let k = 0; k < 300; k++) {
      const a = rnd(big.length + 10);
      const b = a + rnd(20_000);
      assert.equal(t.slice(a, b), big.slice(a, b));
      for (const s of ['\n', 'executeQuestion', '// beacon-debug:', 'no such text']) {
        assert.equal(t.indexOf(s, a), big.indexOf(s, a), `indexOf ${s} ${a}`);
        assert.equal(t.lastIndexOf(s, a), big.lastIndexOf(s, a), `lastIndexOf ${s} ${a}`);
      }
    }
    let read = '';
    for (let piece = t.chunkAt(0); piece; piece = t.chunkAt(read.length)) read += piece;
    assert.equal(read, big);
    assert.equal(t.chunkAt(big.length), '');
  });

  it('replace gives the edited text and leaves the old version as it was; names follow without a full search', () => {
    const rnd = lcg(11);
    let s = big;
    let t = ChunkedText.from(big);
    let names = NameOccurrences.scan(big);
    const inserts = ['', 'x', '\n', 'executeQuestion', 'Question', '// beacon-', 'debug:', 'é🚨', 'y'.repeat(20_000)];
    for (let k = 0; k < 400; k++) {
      const start = rnd(s.length + 1);
      const end = Math.min(s.length, start + [0, 1, 5, 40, 9000, 30_000][rnd(6)]);
      const insert = inserts[rnd(inserts.length)];
      const before = t;
      const beforeText = s;
      t = t.replace(start, end, insert);
      names = names.edited({ start, oldEnd: end, newEnd: start + insert.length }, t);
      s = s.slice(0, start) + insert + s.slice(end);
      assert.equal(before.toString(), beforeText, 'the old version is unchanged');
      assert.equal(t.length, s.length);
      if (k % 40 === 0) assert.equal(t.toString(), s);
      const fresh = NameOccurrences.scan(s);
      for (const n of ['executeQuestion', 'HybridExecutor', 'RunInference', 'SetHybridClient', '// beacon-debug:']) {
        assert.deepEqual(names.of(n), fresh.of(n), `${n} after edit ${k}`);
      }
    }
    assert.equal(t.toString(), s);
    const empty = t.replace(0, t.length, '');
    assert.equal(empty.length, 0);
    assert.equal(empty.replace(0, 0, 'package x\n').toString(), 'package x\n');
  });

  it('applyChanges: a batch in VS Code order (descending) and a chain of versions give one span', () => {
    const text = ChunkedText.from(worker);
    // multi-cursor typing: the same batch, the later position first
    const a = worker.indexOf('regionStart := time.Now()');
    const b = worker.indexOf('completed := time.Now()');
    const batch = [change(b, b, 'x'), change(a, a + 1, 'RR')];
    const r = applyChanges(text, batch)!;
    const want = worker.slice(0, a) + 'RR' + worker.slice(a + 1, b) + 'x' + worker.slice(b);
    assert.equal(r.text.toString(), want);
    assert.deepEqual(r.span, { start: a, oldEnd: b, newEnd: b + 2 });
    // a deletion before an earlier insertion, then a change after both
    const chain = [change(100, 100, 'abc'), change(10, 20, ''), change(500, 505, 'Z')];
    const c = applyChanges(text, chain)!;
    let s = worker;
    for (const ch of chain) s = s.slice(0, ch.rangeOffset) + ch.text + s.slice(ch.rangeOffset + ch.rangeLength);
    assert.equal(c.text.toString(), s);
    assert.equal(s.slice(0, c.span.start), worker.slice(0, c.span.start), 'the text before the span is the old text');
    assert.equal(s.slice(c.span.newEnd), worker.slice(c.span.oldEnd), 'the text after the span is the old text');
    assert.equal(applyChanges(text, []), undefined);
    assert.equal(applyChanges(text, [change(worker.length + 1, worker.length + 1, 'x')]), undefined, 'a change past the end does not fit');
  });
});
