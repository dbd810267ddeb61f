/**
 * Where the programs Beacon Debug runs come from: only from the user, never from a repository.
 * In order: a CLI flag (`--flyctl`, `--psql`) or the extension's machine-scoped setting (its
 * workspace values are ignored); an environment variable (`BEACON_DEBUG_FLYCTL`,
 * `BEACON_DEBUG_PSQL`); the user config file (`$XDG_CONFIG_HOME/beacon-debug/config.json`, else
 * `~/.config/beacon-debug/config.json`), never one inside the repository being worked on; last the
 * bare name, looked up on PATH. The built-in demo passes its fake tools in-process, never through
 * any of these.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import { readRegularFileSync } from '../shared/regularFile';
import { parseJsonc } from './jsonc';
import { errorMessage } from '../shared/errorMessage';

export type ToolKey = 'flyctlPath' | 'psqlPath';
export const TOOL_KEYS: readonly ToolKey[] = ['flyctlPath', 'psqlPath'];
export const TOOL_ENV: Record<ToolKey, string> = { flyctlPath: 'BEACON_DEBUG_FLYCTL', psqlPath: 'BEACON_DEBUG_PSQL' };
const DEFAULT: Record<ToolKey, string> = { flyctlPath: 'flyctl', psqlPath: 'psql' };
const MAX_CONFIG_BYTES = 64 * 1024;

export interface ToolPaths {
  flyctlPath: string;
  psqlPath: string;
  /** Where each came from, for messages: "--flyctl", "BEACON_DEBUG_FLYCTL", the config file, "default". */
  source: Record<ToolKey, string>;
  /** A user config file that could not be used (it is then ignored). */
  problems: string[];
}

/** The user config file's path; an `XDG_CONFIG_HOME` that is not absolute is ignored (XDG spec). */
export function userConfigFile(env: NodeJS.ProcessEnv): string | undefined {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : env.HOME && path.isAbsolute(env.HOME) ? path.join(env.HOME, '.config') : undefined;
  return base ? path.join(base, 'beacon-debug', 'config.json') : undefined;
}

/** The git work tree `dir` is in (the folder holding `.git`), if any. */
function repositoryOf(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

function inside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The tool paths of the user config file, or why it cannot be used. A file inside the repository
 * of `cwd` is refused (an `XDG_CONFIG_HOME` pointing into a checkout), unless that repository holds
 * the home directory itself (dotfiles kept in git).
 */
export function readUserConfig(env: NodeJS.ProcessEnv, cwd: string): { file?: string; values: Partial<Record<ToolKey, string>>; problem?: string } {
  const file = userConfigFile(env);
  if (!file || !fs.existsSync(file)) return { file, values: {} };
  const repo = repositoryOf(cwd);
  if (repo && inside(file, repo) && !(env.HOME && inside(env.HOME, repo))) {
    return { file, values: {}, problem: `${file} is inside the repository ${repo}: a repository cannot choose a program to run, so it is ignored` };
  }
  let doc: unknown;
  try {
    doc = parseJsonc(readRegularFileSync(file, MAX_CONFIG_BYTES));
  } catch (e) {
    return { file, values: {}, problem: `${file}: ${errorMessage(e)}` };
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { file, values: {}, problem: `${file}: not a JSON object` };
  const values: Partial<Record<ToolKey, string>> = {};
  for (const key of TOOL_KEYS) {
    const v = (doc as Record<string, unknown>)[key];
    if (v === undefined) continue;
    if (typeof v !== 'string' || !v) return { file, values: {}, problem: `${file}: ${key} must be a non-empty string` };
    values[key] = v;
  }
  return { file, values };
}

/** The tool paths in effect; `given` holds the flags (CLI) or the machine-scoped settings (extension). */
export function resolveToolPaths(given: Partial<Record<ToolKey, string | undefined>>, env: NodeJS.ProcessEnv, cwd: string, givenName: Record<ToolKey, string>): ToolPaths {
  const config = readUserConfig(env, cwd);
  const out = { source: {}, problems: config.problem ? [config.problem] : [] } as unknown as ToolPaths;
  for (const key of TOOL_KEYS) {
    const fromEnv = env[TOOL_ENV[key]];
    const [value, source] = given[key]
      ? [given[key]!, givenName[key]]
      : fromEnv
        ? [fromEnv, TOOL_ENV[key]]
        : config.values[key]
          ? [config.values[key]!, config.file!]
          : [DEFAULT[key], 'default'];
    out[key] = value;
    out.source[key] = source;
  }
  return out;
}
