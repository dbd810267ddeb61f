/**
 * HTTP(S) proxies. Behind a corporate proxy a direct request fails and the check would report the
 * router or the runner "down" when it is not: the engine's requests go through the proxy the user set
 * (the CLI: HTTPS_PROXY / HTTP_PROXY / NO_PROXY; the extension: VS Code's `http.proxy` and `http.noProxy`,
 * else the same variables), and so do the tools it starts (flyctl, curl), through the same variables.
 * Loopback addresses never go through a proxy (as Go's ProxyFromEnvironment): the simulator and
 * anything on this machine are reached directly.
 */
import type { Dispatcher } from 'undici';
import type * as Undici from 'undici';

export interface ProxyConfig {
  /** Proxy for http:// URLs. */
  http?: string;
  /** Proxy for https:// URLs (falls back to `http`). */
  https?: string;
  /** Hosts reached directly, comma separated (`NO_PROXY` syntax: `host`, `.domain`, `host:port`, `*`). */
  noProxy?: string;
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]', '::1'];

/** The proxy the environment variables name (lower case first, as curl reads them), or undefined. */
export function proxyFromEnv(env: NodeJS.ProcessEnv): ProxyConfig | undefined {
  const pick = (name: string) => env[name.toLowerCase()] || env[name.toUpperCase()] || undefined;
  const http = pick('http_proxy');
  const https = pick('https_proxy');
  if (!http && !https) return undefined;
  return { http, https, noProxy: pick('no_proxy') };
}

/** NO_PROXY with the loopback names added. */
export function noProxyWithLoopback(noProxy: string | undefined): string {
  const entries = (noProxy ?? '').split(/[,\s]+/).filter(Boolean);
  for (const l of LOOPBACK) if (!entries.includes(l)) entries.push(l);
  return entries.join(',');
}

/** Checks the proxy URLs; returns a message naming what is wrong, or undefined. */
export function proxyProblem(p: ProxyConfig): string | undefined {
  for (const [name, value] of [['http', p.http], ['https', p.https]] as const) {
    if (value === undefined || value === '') continue;
    let u: URL;
    try {
      u = new URL(value);
    } catch {
      return `the ${name} proxy "${withoutPassword(value)}" is not a URL (http://host:port)`;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return `the ${name} proxy "${withoutPassword(value)}" must be an http:// or https:// URL`;
  }
  return undefined;
}

/** A proxy URL for messages: its password masked. */
export function withoutPassword(url: string): string {
  try {
    const u = new URL(url);
    if (!u.password) return url;
    u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
  }
}

/** The passwords in the proxy URLs (they are secrets: redacted wherever output is shown). */
export function proxySecrets(p: ProxyConfig | undefined): string[] {
  const out: string[] = [];
  for (const value of [p?.http, p?.https]) {
    if (!value) continue;
    try {
      const u = new URL(value);
      if (u.password) out.push(u.password, decodeURIComponent(u.password));
    } catch {
      /* proxyProblem reports it */
    }
  }
  return [...new Set(out)].filter(Boolean);
}

/** The dispatcher for a run's HTTP checks: through the proxy when one is set, else direct. */
export function createDispatcher(p: ProxyConfig | undefined, opts: Undici.Agent.Options): Dispatcher {
  const undici = require('undici') as typeof Undici;
  if (!p || (!p.http && !p.https)) return new undici.Agent(opts);
  // explicit values (an empty string included) keep undici from reading the environment on its own
  return new undici.EnvHttpProxyAgent({ ...opts, httpProxy: p.http ?? '', httpsProxy: p.https ?? p.http ?? '', noProxy: noProxyWithLoopback(p.noProxy) });
}

/** The variables that make the tools a check starts (flyctl, curl, psql) use the same proxy. */
export function proxyEnv(p: ProxyConfig | undefined): Record<string, string> {
  if (!p || (!p.http && !p.https)) return {};
  const env: Record<string, string> = {};
  const noProxy = noProxyWithLoopback(p.noProxy);
  if (p.http) env.HTTP_PROXY = env.http_proxy = p.http;
  if (p.https ?? p.http) env.HTTPS_PROXY = env.https_proxy = (p.https ?? p.http)!;
  env.NO_PROXY = env.no_proxy = noProxy;
  return env;
}
