/**
 * Go code-lens benchmark (medians printed, targets shown, never asserted). Each figure times what
 * the code-lens provider runs for a document — the text pre-check, then the cached / incremental
 * tree-sitter parse and the anchor + marker scan that make the lens model (src/golang/documentIndex)
 * — without VS Code itself (getText and turning the model into vscode.CodeLens objects are not counted):
 *   - first call on a 20,000-line Go file that has anchors (full parse)
 *   - the call after a one-character edit: in a function far from the anchors (fast path: the tree is
 *     edited, the reparse deferred) and inside executeQuestion (incremental reparse from the change event)
 *   - a 20,000-line Go file without anchor names (the text pre-check only; no parse)
 *   - growth of the full parse from 10,000 to 20,000 lines
 *   - parser start-up (a fresh Node process loading the two WASM files)
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { mayHaveAnchorsOrMarkers } from '../../src/golang/anchors';
import { GoDocumentIndex, type TextChange } from '../../src/golang/documentIndex';
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

function pos(text: string, i: number): { line: number; character: number } {
  const before = text.slice(0, i);
  return { line: before.split('\n').length - 1, character: i - (before.lastIndexOf('\n') + 1) };
}

async function firstCall(p: GoParser, text: string, runs: number): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const index = new GoDocumentIndex(async () => p);
    const t0 = performance.now();
    if (mayHaveAnchorsOrMarkers(text)) await index.model('doc', 1, text);
    times.push(performance.now() - t0);
    index.dispose();
  }
  return median(times);
}

/** One character typed, then deleted, at `at`, again and again: the median provider call and how it was served. */
async function afterEdit(p: GoParser, text: string, at: number, runs: number): Promise<{ ms: number; lenses: number; stats: GoDocumentIndex['stats'] }> {
  const index = new GoDocumentIndex(async () => p);
  await index.model('doc', 1, text);
  const times: number[] = [];
  let current = text;
  let lenses = 0;
  for (let v = 2; v < runs + 2; v++) {
    // type a digit, then delete it: one character each time
    const insert = v % 2 === 0;
    const change: TextChange = insert
      ? { rangeOffset: at, rangeLength: 0, text: '1', start: pos(current, at), end: pos(current, at) }
      : { rangeOffset: at, rangeLength: 1, text: '', start: pos(current, at), end: pos(current, at + 1) };
    const next = insert ? current.slice(0, at) + '1' + current.slice(at) : current.slice(0, at) + current.slice(at + 1);
    flatten(next);
    const t0 = performance.now();
    if (mayHaveAnchorsOrMarkers(next)) lenses = (await index.model('doc', v, next, [change], v - 1)).lenses.length;
    times.push(performance.now() - t0);
    current = next;
  }
  index.dispose();
  return { ms: median(times), lenses, stats: index.stats };
}

async function noAnchors(p: GoParser, text: string, runs: number): Promise<number> {
  const index = new GoDocumentIndex(async () => p);
  const times: number[] = [];
  for (let v = 1; v <= runs; v++) {
    const t0 = performance.now();
    if (mayHaveAnchorsOrMarkers(text)) await index.model('doc', v, text);
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
  const edit = await afterEdit(p, f20, f20.indexOf('\ttotal := 0', Math.floor(f20.length / 2)) + '\ttotal := '.length, 41);
  // inside executeQuestion, an anchor: every call reparses incrementally
  const reparse = await afterEdit(p, f20, f20.indexOf('\tregionStart := time.Now()') + '\tregionStart := '.length, 41);
  const none = await noAnchors(p, plain20, 201);
  const start = startup(5);

  const rows: [string, string, string][] = [
    ['first call, 20,000 lines with anchors (full parse)', fmt(first20), `≈ 90 ms expected (4.5 ms / 1,000 lines); ${(first20 / 20).toFixed(2)} ms / 1,000 lines`],
    ['after a one-character edit in another function', fmt(edit.ms), `target ≤ 2 ms (fast path ${edit.stats.fastPath}/41: tree edited, reparse deferred)`],
    ['after a one-character edit in executeQuestion', fmt(reparse.ms), `target ≤ 2 ms (incremental reparse ${reparse.stats.incremental}/41, ${reparse.lenses} lenses)`],
    ['20,000 lines without anchor names (text pre-check)', fmt(none), 'target ≤ 0.5 ms'],
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
