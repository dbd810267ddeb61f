import * as assert from 'node:assert/strict';
import { GoDocumentIndex, type DocumentModel, type DocumentText, type TextChange } from '../../../src/golang/documentIndex';
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

/** What a lens model says, without the version it was made for. */
function content(m: DocumentModel): Omit<DocumentModel, 'version'> {
  const { version: _, ...rest } = m;
  return rest;
}

/**
 * An open document as the extension sees it: a version, change events, and a getText() that counts
 * its calls — after the first version the index must follow the events instead of asking.
 */
class FakeDocument implements DocumentText {
  version = 1;
  getTextCalls = 0;
  constructor(public text: string) {}
  get length(): number {
    return this.text.length;
  }
  getText(): string {
    this.getTextCalls++;
    return this.text;
  }
  /** One change event: replacements as [start, end, insert] against the current text, applied in the order given. */
  edit(...replacements: [number, number, string][]): TextChange[] {
    const changes: TextChange[] = [];
    for (const [start, end, insert] of replacements) {
      changes.push(change(this.text, start, end, insert));
      this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    }
    this.version++;
    return changes;
  }
  /** Replaces the first `from` by `to`. */
  replace(from: string, to: string): TextChange[] {
    const at = this.text.indexOf(from);
    if (at < 0) throw new Error(`not in the document: ${from}`);
    return this.edit([at, at + from.length, to]);
  }
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

