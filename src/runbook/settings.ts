/**
 * The extension's settings (`beaconDebug.*`) as one zod schema, shared by the VS Code adapter and
 * the CLI (`--env NAME` reads the same environments from `.vscode/settings.json`).
 */
import { z } from 'zod';

const flyApp = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a Fly app name: lowercase letters, digits and dashes');
const httpUrl = z
  .string()
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && !/[\s"'`$;|&<>\\]/.test(s);
    } catch {
      return false;
    }
  }, 'an http(s) URL without quotes, spaces or shell characters');
const executable = z
  .string()
  .min(1)
  .refine((s) => !/[\s"'`$;|&<>\\*?(){}[\]]/.test(s), 'a path to an executable, without spaces or shell characters');

export const EnvironmentSettings = z.object({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,40}$/, 'a short name: letters, digits, dots, dashes, underscores'),
  flyApp,
  runnerUrl: httpUrl,
  routerUrl: httpUrl,
  routerFlyApp: flyApp.optional(),
  /** Marks the environment as production in the status bar and in confirmations. */
  production: z.boolean().optional(),
}).strict();
export type EnvironmentSettings = z.infer<typeof EnvironmentSettings>;

export const Settings = z.object({
  environments: z.array(EnvironmentSettings).default([]),
  activeEnvironment: z.string().default(''),
  flyctlPath: executable.default('flyctl'),
  psqlPath: executable.default('psql'),
  checkTimeoutSeconds: z.number().int().min(1).max(600).default(30),
  codeLens: z.object({ enabled: z.boolean().default(true) }).default({ enabled: true }),
});
export type Settings = z.infer<typeof Settings>;

const DEFAULTS: Settings = Settings.parse({});

/**
 * Validates settings one field at a time, so that one bad value is reported (with its path) and
 * replaced by its default, and the rest still applies. Never throws.
 */
export function parseSettings(raw: Record<string, unknown>): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  const shape = Settings.shape;
  for (const key of Object.keys(shape) as (keyof Settings)[]) {
    const value = raw[key];
    if (key === 'environments' && Array.isArray(value)) {
      // keep the valid environments, report the others
      const good: EnvironmentSettings[] = [];
      value.forEach((env, i) => {
        const r = EnvironmentSettings.safeParse(env);
        if (r.success) {
          if (good.some((g) => g.name === r.data.name)) problems.push(`beaconDebug.environments[${i}].name: duplicate name "${r.data.name}"`);
          else if (r.data.name === 'demo') problems.push(`beaconDebug.environments[${i}].name: "demo" is the built-in demo environment`);
          else good.push(r.data);
        } else {
          for (const issue of r.error.issues) problems.push(`beaconDebug.environments[${i}]${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}: ${issue.message}`);
        }
      });
      out[key] = good;
      continue;
    }
    const field = shape[key] as z.ZodType;
    const r = field.safeParse(value === null ? undefined : value);
    if (r.success) out[key] = r.data;
    else {
      out[key] = DEFAULTS[key];
      for (const issue of r.error.issues) {
        problems.push(`beaconDebug.${key}${issue.path.map((p) => `.${String(p)}`).join('')}: ${issue.message} (using the default)`);
      }
    }
  }
  return { settings: out as Settings, problems };
}
