/**
 * Proof before an edit: the file's package is built with `go build -overlay` twice — as it is and
 * with the insertion — and nothing is written to the user's files (the overlay's texts live in a
 * temporary folder). The package builds in its own mode (module or GOPATH, as Beacon Debug: Build
 * chooses it). Only when it builds without the insertion can the insertion be blamed for errors;
 * when it does not (no toolchain, a go.mod this Go cannot read, missing dependencies, a folder
 * outside a GOPATH layout), the insertion is not compiled and the reason says so.
 * (`go vet` ignores -overlay in Go 1.19, so the proof is the build.)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { goBuildSetup, parseGoBuildOutput, type GoProblem } from './goBuild';
import { nonRegularEntries } from '../shared/regularFile';

/** Runs `argv` (argv[0] = go, as found on PATH or configured by the user); the caller owns timeouts and kills. */
export type GoRunner = (
  argv: readonly string[],
  options: { cwd: string; env: Record<string, string>; signal?: AbortSignal; timeoutMs: number },
) => Promise<{ exitCode?: number; output: string; error?: string; errorMessage?: string }>;

export type Proof =
  | { kind: 'built'; ms: number }
  /** The insertion adds errors: Go's messages, positions in the instrumented text. */
  | { kind: 'adds-errors'; problems: GoProblem[]; message: string; ms: number }
  | { kind: 'not-compiled'; reason: string; ms: number }
  | { kind: 'cancelled'; ms: number };

export const PROOF_TIMEOUT_MS = 120_000;

export interface ProofOptions {
  run: GoRunner;
  /** The environment the build inherits (module/GOPATH settings are added to it). */
  env: Readonly<Record<string, string | undefined>>;
  /** `go` or the path the user configured. */
  go?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  exists?: (p: string) => boolean;
}

interface BuildResult {
  ok: boolean;
  problems: GoProblem[];
  /** Go's own words when the build could not start or failed without positions. */
  why: string;
  cancelled?: boolean;
}

/** The first line of what Go said, for one-line reasons. */
function firstLine(s: string): string {
  return s.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? s.trim();
}

/** Files named `*_GOOS.go` / `*_GOARCH.go`, or with build constraints, may not be in the build at all. */
function constrained(file: string, text: string): boolean {
  const pkg = text.search(/^package\s/m);
  const head = pkg > 0 ? text.slice(0, pkg) : '';
  if (/^\/\/(go:build|\s*\+build)\s/m.test(head)) return true;
  return /_(linux|darwin|windows|freebsd|netbsd|openbsd|plan9|solaris|aix|android|ios|js|wasip1|illumos|dragonfly|amd64|386|arm|arm64|wasm|mips\w*|ppc64\w*|riscv64|s390x|loong64)(_test)?\.go$/.test(path.basename(file));
}

/**
 * Proves insertions into the files of one or more packages. Each package's build without the
 * insertions is run once and remembered (the user's files do not change meanwhile: nothing is
 * written until the proof is done).
 */
export class InsertionProver {
  private readonly baselines = new Map<string, Promise<BuildResult>>();
  /** Time spent in `go`, for the log and the bench. */
  readonly stats = { builds: 0, ms: 0 };

  constructor(private readonly options: ProofOptions) {}

  private exists(p: string): boolean {
    return (this.options.exists ?? fs.existsSync)(p);
  }