  it('a change list that grows while the index waits for the parser is read as it was given (the next version\'s change is not applied twice)', async () => {
    let release: () => void = () => undefined;
    let held: Promise<void> | undefined;
    const index = new GoDocumentIndex(async () => {
      if (held) await held;
      return p;
    });
    const doc = new FakeDocument(files.get(F.worker)!);
    await index.model('w', 1, doc);
    // the editor's pending list for the document: version 2's change, then (while the index
    // awaits the parser) version 3's, appended to the same list as GoDocuments does
    const pending = doc.edit([0, 0, '// one\n// two\n']);
    held = new Promise((r) => (release = r));
    const v2 = index.model('w', 2, { length: doc.length, getText: () => doc.getText() }, pending, 1);
    await new Promise((r) => setImmediate(r));
    const at = doc.text.indexOf('\tproviderID, status, outputJSON');
    pending.push(...doc.edit([at, at, '\n']));
    release();
    held = undefined;
    await v2;
    const m3 = await index.model('w', 3, doc, pending.slice(1), 2);
    const fresh = p.parse(doc.text);
    const want = findAnchors(fresh, doc.text).map((x) => `${x.kind}@${x.node.startPosition.row}`);
    fresh.delete();
    assert.deepEqual(m3.anchors.map((x) => `${x.kind}@${x.line}`), want);
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

  describe('lenses after incremental edits are the lenses of a fresh full parse', () => {
    /** Follows `doc` through each step's change event; after every step the model must equal a fresh index's. */
    async function follow(doc: FakeDocument, steps: [string, (d: FakeDocument) => TextChange[]][], expect: (m: DocumentModel, step: string) => void = () => {}) {
      const index = new GoDocumentIndex(async () => p);
      await index.model('d', doc.version, doc);
      assert.equal(doc.getTextCalls, 1);
      for (const [name, step] of steps) {
        const from = doc.version;
        const changes = step(doc);
        const m = await index.model('d', doc.version, doc, changes, from);
        const fresh = new GoDocumentIndex(async () => p);
        const want = await fresh.model('d', doc.version, doc.text);
        fresh.dispose();
        assert.equal(m.version, doc.version);
        assert.deepEqual(content(m), content(want), `${name}: lenses, anchors, blocks and problems`);
        expect(m, name);
      }
      assert.equal(doc.getTextCalls, 1, 'the index followed the change events and never asked for the whole text again');
      index.dispose();
      return index;
    }
    const steps = (m: DocumentModel) => m.lenses.map((l) => `${l.step} ${l.action}@${l.line}`).join(', ');

    for (const eol of ['\n', '\r\n']) {
      it(`job_runner.go (${eol === '\n' ? 'LF' : 'CRLF'}): typing in executeQuestion, losing and regaining anchors, a receiver rename, new lines`, async () => {
        const doc = new FakeDocument(files.get(F.worker)!.replace(/\n/g, eol));
        const at = (s: string) => doc.text.indexOf(s);
        const seen: string[] = [];
        const index = await follow(
          doc,
          [
            ['a digit typed inside executeQuestion (a syntax error)', (d) => d.edit([at('regionStart := ') + 15, at('regionStart := ') + 15, '1'])],
            ['the digit deleted', (d) => d.edit([at('regionStart := ') + 15, at('regionStart := ') + 16, ''])],
            ['Enter inside executeQuestion', (d) => d.edit([at('\tregionStart'), at('\tregionStart'), eol])],
            ['the receiver renamed', (d) => d.replace('(w *JobRunner) executeQuestion(ctx', '(runner *JobRunner) executeQuestion(ctx')],
            ['the receiver type renamed: no anchor', (d) => d.replace('*JobRunner) executeQuestion(ctx', '*JobRunners) executeQuestion(ctx')],
            ['the receiver type back', (d) => d.replace('*JobRunners) executeQuestion(ctx', '*JobRunner) executeQuestion(ctx')],
            ['the method renamed: no anchor', (d) => d.replace(') executeQuestion(ctx', ') executeQuestionX(ctx')],
            ['the method name back', (d) => d.replace(') executeQuestionX(ctx', ') executeQuestion(ctx')],
            ['the executor call line deleted', (d) => d.edit([at('\tproviderID, status, outputJSON'), at('\tcompleted := time.Now()'), ''])],
            ['the executor call typed back', (d) => d.edit([at('\tcompleted := time.Now()'), at('\tcompleted := time.Now()'), `\tproviderID, status, outputJSON, receiptJSON, err := executor.Execute(ctx, &singleQuestionSpec, region)${eol}`])],
            ['the call made part of an if statement (unavailable)', (d) => d.replace('\tproviderID, status, outputJSON, receiptJSON, err := executor.Execute(ctx, &singleQuestionSpec, region)', '\tif providerID, status, outputJSON, receiptJSON, err := executor.Execute(ctx, &singleQuestionSpec, region); true {}')],
            ['the if undone', (d) => d.replace('\tif providerID, status, outputJSON, receiptJSON, err := executor.Execute(ctx, &singleQuestionSpec, region); true {}', '\tproviderID, status, outputJSON, receiptJSON, err := executor.Execute(ctx, &singleQuestionSpec, region)')],
            ['a comment opened above the method: every anchor below is gone', (d) => d.edit([at('// executeQuestion runs'), at('// executeQuestion runs'), '/* '])],
            ['the comment closed again', (d) => d.edit([at('/* // executeQuestion runs'), at('/* // executeQuestion runs') + 3, ''])],
            ['lines added at the top (every lens moves down)', (d) => d.edit([at('import'), at('import'), `// one${eol}// two${eol}`])],
            ['a batch of two changes (multi-cursor, later one first)', (d) => d.edit([at('completed := time.Now()'), at('completed := time.Now()'), 'x'], [at('regionStart := time.Now()'), at('regionStart := time.Now()'), 'x'])],
            ['the batch undone', (d) => d.edit([at('xcompleted := time.Now()'), at('xcompleted := time.Now()') + 1, ''], [at('xregionStart := time.Now()'), at('xregionStart := time.Now()') + 1, ''])],
          ],
          (m) => seen.push(steps(m)),
        );
        assert.ok(index.stats.incremental >= 15, `incremental reparses: ${index.stats.incremental}`);
        assert.ok(new Set(seen).size >= 4, `the edits changed the lenses: ${[...new Set(seen)].join(' | ')}`);
        assert.ok(seen.some((s) => s === ''), 'some step left no lens');
        assert.ok(seen.some((s) => s.includes('unavailable')), 'some step made a lens unavailable');
      });
    }

    it('markers pasted in and deleted again: Remove lenses, blocks and damaged-marker problems follow', async () => {
      const ins = await instrumenter();
      const original = files.get(F.worker)!;
      const instrumented = ins.insert(original, ['2.1', '2.2'], siblingsOf(files, F.worker)).text;
      const doc = new FakeDocument(original);
      const asOneEdit = (d: FakeDocument, to: string) => {
        let a = 0;
        while (a < d.text.length && d.text[a] === to[a]) a++;
        let z = 0;
        while (z < d.text.length - a && z < to.length - a && d.text[d.text.length - 1 - z] === to[to.length - 1 - z]) z++;
        return d.edit([a, d.text.length - z, to.slice(a, to.length - z)]);
      };
      const seen: string[] = [];
      await follow(
        doc,
        [
          ['2.1 and 2.2 pasted in', (d) => asOneEdit(d, instrumented)],
          ['an end marker deleted (a damaged block)', (d) => d.replace('// beacon-debug:end 2.2', '// beacon-debug:ending 2.2')],
          ['the end marker restored', (d) => d.replace('// beacon-debug:ending 2.2', '// beacon-debug:end 2.2')],
          ['typing inside a block', (d) => d.edit([d.text.indexOf('// beacon-debug:begin 2.1') - 1, d.text.indexOf('// beacon-debug:begin 2.1') - 1, 'x'])],
          ['the typing undone', (d) => d.edit([d.text.indexOf('// beacon-debug:begin 2.1') - 2, d.text.indexOf('// beacon-debug:begin 2.1') - 1, ''])],
          ['everything deleted again', (d) => asOneEdit(d, original)],
        ],
        (m) => seen.push(`${steps(m)} / ${m.blocks.length} blocks / ${m.problems.length} problems`),
      );
      assert.ok(seen[0].includes('2.1 remove') && seen[0].includes('2.2 remove'), seen[0]);
      assert.ok(/[1-9]\d* problems/.test(seen[1]), seen[1]);
      assert.ok(seen[seen.length - 1].includes('0 blocks'), seen[seen.length - 1]);
    });

    it('main.go and client.go: the SetHybridClient call and RunInference come and go', async () => {
      const main = new FakeDocument(files.get(F.main)!.replace(/\n/g, '\r\n'));
      await follow(main, [
        ['the package renamed: not main, no SetHybridClient anchor', (d) => d.replace('package main', 'package mainx')],
        ['the package back', (d) => d.replace('package mainx', 'package main')],
        ['the last call renamed', (d) => d.replace('jr.SetHybridClient(hybrid.New(defaultRouterURL))', 'jr.SetHybridClients(hybrid.New(defaultRouterURL))')],
        ['both calls renamed', (d) => d.replace('jr.SetHybridClient(hybrid.New(base))', 'jr.SetHybridClients(hybrid.New(base))')],
        ['one back', (d) => d.replace('jr.SetHybridClients(hybrid.New(base))', 'jr.SetHybridClient(hybrid.New(base))')],
      ]);
      const client = new FakeDocument(files.get(F.client)!);
      await follow(client, [
        ['RunInference renamed', (d) => d.replace(') RunInference(', ') RunInferenceX(')],
        ['the name back', (d) => d.replace(') RunInferenceX(', ') RunInference(')],
        ['the receiver renamed', (d) => d.replace('func (c *Client) RunInference(', 'func (client *Client) RunInference(')],
        ['the receiver made a value', (d) => d.replace('func (client *Client) RunInference(', 'func (client Client) RunInference(')],
        ['another receiver type: no anchor', (d) => d.replace('func (client Client) RunInference(', 'func (client Clients) RunInference(')],
      ]);
    });

    it('a length that does not match the events makes the index read the whole text', async () => {
      const index = new GoDocumentIndex(async () => p);
      const doc = new FakeDocument(files.get(F.worker)!);
      await index.model('d', 1, doc);
      const changes = doc.edit([doc.text.indexOf('regionStart :='), doc.text.indexOf('regionStart :='), 'x']);
      // events that miss a character: the length says so
      const m = await index.model('d', doc.version, doc, [{ ...changes[0], text: '' }], 1);
      assert.equal(doc.getTextCalls, 2);
      const fresh = new GoDocumentIndex(async () => p);
      assert.deepEqual(content(m), content(await fresh.model('d', 1, doc.text)));
      fresh.dispose();
      index.dispose();
    });
  });
});
