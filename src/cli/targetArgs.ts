/**
 * Command-line flags shared by `run`, `diagnose` and `demo`, and the target they describe:
 * `--env NAME` (from `./beacon-debug.json` or `.vscode/settings.json`) and/or explicit flags,
 * secrets read from environment variables the user names (never from a flag's value), tool paths
 * only from the user (`runbook/toolPaths`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { proxyFromEnv } from '../engine/proxy';
import type { Target } from '../engine/types';
import { parseJsonc } from '../runbook/jsonc';
import { parseSettings, type EnvironmentSettings } from '../runbook/settings';
import { resolveToolPaths, TOOL_ENV, userConfigFile } from '../runbook/toolPaths';
import { readRegularFileSync } from '../shared/regularFile';
import { single, UsageError, type ParsedArgs } from './args';
import { errorMessage } from '../shared/errorMessage';

export { countFlag, parseArgs, secondsFlag, single, UsageError, type ParsedArgs } from './args';

export const TARGET_VALUE_FLAGS = [
  '--env', '--runner-url', '--router-url', '--fly-app', '--router-app', '--flyctl', '--psql',
  '--admin-token-env', '--database-url-env',
] as const;

/** Keys a repository file might use to choose a program; refused by name so the message says why. */
const TOOL_KEYS_IN_FILES = ['flyctlPath', 'psqlPath', 'flyctl', 'psql'];
const MAX_SETTINGS_BYTES = 4 * 1024 * 1024;

/**
 * Environments from `beacon-debug.json` (first) or `.vscode/settings.json` in `cwd`, validated by the
 * extension's own schema (a file's "demo" is refused: that name is the built-in simulator's).
 */
export function loadEnvironments(cwd: string): { environments: EnvironmentSettings[]; raw: unknown[]; problems: string[]; source: string } | undefined {
  const candidates: [string, (doc: unknown) => unknown][] = [
    [path.join(cwd, 'beacon-debug.json'), (d) => (Array.isArray(d) ? d : (d as Record<string, unknown>)?.environments ?? (d as Record<string, unknown>)?.['beaconDebug.environments'])],
    [path.join(cwd, '.vscode', 'settings.json'), (d) => (d as Record<string, unknown>)?.['beaconDebug.environments']],
  ];
  for (const [file, pick] of candidates) {
    if (!fs.existsSync(file)) continue;
    let doc: unknown;
    try {
      doc = parseJsonc(readRegularFileSync(file, MAX_SETTINGS_BYTES));
    } catch (e) {
      throw new UsageError(`${file}: not valid JSON: ${errorMessage(e)}`);
    }
    const list = pick(doc);
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new UsageError(`${file}: beaconDebug.environments must be an array`);
    const { settings, problems } = parseSettings({ environments: list });
    return { environments: settings.environments, raw: list, problems, source: file };
  }
  return undefined;
}

/**
 * A repository file describes where checks go, never which program runs them: an environment that
 * names a tool path is refused, whatever it is called ("demo" included).
 */
function refuseToolPaths(loaded: { raw: unknown[]; source: string }, envName: string): void {
  loaded.raw.forEach((env, i) => {
    if (!env || typeof env !== 'object' || (env as { name?: unknown }).name !== envName) return;
    const key = TOOL_KEYS_IN_FILES.find((k) => k in env);
    if (!key) return;
    const setting = key.startsWith('psql') ? 'psqlPath' : 'flyctlPath';
    throw new UsageError(
      `${loaded.source}: beaconDebug.environments[${i}].${key}: a repository file cannot choose a program to run. ` +
        `Give --${setting.replace(/Path$/, '')} PATH, set ${TOOL_ENV[setting]}, or put "${setting}" in ${userConfigFile(process.env) ?? '~/.config/beacon-debug/config.json'}.`,
    );
  });
}

export interface TargetContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

function secretFromEnv(p: ParsedArgs, flag: string, ctx: TargetContext): string | undefined {
  const varName = single(p, flag);
  if (varName === undefined) return undefined;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(varName)) throw new UsageError(`${flag} takes the NAME of an environment variable, not its value`);
  const value = ctx.env[varName];
  if (!value) throw new UsageError(`${flag} ${varName}: the environment variable ${varName} is not set`);
  return value;
}

/**
 * The target the flags describe. Explicit flags override the named environment. Values are
 * validated later, by the engine, before anything runs.
 */
export function targetFromArgs(p: ParsedArgs, ctx: TargetContext): Target {
  const envName = single(p, '--env');
  let base: Partial<Target> & { name?: string } = {};
  if (envName !== undefined) {
    const loaded = loadEnvironments(ctx.cwd);
    if (!loaded) throw new UsageError(`--env ${envName}: no beacon-debug.json or .vscode/settings.json with beaconDebug.environments in ${ctx.cwd}`);
    refuseToolPaths(loaded, envName);
    const problems = loaded.problems.filter((m) => m.includes(`"${envName}"`) || !loaded.environments.some((e) => e.name === envName));
    const found = loaded.environments.find((e) => e.name === envName);
    if (!found || problems.some((m) => m.includes(`duplicate name "${envName}"`))) {
      const have = loaded.environments.map((e) => e.name).join(', ') || 'none';
      throw new UsageError(`--env ${envName}: ${found ? 'defined more than once' : 'no such environment'} in ${loaded.source} (have: ${have})${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`);
    }
    base = {
      name: found.name,
      flyApp: found.flyApp,
      runnerUrl: found.runnerUrl,
      routerUrl: found.routerUrl,
      routerFlyApp: found.routerFlyApp,
      production: found.production,
    };
  }
  const flag = (f: string) => single(p, f);
  const tools = resolveToolPaths({ flyctlPath: flag('--flyctl'), psqlPath: flag('--psql') }, ctx.env, ctx.cwd, { flyctlPath: '--flyctl', psqlPath: '--psql' });
  if (tools.problems.length) throw new UsageError(tools.problems.join('\n'));
  const target: Partial<Target> = {
    ...base,
    name: base.name ?? 'cli',
    runnerUrl: flag('--runner-url') ?? base.runnerUrl,
    routerUrl: flag('--router-url') ?? base.routerUrl,
    flyApp: flag('--fly-app') ?? base.flyApp,
    routerFlyApp: flag('--router-app') ?? base.routerFlyApp,
    flyctlPath: tools.flyctlPath,
    psqlPath: tools.psqlPath,
    adminToken: secretFromEnv(p, '--admin-token-env', ctx),
    databaseUrl: secretFromEnv(p, '--database-url-env', ctx),
    proxy: proxyFromEnv(ctx.env),
  };
  const missing = ([['--runner-url', 'runnerUrl'], ['--router-url', 'routerUrl'], ['--fly-app', 'flyApp']] as const)
    .filter(([, k]) => !target[k])
    .map(([f]) => f);
  if (missing.length) {
    throw new UsageError(`no target: give --env NAME or ${missing.join(', ')}`);
  }
  target.production = target.production ?? target.name === 'production';
  return target as Target;
}
