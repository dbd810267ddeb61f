/**
 * `beacon-debug instrument FILE… [--step 0.3|2.1|2.2|2.3|2.4|5.1|fix-g|all] [--remove] [--check] [--dry-run] [--json]`
 *
 * Inserts the plan's Go instrumentation at the anchors it finds (default: every step), removes it
 * (`--remove`, byte for byte), or lists every `// beacon-debug:` marker (`--check`: exit 1 when there
 * is one — for CI and pre-deploy hooks). A directory stands for the `.go` files under it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GoInstrumenter } from '../golang/instrumenter';
import { lineDiff } from '../golang/lineDiff';
import { readSiblingSources } from '../golang/packageSources';
import { defaultWasmPaths, loadGoParser } from '../golang/parser';
import { isStepId, STEP_IDS, STEPS, ANCHOR_LABEL, type StepId } from '../golang/steps';

const USAGE = `Usage: beacon-debug instrument FILE… [--step 0.3|2.1|2.2|2.3|2.4|5.1|fix-g|all] [--remove] [--check] [--dry-run] [--json]

  (default)   insert the step(s) at their anchors; inserting twice is a no-op
  --remove    remove the step(s) (default: all), restoring the file byte for byte
  --check     list every beacon-debug marker; exit 1 when there is one, 0 when there is none
  --step      one step, a comma-separated list, or all (the default)
  --dry-run   show what would change, write nothing
  --json      a JSON array, one object per file
A directory stands for every .go file under it (vendor/, testdata/ and hidden folders skipped).
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
}

class UsageError extends Error {}

function parseArgs(args: string[]): Options {
  const o: Options = { files: [], steps: [...STEP_IDS], explicitSteps: false, remove: false, check: false, dryRun: false, json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--remove') o.remove = true;
    else if (a === '--check') o.check = true;
    else if (a === '--dry-run') o.dryRun = true;
    else if (a === '--json') o.json = true;
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
  return o;
}

const SKIP_DIRS = new Set(['vendor', 'testdata', 'node_modules']);

/** Expands directories to their .go files; `explicit` marks files named on the command line. */
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
  removed?: StepId[];
  skipped: { step: string; reason: string }[];
  changed: boolean;
  diff?: string;
}

export async function runInstrumentCommand(args: string[], io: { stdout: (s: string) => void; stderr: (s: string) => void }): Promise<number> {
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

  const texts = new Map<string, string>();
  for (const t of targets) {
    try {
      texts.set(t.file, fs.readFileSync(t.file, 'utf8'));
    } catch (e) {
      io.stderr(`beacon-debug instrument: cannot read ${t.file}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  // Files found by walking a directory count only when they could hold an anchor or a marker.
  const relevant = targets.filter((t) => t.explicit || GoInstrumenter.relevant(texts.get(t.file)!));

  let ins: GoInstrumenter;
  try {
    ins = new GoInstrumenter(await loadGoParser(defaultWasmPaths()));
  } catch (e) {
    io.stderr(`beacon-debug instrument: cannot load the Go parser: ${(e as Error).message}\n`);
    return 2;
  }

  if (o.check) return check(ins, o, relevant, texts, io);

  const reports: FileReport[] = [];
  for (const { file, explicit } of relevant) {
    const text = texts.get(file)!;
    let next: string;
    let report: FileReport;
    if (o.remove) {
      const r = ins.remove(text, o.steps);
      next = r.text;
      report = { file, inserted: [], removed: r.removed, skipped: r.skipped, changed: next !== text };
    } else {
      const r = ins.insert(text, o.steps, readSiblingSources(file));
      next = r.text;
      report = { file, inserted: r.inserted, skipped: r.skipped, changed: next !== text };
    }
    if (report.changed) {
      if (o.dryRun) report.diff = lineDiff(text, next, file);
      else {
        try {
          fs.writeFileSync(file, next);
        } catch (e) {
          io.stderr(`beacon-debug instrument: cannot write ${file}: ${(e as Error).message}\n`);
          return 2;
        }
      }
    }
    // a file found by walking a directory is reported only when something happened or could not
    const quiet = !explicit && !report.changed && report.skipped.every((k) => notHere(k.reason) || k.reason === 'already inserted');
    if (!quiet) reports.push(report);
  }

  if (o.json) {
    const out = reports.map((r) => {
      const base: Record<string, unknown> = { file: r.file, inserted: r.inserted };
      if (o.remove) base.removed = r.removed;
      base.skipped = r.skipped;
      if (o.dryRun) base.dryRun = true;
      return base;
    });
    io.stdout(JSON.stringify(out, null, 2) + '\n');
    return 0;
  }
  for (const r of reports) io.stdout(describe(r, o));
  if (!reports.length) io.stdout(`nothing to ${o.remove ? 'remove' : 'insert'} in ${relevant.length} file(s)\n`);
  const inserted = new Set(reports.flatMap((r) => r.inserted));
  if (inserted.size && !inserted.has('2.4')) io.stdout(`note: only 2.4 also covers the cross-region path (POST /api/v1/jobs/cross-region)\n`);
  if (o.dryRun) io.stdout('(dry run: nothing written)\n');
  return 0;
}

function notHere(reason: string): boolean {
  return Object.values(ANCHOR_LABEL).some((l) => reason === `no ${l} in this file`);
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
    lines.push(`  skipped ${s.step}: ${s.reason}`);
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
    };
  });
  const found = results.filter((r) => r.markers.length || r.problems.length);
  if (o.json) {
    io.stdout(JSON.stringify(results.map((r) => ({ file: r.file, markers: r.markers, problems: r.problems })), null, 2) + '\n');
    return found.length ? 1 : 0;
  }
  for (const r of found) {
    for (const m of r.markers) io.stdout(`${r.file}:${m.line}: // beacon-debug:${m.kind} ${m.step}\n`);
    for (const p of r.problems) io.stdout(`${r.file}:${p.line}: damaged marker: ${p.reason}\n`);
  }
  if (found.length) {
    const n = found.reduce((k, r) => k + r.markers.length, 0);
    io.stdout(`${n} beacon-debug marker line(s) in ${found.length} file(s): remove the instrumentation before deploying (beacon-debug instrument --remove …)\n`);
    return 1;
  }
  io.stdout(`no beacon-debug markers in ${targets.length} file(s)\n`);
  return 0;
}
