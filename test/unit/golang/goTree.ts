// Builds a GOPATH tree of instrumented fixture variants and runs the Go toolchain on it.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { GoInstrumenter } from '../../../src/golang/instrumenter';
import { STEP_IDS, STEPS, type AnchorKind, type StepId } from '../../../src/golang/steps';
import { ANCHOR_FILES, IMPORT_PATH, readApp, siblingsOf } from './fixture';
import { VARIANTS, type Variant } from './variants';

export const APT_HINT = 'apt-get install golang-go golang-github-rs-zerolog-dev golang-github-gin-gonic-gin-dev';
export const SYSTEM_GOPATH = '/usr/share/gocode';
export const TEST_ROOT = 'beacon.test';

export const FILE_OF: Record<AnchorKind, string> = {
  executeQuestion: ANCHOR_FILES.worker,
  executorCall: ANCHOR_FILES.worker,
  hybridExecute: ANCHOR_FILES.hybridExecutor,
  runInference: ANCHOR_FILES.client,
  setHybridClient: ANCHOR_FILES.main,
};

export interface Instrumented {
  variant: string;
  /** a step id, `all`, or `all-minus-<step>` */
  label: string;
  gofmtClean: boolean;
  original: string;
  text: string;
  /** path inside the tree */
  file: string;
  inserted: StepId[];
  skipped: { step: string; reason: string }[];
}

/** The file an anchor is in, for a variant (a shape may move executeQuestion to a file of its own). */
export function fileOf(v: Variant, kind: AnchorKind): string {
  const moved = (v as { files?: Partial<Record<'executeQuestion', string>> }).files?.executeQuestion;
  return moved && (kind === 'executeQuestion' || kind === 'executorCall') ? moved : FILE_OF[kind];
}

export interface GoTree {
  gopath: string;
  records: Instrumented[];
}

function stepDir(step: string): string {
  return step.replace(/[.-]/g, '_');
}

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

function rewrite(text: string, prefix: string): string {
  return text.split(IMPORT_PATH + '/').join(prefix + '/');
}

/** Where `go` and `gofmt` are, or an Error that says how to get them. */
export function findGo(): { go: string; gofmt: string } | Error {
  const find = (name: string) => {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
      const f = path.join(dir, name);
      if (dir && fs.existsSync(f)) return f;
    }
    return undefined;
  };
  const go = find('go');
  const gofmt = find('gofmt');
  const libs = ['github.com/rs/zerolog', 'github.com/gin-gonic/gin'].filter((p) => !fs.existsSync(path.join(SYSTEM_GOPATH, 'src', p)));
  if (!go || !gofmt) return new Error(`the Go toolchain is not on PATH (go, gofmt): ${APT_HINT}`);
  if (libs.length) return new Error(`Go libraries missing under ${SYSTEM_GOPATH} (${libs.join(', ')}): ${APT_HINT}`);
  return { go, gofmt };
}

export function goEnv(gopath: string): NodeJS.ProcessEnv {
  return { ...process.env, GO111MODULE: 'off', GOPATH: `${gopath}${path.delimiter}${SYSTEM_GOPATH}`, GOFLAGS: '', GOPROXY: 'off', GOTOOLCHAIN: 'local' };
}

export function run(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: opts.cwd, env: opts.env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/**
 * Lays out, for every variant V under `beacon.test/V/`:
 *   the plain app (internal/…, cmd/runner);
 *   one copy of the anchor's package per step (internal/worker_s2_1, cmd/runner_s0_3, …) that
 *     imports the plain packages, holding only that step;
 *   `all/` — the whole app with every step and the behaviour tests (tag beacon_instrumented);
 * and for the base variant, `all/` minus one step at a time (internal/worker_minus_2_1, …).
 */
export function buildTree(ins: GoInstrumenter, variants: readonly Variant[] = VARIANTS, options: { nearest?: boolean } = {}): GoTree {
  const gopath = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-go-'));
  const records: Instrumented[] = [];
  for (const v of variants) {
    const files = readApp();
    v.apply(files);
    const plain = `${TEST_ROOT}/${v.name}`;
    const all = `${plain}/all`;
    const src = (p: string) => path.join(gopath, 'src', ...p.split('/'));
    for (const [rel, text] of files) {
      if (!rel.endsWith('_test.go')) write(path.join(src(plain), rel), rewrite(text, plain));
      write(path.join(src(all), rel), rewrite(text, all));
    }
    // one package copy per step
    for (const step of STEP_IDS) {
      const rel = fileOf(v, STEPS[step].anchor);
      const pkgDir = path.posix.dirname(rel);
      const copyDir = `${pkgDir}_s${stepDir(step)}`;
      const original = rewrite(files.get(rel)!, plain);
      const sib = siblingsOf(files, rel).map((t) => rewrite(t, plain));
      const r = ins.insert(original, [step], sib, options);
      for (const [f, text] of files) {
        if (path.posix.dirname(f) !== pkgDir || f.endsWith('_test.go')) continue;
        const target = path.join(src(plain), copyDir, path.posix.basename(f));
        write(target, f === rel ? r.text : rewrite(text, plain));
      }
      records.push({ variant: v.name, label: step, gofmtClean: v.gofmtClean, original, text: r.text, file: path.join(src(plain), copyDir, path.posix.basename(rel)), inserted: r.inserted, skipped: r.skipped });
    }
    // everything, with the behaviour tests
    for (const rel of new Set(STEP_IDS.map((s) => fileOf(v, STEPS[s].anchor)))) {
      const original = rewrite(files.get(rel)!, all);
      const sib = siblingsOf(files, rel).map((t) => rewrite(t, all));
      const r = ins.insert(original, STEP_IDS, sib, options);
      const file = path.join(src(all), rel);
      write(file, r.text);
      const expected = STEP_IDS.filter((s) => fileOf(v, STEPS[s].anchor) === rel);
      records.push({ variant: v.name, label: 'all', gofmtClean: v.gofmtClean, original, text: r.text, file, inserted: r.inserted, skipped: r.skipped.filter((s) => expected.includes(s.step as StepId)) });
      if (v.name !== 'base') continue;
      // all minus one step: the imports the removed step added move to the steps still using them
      for (const step of expected) {
        const minus = ins.remove(r.text, [step]);
        const pkgDir = path.posix.dirname(rel);
        const copyDir = `${pkgDir}_minus_${stepDir(step)}`;
        for (const [f, text] of files) {
          if (path.posix.dirname(f) !== pkgDir || f.endsWith('_test.go')) continue;
          write(path.join(src(all), copyDir, path.posix.basename(f)), f === rel ? minus.text : rewrite(text, all));
        }
        records.push({
          variant: v.name,
          label: `all-minus-${step}`,
          gofmtClean: v.gofmtClean,
          original,
          text: minus.text,
          file: path.join(src(all), copyDir, path.posix.basename(rel)),
          inserted: expected.filter((s) => s !== step),
          skipped: minus.skipped,
        });
      }
    }
  }
  return { gopath, records };
}