  private async build(dir: string, overlay: ReadonlyMap<string, string>, listFile?: string): Promise<BuildResult & { listed?: boolean }> {
    // a FIFO or a device named *.go would make `go build` block or read for ever (issue 11 D7)
    const odd = nonRegularEntries(dir, '.go');
    if (odd.length) return { ok: false, problems: [], why: `${odd[0].name} is ${odd[0].kind}, not a regular file: the package is not built` };
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-proof-'));
    try {
      const replace: Record<string, string> = {};
      let i = 0;
      for (const [file, text] of overlay) {
        const copy = path.join(tmp, `${i++}-${path.basename(file)}`);
        fs.writeFileSync(copy, text);
        replace[path.resolve(file)] = copy;
      }
      const overlayFile = path.join(tmp, 'overlay.json');
      fs.writeFileSync(overlayFile, JSON.stringify({ Replace: replace }));
      const setup = goBuildSetup(dir, this.options.env, (p) => this.exists(p));
      const env: Record<string, string> = {};
      for (const [k, v] of Object.entries(this.options.env)) if (v !== undefined) env[k] = v;
      Object.assign(env, setup.env);
      const go = this.options.go ?? 'go';
      const timeoutMs = this.options.timeoutMs ?? PROOF_TIMEOUT_MS;
      const t0 = performance.now();
      let listed: boolean | undefined;
      if (listFile) {
        const list = await this.options.run([go, 'list', '-overlay', overlayFile, '-f', '{{join .GoFiles "\\n"}}', '.'], { cwd: dir, env, signal: this.options.signal, timeoutMs });
        listed = list.exitCode === 0 && list.output.split('\n').map((l) => l.trim()).includes(path.basename(listFile));
      }
      const r = await this.options.run([go, 'build', '-o', os.devNull, '-overlay', overlayFile, '.'], { cwd: dir, env, signal: this.options.signal, timeoutMs });
      this.stats.builds++;
      this.stats.ms += performance.now() - t0;
      if (r.error === 'cancelled') return { ok: false, problems: [], why: 'cancelled', cancelled: true };
      if (r.error === 'ENOENT' || r.error === 'EACCES') return { ok: false, problems: [], why: `no Go toolchain (${go} not found)` };
      if (r.error === 'timeout') return { ok: false, problems: [], why: `go build took longer than ${Math.round(timeoutMs / 1000)} s` };
      // positions in the overlay's copies are reported under the user's paths already (go does that)
      const parsed = parseGoBuildOutput(r.output, dir);
      const reverse = new Map(Object.entries(replace).map(([real, copy]) => [path.resolve(copy), real]));
      const problems = parsed.problems.map((p) => ({ ...p, file: reverse.get(path.resolve(p.file)) ?? p.file }));
      if (r.exitCode === 0) return { ok: true, problems: [], why: '', listed };
      const why = problems.length ? `${path.basename(problems[0].file)}:${problems[0].line}: ${firstLine(problems[0].message)}` : firstLine(parsed.other.join('\n') || r.errorMessage || `exit ${r.exitCode ?? r.error}`);
      return { ok: false, problems, why, listed };
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }

  /**
   * Does `after` (the text of `file` with the insertion) build where `before` does? `others` are the
   * package's other files as the caller has them when they differ from the disk (unsaved editors,
   * insertions accepted earlier in the same run).
   */
  async prove(file: string, before: string, after: string, others: ReadonlyMap<string, string> = new Map()): Promise<Proof> {
    const t0 = performance.now();
    const ms = () => performance.now() - t0;
    if (file.endsWith('_test.go')) return { kind: 'not-compiled', reason: 'go build does not compile test files', ms: ms() };
    const dir = path.dirname(path.resolve(file));
    const withFile = (text: string) => new Map([...others, [path.resolve(file), text]]);
    const key = `${dir}\0${[...withFile(before)].map(([f, t]) => f + '\0' + t).join('\0')}`;
    let base = this.baselines.get(key);
    const listFile = constrained(file, before) ? file : undefined;
    if (!base) {
      base = this.build(dir, withFile(before), listFile);
      this.baselines.set(key, base);
    }
    // both builds at once: the second mostly waits on the first's cached dependencies anyway
    const [b, a] = await Promise.all([base, this.build(dir, withFile(after))]);
    if (b.cancelled || a.cancelled) return { kind: 'cancelled', ms: ms() };
    if (!b.ok) return { kind: 'not-compiled', reason: b.why.startsWith('no Go toolchain') || b.why.startsWith('go build took') ? b.why : `the package does not build without the insertion either: ${b.why}`, ms: ms() };
    if ((b as { listed?: boolean }).listed === false) return { kind: 'not-compiled', reason: `${path.basename(file)} is left out of this build by its build constraints`, ms: ms() };
    if (a.ok) return { kind: 'built', ms: ms() };
    const own = a.problems.filter((p) => path.resolve(p.file) === path.resolve(file));
    const shown = own.length ? own : a.problems;
    const message = shown.length ? shown.slice(0, 3).map((p) => `${path.basename(p.file)}:${p.line}${p.column ? ':' + p.column : ''}: ${firstLine(p.message)}`).join('; ') : a.why;
    return { kind: 'adds-errors', problems: a.problems, message, ms: ms() };
  }
}
