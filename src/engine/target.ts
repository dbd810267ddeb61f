/**
 * Placeholders (`${runner.url}`, `${tool.flyctl}` …) and the validation of every value that can
 * fill one. Values are validated before any process starts. A substituted value always ends up
 * inside one argv element or one URL; the runbook's own `sh -c '…'` scripts (run remotely over
 * `flyctl ssh console`) embed only values that passed these checks, which exclude every
 * character a shell treats specially.
 */
import type { Target } from './types';
import { proxyProblem } from './proxy';

export class TargetError extends Error {
  constructor(readonly setting: string, message: string) {
    super(message);
    this.name = 'TargetError';
  }
}

export const PLACEHOLDERS = [
  'runner.flyApp', 'runner.url', 'runner.host',
  'router.url', 'router.host', 'router.flyApp',
  'tool.flyctl', 'tool.psql', 'env.name',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** Where the user sets each value; named in every validation error. */
export const SETTING_OF: Record<keyof Target, string> = {
  name: 'the environment name (beaconDebug.environments[].name)',
  flyApp: 'beaconDebug.environments[].flyApp',
  runnerUrl: 'beaconDebug.environments[].runnerUrl',
  routerUrl: 'beaconDebug.environments[].routerUrl',
  routerFlyApp: 'beaconDebug.environments[].routerFlyApp',
  flyctlPath: 'beaconDebug.flyctlPath',
  psqlPath: 'beaconDebug.psqlPath',
  adminToken: 'the admin token (Beacon Debug: Set Admin Token)',
  databaseUrl: 'the database URL (Beacon Debug: Set Database URL)',
  production: 'beaconDebug.environments[].production',
  proxy: 'the proxy (VS Code: http.proxy; the CLI: HTTPS_PROXY / HTTP_PROXY)',
};

const FLY_APP = /^[a-z0-9][a-z0-9-]{0,62}$/;
const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Characters a shell would act on, plus quotes and whitespace. */
const SHELL_SPECIAL = /[\s"'`$;|&<>\\(){}*?!#~^[\]]/;
const URL_FORBIDDEN = /[\s"'`$;|&<>\\(){}*!^]/;
/** DNS labels never start or end with '-' (a host like `-debug` would become an option of `nslookup`). */
const HOST = /^(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?\.)*[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?\.?$|^\[[0-9A-Fa-f:.]+\]$/;

/** A target whose every value passed validation; URLs normalised without a trailing slash. */
export interface ValidTarget extends Target {
  readonly runnerHost: string;
  readonly routerHost: string;
}

function describe(value: string): string {
  return JSON.stringify(value.length > 80 ? value.slice(0, 77) + '…' : value);
}

export function validateFlyApp(value: string, setting: string): string {
  if (!FLY_APP.test(value)) {
    throw new TargetError(setting, `${setting}: ${describe(value)} is not a Fly app name (lowercase letters, digits and dashes, starting with a letter or digit, at most 63 characters).`);
  }
  return value;
}

/** An http(s) base URL: no user-info, query or fragment; returned without a trailing slash. */
export function validateBaseUrl(value: string, setting: string): { url: string; host: string } {
  const bad = URL_FORBIDDEN.exec(value);
  if (bad) {
    throw new TargetError(setting, `${setting}: ${describe(value)} contains ${describe(bad[0])}; a URL here may not contain quotes, whitespace, backticks or any of $ ; | & < > \\ ( ) { } * ! ^.`);
  }
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new TargetError(setting, `${setting}: ${describe(value)} is not a valid URL.`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new TargetError(setting, `${setting}: ${describe(value)} must start with http:// or https://.`);
  }
  if (u.username || u.password) {
    throw new TargetError(setting, `${setting}: credentials in the URL are not allowed; the admin token and the database URL are kept as secrets.`);
  }
  if (u.search || u.hash || value.includes('?') || value.includes('#')) {
    throw new TargetError(setting, `${setting}: ${describe(value)} must be a base URL without ? query or # fragment.`);
  }
  const host = u.hostname;
  if (!HOST.test(host)) {
    throw new TargetError(setting, `${setting}: the host ${describe(host)} is not a host name or IP address (labels of letters, digits and dashes, not starting or ending with a dash).`);
  }
  const normalised = u.href.replace(/\/+$/, '');
  if (URL_FORBIDDEN.test(normalised) || normalised.includes('?') || normalised.includes('#')) {
    throw new TargetError(setting, `${setting}: ${describe(value)} is not a plain base URL.`);
  }
  return { url: normalised, host: host.replace(/^\[|\]$/g, '') };
}

/** An absolute path or a bare command name, without shell metacharacters. */
export function validateExecutable(value: string, setting: string): string {
  if (!value) throw new TargetError(setting, `${setting} is empty.`);
  if (/[\x00-\x1f\x7f]/.test(value)) throw new TargetError(setting, `${setting}: ${describe(value)} contains control characters.`);
  const windowsAbs = process.platform === 'win32' && /^[A-Za-z]:\\/.test(value);
  const special = value.replace(/ /g, '').match(windowsAbs ? /["'`$;|&<>(){}*?!#~^[\]]/ : SHELL_SPECIAL);
  if (special) {
    throw new TargetError(setting, `${setting}: ${describe(value)} contains ${describe(special[0])}; give an absolute path or a bare command name.`);
  }
  const absolute = value.startsWith('/') || windowsAbs;
  const bare = /^[A-Za-z0-9._+-]+$/.test(value) && !value.startsWith('-');
  if (!absolute && !bare) {
    throw new TargetError(setting, `${setting}: ${describe(value)} must be an absolute path or a bare command name looked up on PATH.`);
  }
  return value;
}

/**
 * Why an admin token cannot be sent (undefined when it can). It goes into an HTTP header, which
 * carries printable ASCII only; the message never contains the token.
 */
export function adminTokenProblem(token: string): string | undefined {
  if (/[\s\x00-\x1f\x7f]/.test(token)) return 'contains whitespace or control characters';
  if (/[^\x21-\x7e]/.test(token)) return 'contains characters other than printable ASCII (an HTTP header cannot carry them)';
  if (token.length > 16 * 1024) return 'is longer than 16 KB';
  return undefined;
}

/** Validates every value of a target. Throws `TargetError` naming the first bad setting. */
export function validateTarget(t: Target): ValidTarget {
  if (!ENV_NAME.test(t.name)) {
    throw new TargetError(SETTING_OF.name, `${SETTING_OF.name}: ${describe(t.name)} is not a valid environment name (letters, digits, dot, dash, underscore).`);
  }
  validateFlyApp(t.flyApp, SETTING_OF.flyApp);
  if (t.routerFlyApp !== undefined && t.routerFlyApp !== '') validateFlyApp(t.routerFlyApp, SETTING_OF.routerFlyApp);
  const runner = validateBaseUrl(t.runnerUrl, SETTING_OF.runnerUrl);
  const router = validateBaseUrl(t.routerUrl, SETTING_OF.routerUrl);
  validateExecutable(t.flyctlPath, SETTING_OF.flyctlPath);
  validateExecutable(t.psqlPath, SETTING_OF.psqlPath);
  const proxy = t.proxy && proxyProblem(t.proxy);
  if (proxy) throw new TargetError(SETTING_OF.proxy, `${SETTING_OF.proxy}: ${proxy}.`);
  const tokenProblem = t.adminToken ? adminTokenProblem(t.adminToken) : undefined;
  if (tokenProblem) throw new TargetError(SETTING_OF.adminToken, `${SETTING_OF.adminToken} ${tokenProblem}.`);
  if (t.databaseUrl !== undefined && t.databaseUrl !== '') {
    try {
      const u = new URL(t.databaseUrl);
      if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') throw new Error('protocol');
    } catch {
      throw new TargetError(SETTING_OF.databaseUrl, `${SETTING_OF.databaseUrl} is not a postgres:// URL.`);
    }
  }
  return {
    ...t,
    routerFlyApp: t.routerFlyApp || undefined,
    adminToken: t.adminToken || undefined,
    databaseUrl: t.databaseUrl || undefined,
    runnerUrl: runner.url,
    routerUrl: router.url,
    runnerHost: runner.host,
    routerHost: router.host,
  };
}

export function placeholderValue(name: string, t: ValidTarget): string {
  switch (name as Placeholder) {
    case 'runner.flyApp': return t.flyApp;
    case 'runner.url': return t.runnerUrl;
    case 'runner.host': return t.runnerHost;
    case 'router.url': return t.routerUrl;
    case 'router.host': return t.routerHost;
    case 'router.flyApp':
      if (!t.routerFlyApp) throw new TargetError(SETTING_OF.routerFlyApp, `${SETTING_OF.routerFlyApp} is not set for environment "${t.name}".`);
      return t.routerFlyApp;
    case 'tool.flyctl': return t.flyctlPath;
    case 'tool.psql': return t.psqlPath;
    case 'env.name': return t.name;
  }
  throw new TargetError('runbook', `unknown placeholder \${${name}} (known: ${PLACEHOLDERS.map((p) => '${' + p + '}').join(' ')})`);
}

const PLACEHOLDER = /\$\{([^}]*)\}/g;

/** Substitutes the target's placeholders in one string (one argv element, one URL). */
export function resolveTemplate(template: string, t: ValidTarget): string {
  return template.replace(PLACEHOLDER, (_m, name: string) => placeholderValue(name, t));
}

/** The placeholders a template uses (to check a runbook before running it). */
export function templatePlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** Substitutes placeholders in each argv element separately; the result has as many elements. */
export function resolveArgv(argv: readonly string[], t: ValidTarget): string[] {
  return argv.map((a) => resolveTemplate(a, t));
}
