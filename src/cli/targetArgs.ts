/**
 * Command-line flags shared by `run`, `diagnose` and `demo`, and the target they describe:
 * `--env NAME` (from `./beacon-debug.json` or `.vscode/settings.json`) and/or explicit flags,
 * secrets read from environment variables the user names (never from a flag's value).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { proxyFromEnv } from '../engine/proxy';
import type { Target } from '../engine/types';
import { single, UsageError, type ParsedArgs } from './args';

export { parseArgs, single, UsageError, type ParsedArgs } from './args';

export const TARGET_VALUE_FLAGS = [
  '--env', '--runner-url', '--router-url', '--fly-app', '--router-app', '--flyctl', '--psql',
  '--admin-token-env', '--database-url-env',
] as const;

export const EnvironmentConfig = z.object({
  name: z.string().min(1),
  flyApp: z.string(),
  runnerUrl: z.string(),
  routerUrl: z.string(),
  routerFlyApp: z.string().optional(),
  /** Only the demo environment may carry its own flyctl (the simulator's fake). */
  flyctlPath: z.string().optional(),
  psqlPath: z.string().optional(),
  production: z.boolean().optional(),
}).passthrough();
export type EnvironmentConfig = z.infer<typeof EnvironmentConfig>;

/** JSON with comments and trailing commas (VS Code's settings files). */
export function parseJsonc(text: string): unknown {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else {
      out += c;
      i++;
    }
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}

/** Environments from `beacon-debug.json` (first) or `.vscode/settings.json` in `cwd`. */
export function loadEnvironments(cwd: string): { environments: EnvironmentConfig[]; source: string } | undefined {
  const candidates: [string, (doc: unknown) => unknown][] = [
    [path.join(cwd, 'beacon-debug.json'), (d) => (Array.isArray(d) ? d : (d as Record<string, unknown>)?.environments ?? (d as Record<string, unknown>)?.['beaconDebug.environments'])],
    [path.join(cwd, '.vscode', 'settings.json'), (d) => (d as Record<string, unknown>)?.['beaconDebug.environments']],
  ];
  for (const [file, pick] of candidates) {
    if (!fs.existsSync(file)) continue;
    let doc: unknown;
    try {
      doc = parseJsonc(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw new UsageError(`${file}: not valid JSON: ${(e as Error).message}`);
    }
    const list = pick(doc);
    if (list === undefined) continue;
    const parsed = z.array(EnvironmentConfig).safeParse(list);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UsageError(`${file}: beaconDebug.environments[${issue.path.join('.')}]: ${issue.message}`);
    }
    return { environments: parsed.data, source: file };
  }
  return undefined;
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
    const found = loaded.environments.find((e) => e.name === envName);
    if (!found) {
      throw new UsageError(`--env ${envName}: no such environment in ${loaded.source} (have: ${loaded.environments.map((e) => e.name).join(', ') || 'none'})`);
    }
    if (found.flyctlPath !== undefined && found.name !== 'demo') {
      throw new UsageError(`${loaded.source}: environment "${found.name}" sets flyctlPath, which only the demo environment may do; pass --flyctl PATH instead`);
    }
    if (found.psqlPath !== undefined && found.name !== 'demo') {
      throw new UsageError(`${loaded.source}: environment "${found.name}" sets psqlPath, which only the demo environment may do; pass --psql PATH instead`);
    }
    base = {
      name: found.name,
      flyApp: found.flyApp,
      runnerUrl: found.runnerUrl,
      routerUrl: found.routerUrl,
      routerFlyApp: found.routerFlyApp,
      flyctlPath: found.flyctlPath,
      psqlPath: found.psqlPath,
      production: found.production,
    };
  }
  const flag = (f: string) => single(p, f);
  const target: Partial<Target> = {
    ...base,
    name: base.name ?? 'cli',
    runnerUrl: flag('--runner-url') ?? base.runnerUrl,
    routerUrl: flag('--router-url') ?? base.routerUrl,
    flyApp: flag('--fly-app') ?? base.flyApp,
    routerFlyApp: flag('--router-app') ?? base.routerFlyApp,
    flyctlPath: flag('--flyctl') ?? base.flyctlPath ?? 'flyctl',
    psqlPath: flag('--psql') ?? base.psqlPath ?? 'psql',
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
