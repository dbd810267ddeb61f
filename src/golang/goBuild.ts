/**
 * `Beacon Debug: Build` without VS Code: the argv, the environment that makes `go build ./...` work
 * in a module repository and in a GOPATH-mode one, and the compiler's output read as problems
 * (file, line, column, message).
 */
import * as path from 'node:path';

export const GO_BUILD_ARGV: readonly string[] = ['go', 'build', './...'];

export interface GoBuildSetup {
  mode: 'module' | 'gopath';
  /** Set on top of the inherited environment (empty: the inherited one as it is). */
  env: Record<string, string>;
  /** For the log: which mode, and why. */
  note: string;
}

/** Where Go looks for a module or a workspace: the folder and every directory above it. */
function findUp(dir: string, names: readonly string[], exists: (p: string) => boolean): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    for (const n of names) if (exists(path.join(d, n))) return path.join(d, n);
    if (path.dirname(d) === d) return undefined;
  }
}

/** `<root>` when `dir` is `<root>/src/<something>` (the last `src` wins), else undefined. */
function gopathRootOf(dir: string): string | undefined {
  const parts = path.resolve(dir).split(path.sep);
  for (let i = parts.length - 2; i >= 1; i--) {
    if (parts[i] === 'src') return parts.slice(0, i).join(path.sep) || path.sep;
  }
  return undefined;
}

function inside(dir: string, root: string): boolean {
  const rel = path.relative(path.join(root, 'src'), path.resolve(dir));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * The environment for `go build ./...` in `folder`.
 *
 * - A `go.mod` or `go.work` in the folder or above it (what Go itself looks for): module mode, the
 *   inherited environment untouched (GOFLAGS, GOPROXY, GOPRIVATE … are the user's).
 * - None, or GO111MODULE=off: GOPATH mode. Go ≥ 1.16 defaults to module mode and would stop with
 *   "go.mod file not found", so GO111MODULE=off. When the folder lies in a GOPATH tree
 *   (`<root>/src/<import path>`) that the inherited GOPATH does not name, `<root>` is put first,
 *   followed by the inherited GOPATH — or Go's default `$HOME/go` when none is set (setting GOPATH
 *   replaces the default), so libraries installed there are still found.
 * - GO111MODULE=on without a go.mod: left as it is; Go says what is missing.
 */
export function goBuildSetup(
  folder: string,
  env: Readonly<Record<string, string | undefined>>,
  exists: (p: string) => boolean,
): GoBuildSetup {
  const forced = (env.GO111MODULE ?? '').trim();
  const mod = findUp(folder, ['go.mod', 'go.work'], exists);
  if (forced !== 'off' && (mod || forced === 'on')) {
    return { mode: 'module', env: {}, note: mod ? `module mode (${mod})` : 'module mode (GO111MODULE=on, no go.mod found)' };
  }
  const inherited = (env.GOPATH ?? '').split(path.delimiter).filter((p) => p.trim() !== '');
  const out: Record<string, string> = { GO111MODULE: 'off' };
  const why = forced === 'off' ? 'GO111MODULE=off' : 'no go.mod or go.work in the folder or above it';
  if (inherited.some((p) => inside(folder, p))) {
    return { mode: 'gopath', env: out, note: `GOPATH mode (${why}); the folder is in GOPATH=${env.GOPATH}` };
  }
  const root = gopathRootOf(folder);
  if (!root) {
    return { mode: 'gopath', env: out, note: `GOPATH mode (${why}); the folder is not in a GOPATH tree (<root>/src/<import path>), imports of its own packages will not resolve` };
  }
  const rest = inherited.length ? inherited : env.HOME ? [path.join(env.HOME, 'go')] : [];
  out.GOPATH = [root, ...rest.filter((p) => path.resolve(p) !== root)].join(path.delimiter);
  return { mode: 'gopath', env: out, note: `GOPATH mode (${why}); GOPATH=${out.GOPATH}` };
}

export interface GoProblem {
  /** Absolute path. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in bytes of UTF-8 as Go counts (see `utf16Column`); undefined when Go gave none. */
  column?: number;
  /** The compiler's message, with its indented continuation lines (have / want …). */
  message: string;
}

export interface GoBuildOutput {
  problems: GoProblem[];
  /** What Go printed that names no position (`go: …`, `pattern ./...: …`): the reason when there is no problem. */
  other: string[];
}

/** `internal/worker/job_runner.go:12:5: undefined: foo` (the column is optional). */
const POSITION = /^(.+?\.go):(\d+)(?::(\d+))?: (.*)$/;

/**
 * Reads `go build` output. Paths are relative to `cwd` (where go ran) or absolute (files outside
 * it); package headers (`# example.com/pkg`) are skipped, indented lines continue the message
 * above them, and Go's own `too many errors` line (at the position of the last error) is no problem.
 */
export function parseGoBuildOutput(output: string, cwd: string): GoBuildOutput {
  const problems: GoProblem[] = [];
  const other: string[] = [];
  let current: GoProblem | undefined;
  for (const raw of output.split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    if (/^\s/.test(raw)) {
      if (current) current.message += `\n${raw.trim()}`;
      else if (other.length) other[other.length - 1] += `\n${raw.trim()}`;
      continue;
    }
    current = undefined;
    if (raw.startsWith('# ')) continue;
    const m = POSITION.exec(raw.trimEnd());
    if (!m) {
      other.push(raw.trimEnd());
      continue;
    }
    if (m[4] === 'too many errors') continue;
    current = {
      file: path.isAbsolute(m[1]) ? path.normalize(m[1]) : path.resolve(cwd, m[1]),
      line: Number(m[2]),
      ...(m[3] ? { column: Number(m[3]) } : {}),
      message: m[4],
    };
    problems.push(current);
  }
  return { problems, other };
}

/**
 * Go counts columns in bytes of UTF-8 (1-based); an editor counts UTF-16 code units (0-based). The
 * plan's trace lines carry emoji (`🔍 TRACE`), so the two differ on exactly the lines a snippet adds.
 */
export function utf16Column(lineText: string, byteColumn: number): number {
  let bytes = 0;
  let units = 0;
  for (const ch of lineText) {
    if (bytes >= byteColumn - 1) break;
    const cp = ch.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    units += ch.length;
  }
  return units + Math.max(0, byteColumn - 1 - bytes);
}

/**
 * Where a problem is underlined, in UTF-16 columns (0-based, end exclusive): from Go's column to the
 * end of the identifier there, or one character; the whole line when Go gave no column.
 */
export function problemRange(lineText: string, byteColumn: number | undefined): { start: number; end: number } {
  if (byteColumn === undefined) return { start: 0, end: lineText.length };
  const start = Math.min(utf16Column(lineText, byteColumn), lineText.length);
  const word = /^[\p{L}\p{N}_]+/u.exec(lineText.slice(start));
  return { start, end: start + (word ? word[0].length : Math.min(1, lineText.length - start)) };
}
