/**
 * Go code-lens benchmark (medians printed, targets shown, never asserted). Each figure times what
 * the code-lens provider runs for a document — the text pre-check, then the cached / incremental
 * tree-sitter parse and the anchor + marker scan that make the lens model (src/golang/documentIndex):
 *   - first call on a 20,000-line Go file that has anchors (full parse; the text handed over as a
 *     string — getText() is its own row)
 *   - the whole provider call after a one-character edit, with the document as VS Code's extension
 *     host keeps it (an array of lines; getText() joins them, once per version) and the change event
 *     the host sends: in a function far from the anchors (fast path: the tree is edited, the reparse
 *     deferred) and inside executeQuestion (incremental reparse) — next to it, tree-sitter's
 *     incremental reparse of the same edit alone, the part no caching can remove
 *   - a 20,000-line Go file without anchor names (the text pre-check only; no parse)
 *   - getText() of the 20,000-line document: what the provider copied per edit before it followed
 *     the change events
 *   - growth of the full parse from 10,000 to 20,000 lines
 *   - parser start-up (a fresh Node process loading the two WASM files)
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { GoDocumentIndex, type DocumentText, type TextChange } from '../../src/golang/documentIndex';
import { loadGoParser, wasmPathsFromNodeModules, type GoParser } from '../../src/golang/parser';
import { packageRoot } from '../../src/runbook/paths';

const ROOT = packageRoot(__dirname);
const FIXTURE = path.join(ROOT, 'test/go/src/github.com/beacon/runner-app/internal/worker/job_runner.go');

function filler(i: number): string {
  return [
    `// helper${i} sums the lengths of the non-empty strings, weighted by position { }.`,
    `func helper${i}(ctx context.Context, in []string) (int, error) {`,
    '\ttotal := 0',
    '\tfor i, s := range in {',
    '\t\tif s == "" || ctx.Err() != nil {',
    '\t\t\tcontinue',
    '\t\t}',
    `\t\ttotal += len(s) * (i + ${i % 7})`,
    '\t}',
    '\treturn total, nil',
    '}',
    '',
  ].join('\n');
}

/** A Go file of about `lines` lines: the runner's job_runner.go (with the anchors) when `anchors`, then helpers. */
export function goFile(lines: number, anchors: boolean): string {
  let text = anchors ? fs.readFileSync(FIXTURE, 'utf8') + '\n' : 'package worker\n\nimport "context"\n\n';
  let i = 0;
  while (text.split('\n').length < lines) {
    const chunk: string[] = [];
    for (let k = 0; k < 100; k++) chunk.push(filler(i++));
    text += chunk.join('\n');
  }
  return text.split('\n').slice(0, lines).join('\n') + '\n';
}

/**
 * Makes V8 flatten a concatenated string now, outside the timed region: TextDocument.getText()
 * hands the provider a flat string, while `a + b` here is a rope that the first search would flatten.
 */
