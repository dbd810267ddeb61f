/**
 * `beacon-debug instrument FILE… [--step 0.3|2.1|2.2|2.3|2.4|5.1|fix-g|all] [--remove] [--check] [--dry-run] [--json]`
 *
 * Inserts the plan's Go instrumentation at the anchors it finds (default: every step), removes it
 * (`--remove`, byte for byte), or lists every `// beacon-debug:` marker (`--check`: exit 1 when there
 * is one — for CI and pre-deploy hooks). A directory stands for the `.go` files under it.
 *
 * Files are read and written as bytes (what is not UTF-8 comes back as it was), and a run changes
 * every file it means to change or none: each is checked writable and unchanged before the first write.
 * Insertions are proven by building the package with and without them (go build -overlay) when Go is
 * there; one that adds errors is not made unless --force. The CLI never prompts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCaptured } from '../engine/probes/capturedCommand';
import { GoInstrumenter, type InsertAttempt } from '../golang/instrumenter';
import { lineDiff } from '../golang/lineDiff';
import { readSiblingSources } from '../golang/packageSources';
import { defaultWasmPaths, loadGoParser } from '../golang/parser';
import { InsertionProver } from '../golang/proofBuild';
import { lineRuns, type EditedBlock } from '../golang/remove';
import type { MarkerId } from '../golang/markers';
import { decodeSource, encodeSource } from '../golang/sourceBytes';
import { isStepId, noAnchorText, STEP_IDS, STEPS, ANCHOR_LABEL, type AnchorKind, type StepId } from '../golang/steps';
import { applyEdits } from '../golang/textEdits';
import { inertJson } from '../shared/inertText';
import { readRegularFileBytesSync } from '../shared/regularFile';
import { errorMessage } from '../shared/errorMessage';

const USAGE = `Usage: beacon-debug instrument FILE… [--step 0.3|2.1|2.2|2.3|2.4|5.1|fix-g|all] [--remove] [--check] [--dry-run] [--json]
                                 [--force] [--nearest] [--keep-my-lines] [--no-compile]

  (default)   insert the step(s) at their anchors; inserting twice is a no-op
  --remove    remove the step(s) (default: all), restoring the file byte for byte
  --check     list every beacon-debug marker and every edited block; exit 1 when there is one, 0 when there is none
  --step      one step, a comma-separated list, or all (the default)
  --dry-run   show what would change, write nothing
  --json      a JSON array, one object per file
  --force     insert a step even when its insertion adds build errors; remove a block even when
              lines in it were not inserted (they go too) or its "was" line was edited
  --nearest   where a step cannot go where the plan puts it, insert it at the nearest valid point
  --keep-my-lines  with --remove: from a block with lines someone typed, remove only the inserted lines
  --no-compile     do not prove insertions with go build
A directory stands for every .go file under it (vendor/, testdata/ and hidden folders skipped).
Before an insertion is written, the package is built with and without it (go build -overlay,
nothing written meanwhile); a step whose insertion adds build errors is skipped (exit 1).
Only step 2.4 also covers the cross-region execution path (POST /api/v1/jobs/cross-region).
`;

interface Options {
  files: string[];
  steps: StepId[];
  explicitSteps: boolean;
  remove: boolean;
  check: boolean;
  dryRun: boolean;
  json: boolean;
  force: boolean;
  nearest: boolean;
  keepMyLines: boolean;
  compile: boolean;
}

class UsageError extends Error {}

function parseArgs(args: string[]): Options {
  const o: Options = { files: [], steps: [...STEP_IDS], explicitSteps: false, remove: false, check: false, dryRun: false, json: false, force: false, nearest: false, keepMyLines: false, compile: true };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--remove') o.remove = true;
    else if (a === '--check') o.check = true;
    else if (a === '--dry-run') o.dryRun = true;
    else if (a === '--json') o.json = true;
    else if (a === '--force') o.force = true;
    else if (a === '--nearest') o.nearest = true;
    else if (a === '--keep-my-lines') o.keepMyLines = true;
    else if (a === '--no-compile') o.compile = false;
    else if (a === '--step' || a.startsWith('--step=')) {
      const value = a === '--step' ? args[++i] : a.slice('--step='.length);
      if (value === undefined || value === '' || value.startsWith('--')) throw new UsageError('--step needs a value: 0.3, 2.1, 2.2, 2.3, 2.4, 5.1, fix-g or all');
      if (o.explicitSteps) throw new UsageError('--step given twice (use a comma-separated list)');
      o.explicitSteps = true;
      if (value === 'all') continue;
      const ids = value.split(',').map((s) => s.trim());
      const bad = ids.filter((s) => !isStepId(s));
      if (bad.length) throw new UsageError(`unknown step ${bad.map((b) => `"${b}"`).join(', ')}: use 0.3, 2.1, 2.2, 2.3, 2.4, 5.1, fix-g or all`);
      o.steps = STEP_IDS.filter((s) => ids.includes(s));
    } else if (a === '-h' || a === '--help') throw new UsageError('');
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else o.files.push(a);
  }
  if (!o.files.length) throw new UsageError('no FILE given');
  if (o.check && o.remove) throw new UsageError('--check and --remove do not go together: check first, then remove');
  if (o.keepMyLines && !o.remove) throw new UsageError('--keep-my-lines goes with --remove');
  return o;
}

const SKIP_DIRS = new Set(['vendor', 'testdata', 'node_modules']);

/** Expands directories to their .go files; `explicit` marks files named on the command line. */
/** Larger Go files are not read (a generated file, or not source at all). */
const MAX_GO_FILE_BYTES = 4 * 1024 * 1024;

