/** Command-line flags: `--flag value`, `--flag=value`, boolean `--flag`. */

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ParsedArgs {
  values: Record<string, string[]>;
  booleans: Set<string>;
  positionals: string[];
}

/** `--flag value`, `--flag=value`, boolean `--flag`; anything unknown is a usage error. */
export function parseArgs(args: readonly string[], spec: { values: readonly string[]; booleans: readonly string[] }): ParsedArgs {
  const out: ParsedArgs = { values: {}, booleans: new Set(), positionals: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) {
      out.positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (spec.booleans.includes(name)) {
      if (eq > 0) throw new UsageError(`${name} takes no value`);
      out.booleans.add(name);
    } else if (spec.values.includes(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`${name} needs a value`);
      (out.values[name] ??= []).push(value);
    } else {
      throw new UsageError(`unknown option ${name}`);
    }
  }
  return out;
}

export function single(p: ParsedArgs, name: string): string | undefined {
  const v = p.values[name];
  if (!v) return undefined;
  if (v.length > 1) throw new UsageError(`${name} given more than once`);
  return v[0];
}

/** `--timeout S`: seconds, more than 0 and at most a day (larger values overflow Node's timers). */
export function secondsFlag(p: ParsedArgs, flag: string): number | undefined {
  const v = single(p, flag);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\s*[0-9.eE+]+\s*$/.test(v) || !Number.isFinite(n) || n <= 0 || n > 86_400) {
    throw new UsageError(`${flag} takes a number of seconds greater than 0 and at most 86400 (a day), not "${v}"`);
  }
  return n;
}

/** `--concurrency N`: a whole number from 1 to `max`. */
export function countFlag(p: ParsedArgs, flag: string, max = 64): number | undefined {
  const v = single(p, flag);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max) throw new UsageError(`${flag} takes a whole number from 1 to ${max}, not "${v}"`);
  return Number(v);
}