function flatten(s: string): void {
  if (s.indexOf('\u0000') === -2) throw new Error('unreachable');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * A TextDocument as VS Code's extension host keeps it (ExtHostDocumentData): an array of lines;
 * getText() joins them into a new string, cached until the next change; offsets come from a table
 * of line starts that an edit invalidates from its line on (a PrefixSumComputer).
 */
class HostDocument implements DocumentText {
  version = 1;
  private readonly lines: string[];
  private text: string | undefined;
  private readonly starts: Uint32Array;
  private validUpTo = 0;

  constructor(text: string) {
    this.lines = text.split('\n');
    this.starts = new Uint32Array(this.lines.length + 1);
  }

  /** What doc.offsetAt(end of the last line) costs the host: the line starts brought up to date. */
  get length(): number {
    for (let i = this.validUpTo; i < this.lines.length; i++) this.starts[i + 1] = this.starts[i] + this.lines[i].length + 1;
    this.validUpTo = this.lines.length;
    return this.starts[this.lines.length] - 1;
  }

  getText(): string {
    this.text ??= this.lines.join('\n');
    return this.text;
  }

  /** Types `insert` at `offset`, or deletes the one character there: the change event the host sends. */
  edit(offset: number, insert: string | undefined): TextChange {
    let line = 0;
    let start = 0;
    while (start + this.lines[line].length < offset) start += this.lines[line++].length + 1;
    const character = offset - start;
    const text = this.lines[line];
    this.lines[line] = insert === undefined ? text.slice(0, character) + text.slice(character + 1) : text.slice(0, character) + insert + text.slice(character);
    this.text = undefined;
    this.validUpTo = Math.min(this.validUpTo, line);
    this.version++;
    const at = { line, character };
    return insert === undefined
      ? { rangeOffset: offset, rangeLength: 1, text: '', start: at, end: { line, character: character + 1 } }
      : { rangeOffset: offset, rangeLength: 0, text: insert, start: at, end: at };
  }
}

/** What provideCodeLenses hands back: one lens per model entry (here plain objects instead of vscode.CodeLens). */
function toLenses(m: { lenses: { line: number; title: string; step: string }[] }, version: number): unknown[] {
  return m.lenses.map((l) => ({ range: { line: l.line }, command: { title: l.title, arguments: ['doc', l.step, version] } }));
}

async function firstCall(p: GoParser, text: string, runs: number): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const index = new GoDocumentIndex(async () => p);
    const t0 = performance.now();
    await index.model('doc', 1, text);
    times.push(performance.now() - t0);
    index.dispose();
  }
  return median(times);
}

/**
 * One character typed, then deleted, at `at`, again and again: the median provider call (the model
 * from the document and its change event, then the lenses) and how it was served. Each call is
 * followed by tree-sitter alone on the same edit (tree.edit + incremental parse of a second tree),
 * so both medians are taken under the same load.
 */
async function afterEdit(p: GoParser, text: string, at: number, runs: number) {
  const index = new GoDocumentIndex(async () => p);
  const doc = new HostDocument(text);
  await index.model('doc', doc.version, doc);
  const getText = doc.getText.bind(doc);
  let calls = 0;
  doc.getText = () => {
    calls++;
    return getText();
  };
  // the two texts tree-sitter alone alternates between, made once (no 20,000-line string per run)
  const typed = [text.slice(0, at) + '1' + text.slice(at), text];
  for (const t of typed) flatten(t);
  let tree = p.parse(text);
  const times: number[] = [];
  const alone: number[] = [];
  let lenses = 0;
  for (let r = 0; r < runs; r++) {
    // type a digit, then delete it: one character each time
    const insert = r % 2 === 0;
    const change = doc.edit(at, insert ? '1' : undefined);
    const t0 = performance.now();
    lenses = toLenses(await index.model('doc', doc.version, doc, [change], doc.version - 1), doc.version).length;
    times.push(performance.now() - t0);

    const t1 = performance.now();
    tree.edit({
      startIndex: at,
      oldEndIndex: at + change.rangeLength,
      newEndIndex: at + change.text.length,
      startPosition: { row: change.start.line, column: change.start.character },
      oldEndPosition: { row: change.end.line, column: change.end.character },
      newEndPosition: { row: change.start.line, column: change.start.character + change.text.length },
    });
    const next = p.parse(typed[r % 2], tree);
    alone.push(performance.now() - t1);
    tree.delete();
    tree = next;
  }
  tree.delete();
  index.dispose();
  return { ms: median(times), treeSitter: median(alone), lenses, getText: calls, stats: index.stats };
}