function expand(paths: string[]): { file: string; explicit: boolean }[] {
  const out: { file: string; explicit: boolean }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : 1))) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(full);
      } else if (e.isFile() && e.name.endsWith('.go')) out.push({ file: full, explicit: false });
    }
  };
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      throw new UsageError(`no such file or directory: ${p}`);
    }
    if (st.isDirectory()) walk(p);
    else out.push({ file: p, explicit: true });
  }
  return out;
}

interface FileReport {
  file: string;
  inserted: StepId[];
  removed?: MarkerId[];
  skipped: { step: string; reason: string }[];
  /** Inserted without a build proof, and why. */
  notCompiled: { step: StepId; reason: string }[];
  /** Blocks with lines that were not inserted (--remove). */
  edited: EditedBlock[];
  changed: boolean;
  diff?: string;
}

export async function runInstrumentCommand(
  args: string[],
  io: { stdout: (s: string) => void; stderr: (s: string) => void },
  signal?: AbortSignal,
): Promise<number> {
  let o: Options;
  let targets: { file: string; explicit: boolean }[];
  try {
    o = parseArgs(args);
    targets = expand(o.files);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (!e.message) {
      io.stdout(USAGE);
      return 0;
    }
    io.stderr(`beacon-debug instrument: ${e.message}\n\n${USAGE}`);
    return 2;
  }

  const bytes = new Map<string, Buffer>();
  const texts = new Map<string, string>();
  for (const t of targets) {
    try {
      const b = readRegularFileBytesSync(t.file, MAX_GO_FILE_BYTES);
      bytes.set(t.file, b);
      texts.set(t.file, decodeSource(b));
    } catch (e) {
      io.stderr(`beacon-debug instrument: cannot read ${t.file}: ${errorMessage(e)}\n`);
      return 2;
    }
  }
  // Files found by walking a directory count only when they could hold an anchor or a marker.
  const relevant = targets.filter((t) => t.explicit || GoInstrumenter.relevant(texts.get(t.file)!));

  let ins: GoInstrumenter;
  try {
    ins = new GoInstrumenter(await loadGoParser(defaultWasmPaths()));
  } catch (e) {
    io.stderr(`beacon-debug instrument: cannot load the Go parser: ${errorMessage(e)}\n`);
    return 2;
  }

  if (o.check) return check(ins, o, relevant, texts, io);

  const prover = o.compile && !o.remove ? new InsertionProver({ run: runCaptured, env: process.env, signal }) : undefined;
  /** Per package folder: the texts this run will write there (later files are proven with them). */
  const accepted = new Map<string, Map<string, string>>();
  let refused = false;
  const reports: FileReport[] = [];
  const writes: { file: string; next: string }[] = [];
  for (const { file, explicit } of relevant) {
    const text = texts.get(file)!;
    let next: string;
    let report: FileReport;
    if (o.remove) {
      const r = ins.remove(text, o.steps, { edited: o.keepMyLines ? 'keep-my-lines' : o.force ? 'remove' : 'refuse', force: o.force });
      next = r.text;
      report = { file, inserted: [], removed: r.removed, skipped: r.skipped, notCompiled: [], edited: r.edited, changed: next !== text };
      // an edited block or an edited `was` line left alone is a refusal: the user decides
      if (r.skipped.some((k) => r.edited.some((e) => e.step === k.step) || /beacon-debug:(was|gofmt)" line/.test(k.reason))) refused = true;
    } else {
      const dir = path.dirname(path.resolve(file));
      const others = accepted.get(dir) ?? new Map<string, string>();
      report = { file, inserted: [], skipped: [], notCompiled: [], edited: [], changed: false };
      next = text;
      const siblings = readSiblingSources(file);
      for (const step of o.steps) {
        const attempt: InsertAttempt = ins.attemptInsert(next, step, siblings, { nearest: o.nearest });
        if ('skipped' in attempt) {
          report.skipped.push({ step, reason: attempt.skipped + (attempt.nearest ? `; nearest valid point: line ${attempt.nearest.line} (${attempt.nearest.where}), --nearest inserts it there` : '') });
          if (attempt.refused) refused = true;
          continue;
        }
        const candidate = applyEdits(next, attempt.edits);
        if (prover) {
          const proof = await prover.prove(file, next, candidate, others);
          if (proof.kind === 'cancelled') {
            io.stderr('beacon-debug instrument: cancelled; nothing written\n');
            return 2;
          }
          if (proof.kind === 'adds-errors') {
            if (!o.force) {
              report.skipped.push({ step, reason: `the insertion does not build: ${proof.message} (--force inserts it anyway)` });
              refused = true;
              continue;
            }
            report.notCompiled.push({ step, reason: `inserted with --force although it does not build: ${proof.message}` });
          } else if (proof.kind === 'not-compiled') report.notCompiled.push({ step, reason: proof.reason });
        }
        next = candidate;
        report.inserted.push(step);
      }
      report.changed = next !== text;
      if (report.changed) {
        others.set(path.resolve(file), next);
        accepted.set(dir, others);
      }
    }
    if (report.changed) {
      if (o.dryRun) report.diff = lineDiff(text, next, file);
      else writes.push({ file, next });
    }
    // a file found by walking a directory is reported only when something happened or could not
    const quiet = !explicit && !report.changed && !report.edited.length && report.skipped.every((k) => notHere(k.reason) || k.reason === 'already inserted');
    if (!quiet) reports.push(report);
  }

  const failed = writeAll(writes, bytes);
  if (failed) {
    io.stderr(`beacon-debug instrument: ${failed}; nothing was written\n`);
    return 2;
  }

  if (o.json) {
    const out = reports.map((r) => {
      const base: Record<string, unknown> = { file: r.file, inserted: r.inserted };
      if (o.remove) base.removed = r.removed;
      base.skipped = r.skipped;
      if (r.notCompiled.length) base.notCompiled = r.notCompiled;
      if (r.edited.length) base.edited = r.edited;
      if (o.dryRun) base.dryRun = true;
      return base;
    });
    io.stdout(inertJson(out, 2) + '\n');
    return refused ? 1 : 0;
  }
  for (const r of reports) io.stdout(describe(r, o));
  if (!reports.length) io.stdout(`nothing to ${o.remove ? 'remove' : 'insert'} in ${relevant.length} file(s)\n`);
  const inserted = new Set(reports.flatMap((r) => r.inserted));
  if (inserted.size && !inserted.has('2.4')) io.stdout(`note: only 2.4 also covers the cross-region path (POST /api/v1/jobs/cross-region)\n`);
  if (o.dryRun) io.stdout('(dry run: nothing written)\n');
  return refused ? 1 : 0;
}

/**
 * Writes every file or none. Before the first write each file is checked: still the bytes this run
 * read (nobody changed it meanwhile) and open for writing. Should a write still fail, the files
 * already written get their old bytes back. Returns why it wrote nothing, or undefined.
 */
function writeAll(writes: readonly { file: string; next: string }[], original: ReadonlyMap<string, Buffer>): string | undefined {
  for (const { file } of writes) {
    let now: Buffer;
    try {
      now = fs.readFileSync(file);
    } catch (e) {
      return `cannot read ${file} again: ${errorMessage(e)}`;
    }
    if (!now.equals(original.get(file)!)) return `${file} changed while it was being instrumented`;
    try {
      fs.closeSync(fs.openSync(file, 'r+'));
    } catch (e) {
      return `cannot write ${file}: ${errorMessage(e)}`;
    }
  }
  const done: string[] = [];
  for (const { file, next } of writes) {
    try {
      fs.writeFileSync(file, encodeSource(next));
      done.push(file);
    } catch (e) {
      for (const f of done) {
        try {
          fs.writeFileSync(f, original.get(f)!);
        } catch {
          /* reported below: the message names the file that failed */
        }
      }
      return `cannot write ${file}: ${errorMessage(e)} (the ${done.length} file(s) written before it were restored)`;
    }
  }
  return undefined;
}

function notHere(reason: string): boolean {
  return (Object.keys(ANCHOR_LABEL) as AnchorKind[]).some((k) => reason === `${noAnchorText(k)} in this file`);
}

function describeEdited(file: string, e: EditedBlock): string {
  const lines = lineRuns(e.lines.map((l) => l.line));
  return `${file}:${e.beginLine}: edited block ${e.step}: ${e.lines.length === 1 ? 'line' : 'lines'} ${lines} ${e.lines.length === 1 ? 'was' : 'were'} not inserted by Beacon Debug\n`;
}

function describe(r: FileReport, o: Options): string {
  const lines: string[] = [];
  const verb = o.dryRun ? 'would ' : '';
  if (o.remove) {
    lines.push(r.removed && r.removed.length ? `${r.file}: ${verb}${o.dryRun ? 'remove' : 'removed'} ${r.removed.join(', ')}` : `${r.file}: no instrumentation to remove`);
  } else if (r.inserted.length) {
    lines.push(`${r.file}: ${verb}${o.dryRun ? 'insert' : 'inserted'} ${r.inserted.map((s) => `${s} (${STEPS[s].label})`).join(', ')}`);
  } else {
    lines.push(`${r.file}: nothing inserted`);
  }
  for (const s of r.skipped) {
    if (!o.explicitSteps && notHere(s.reason)) continue; // with every step, absent anchors are expected
    lines.push(o.remove && s.reason !== 'already inserted' ? `  not removed ${s.step}: ${s.reason}` : `  skipped ${s.step}: ${s.reason}`);
  }
  for (const n of r.notCompiled) lines.push(`  not compiled ${n.step}: ${n.reason}`);
  for (const e of r.edited) {
    if (o.keepMyLines && e.canKeep) lines.push(`  kept ${e.lines.length} line(s) typed into ${e.step} (${lineRuns(e.lines.map((l) => l.line))})`);
  }
  let out = lines.join('\n') + '\n';
  if (r.diff) out += r.diff;
  return out;
}

function check(
  ins: GoInstrumenter,
  o: Options,
  targets: { file: string }[],
  texts: Map<string, string>,
  io: { stdout: (s: string) => void },
): number {
  const wanted = new Set<string>(o.steps);
  const results = targets.map(({ file }) => {
    const r = ins.check(texts.get(file)!);
    return {
      file,
      markers: r.markers.filter((m) => !o.explicitSteps || wanted.has(m.step)),
      problems: r.problems.filter((p) => !o.explicitSteps || wanted.has(p.step)),
      edited: r.edited.filter((e) => !o.explicitSteps || wanted.has(e.step)),
    };
  });
  const found = results.filter((r) => r.markers.length || r.problems.length);
  if (o.json) {
    io.stdout(inertJson(results.map((r) => ({ file: r.file, markers: r.markers, problems: r.problems, ...(r.edited.length ? { edited: r.edited } : {}) })), 2) + '\n');
    return found.length ? 1 : 0;
  }
  for (const r of found) {
    for (const m of r.markers) io.stdout(`${r.file}:${m.line}: // beacon-debug:${m.kind} ${m.step}\n`);
    for (const p of r.problems) io.stdout(`${r.file}:${p.line}: damaged marker: ${p.reason}\n`);
    for (const e of r.edited) io.stdout(describeEdited(r.file, e));
  }
  if (found.length) {
    const n = found.reduce((k, r) => k + r.markers.length, 0);
    io.stdout(`${n} beacon-debug marker line(s) in ${found.length} file(s): remove the instrumentation before deploying (beacon-debug instrument --remove …)\n`);
    return 1;
  }
  io.stdout(`no beacon-debug markers in ${targets.length} file(s)\n`);
  return 0;
}
