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