/** getText() on a document version that has not been read yet (the host joins its lines). */
function getTextCost(text: string, runs: number): number {
  const doc = new HostDocument(text);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    doc.edit(100, r % 2 === 0 ? '1' : undefined);
    const t0 = performance.now();
    flatten(doc.getText());
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** A new version of a text without anchor names, not known from change events: the pre-check over the whole text, no parse. */
async function noAnchors(p: GoParser, text: string, runs: number): Promise<number> {
  const index = new GoDocumentIndex(async () => p);
  const times: number[] = [];
  for (let v = 1; v <= runs; v++) {
    const t0 = performance.now();
    if ((await index.model('doc', v, text)).parsed) throw new Error('the file without anchors was parsed');
    times.push(performance.now() - t0);
  }
  index.dispose();
  return median(times);
}

function startup(runs: number): number {
  const parserJs = path.join(__dirname, '..', '..', 'src', 'golang', 'parser.js');
  const script = `const {loadGoParser, wasmPathsFromNodeModules} = require(${JSON.stringify(parserJs)});
const t0 = performance.now();
loadGoParser(wasmPathsFromNodeModules(${JSON.stringify(ROOT)})).then(() => process.stdout.write(String(performance.now() - t0)));`;
  const times: number[] = [];
  for (let r = 0; r < runs; r++) times.push(Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })));
  return median(times);
}

const fmt = (ms: number) => `${ms.toFixed(ms < 1 ? 3 : 1)} ms`;

export async function benchGolang(): Promise<void> {
  const p = await loadGoParser(wasmPathsFromNodeModules(ROOT));
  const f20 = goFile(20_000, true);
  const f10 = goFile(10_000, true);
  const plain20 = goFile(20_000, false);
  await firstCall(p, f10, 2); // warm up the WASM code paths

  const first20 = await firstCall(p, f20, 9);
  const first10 = await firstCall(p, f10, 9);
  // in a helper far from the anchors (the provider's fast path: the tree is edited, the reparse deferred)
  const inHelper = f20.indexOf('\ttotal := 0', Math.floor(f20.length / 2)) + '\ttotal := '.length;
  const EDITS = 101;
  const edit = await afterEdit(p, f20, inHelper, EDITS);
  // inside executeQuestion, an anchor: every call reparses incrementally
  const inAnchor = f20.indexOf('\tregionStart := time.Now()') + '\tregionStart := '.length;
  const reparse = await afterEdit(p, f20, inAnchor, EDITS);
  const none = await noAnchors(p, plain20, 201);
  const noneEdit = await afterEdit(p, plain20, plain20.indexOf('\ttotal := 0', Math.floor(plain20.length / 2)) + '\ttotal := '.length, EDITS);
  const copy = getTextCost(f20, EDITS);
  const start = startup(5);

  const rows: [string, string, string][] = [
    ['first call, 20,000 lines with anchors (full parse)', fmt(first20), `≈ 90 ms expected (4.5 ms / 1,000 lines); ${(first20 / 20).toFixed(2)} ms / 1,000 lines`],
    ['after a one-character edit in another function', fmt(edit.ms), `target ≤ 2 ms (fast path ${edit.stats.fastPath}/${EDITS}: tree edited, reparse deferred; getText ${edit.getText}×)`],
    ['after a one-character edit in executeQuestion', fmt(reparse.ms), `target ≤ 2 ms (incremental reparse ${reparse.stats.incremental}/${EDITS}, ${reparse.lenses} lenses; getText ${reparse.getText}×)`],
    ['  tree-sitter alone on the same edits', fmt(reparse.treeSitter), 'tree.edit + incremental parse: the floor of the row above'],
    ['20,000 lines without anchor names (text pre-check)', fmt(none), 'target ≤ 0.5 ms'],
    ['  after a one-character edit', fmt(noneEdit.ms), `names followed around the edit, no full search (getText ${noneEdit.getText}×)`],
    ['getText() of the 20,000-line document', fmt(copy), 'the host joins its lines; no longer done per edit'],
    ['growth 10,000 → 20,000 lines (full parse)', `${fmt(first10)} → ${fmt(first20)} = ${(first20 / first10).toFixed(2)}×`, 'target ≤ 2.2× (linear)'],
    ['parser start-up (fresh process: init + Go grammar)', fmt(start), 'once per process, on the first Go file with an anchor name'],
  ];
  console.log('\nGo code lenses (medians)');
  const w = Math.max(...rows.map((r) => r[0].length));
  const w2 = Math.max(...rows.map((r) => r[1].length));
  for (const [what, value, note] of rows) console.log(`  ${what.padEnd(w)}  ${value.padStart(w2)}  ${note}`);
}

if (require.main === module) {
  benchGolang().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
