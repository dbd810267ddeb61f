/**
 * From a runbook probe to a running one: placeholders resolved (each into one argv element or
 * one URL), the transport chosen, the cache key computed, the answer post-processed per probe
 * type (log lines normalised, metrics parsed).
 */
import type { Dispatcher } from 'undici';
import { proxyEnv } from '../proxy';
import type { Probe } from '../../runbook/schema';
import { displayArgv } from '../displayCommand';
import { runDnsProbe } from './dnsProbe';
import { displayRequest, runHttpProbe } from './httpProbe';
import { logsArgv, withLines } from './logsProbe';
import { withExposition } from './metricsProbe';
import type { OnOutput, ProbeOutcome } from './probeOutcome';
import { runShellProbe } from './shellProbe';
import { resolveArgv, resolveTemplate, type ValidTarget } from '../target';

export type ResolvedProbe =
  | { type: 'shell'; argv: string[]; env?: Record<string, string>; databaseCredentials: boolean }
  | { type: 'script'; argv: string[]; script: string }
  | { type: 'logs'; argv: string[]; json: boolean; source: 'runner' | 'router' }
  | { type: 'http'; method: 'GET' | 'POST'; url: string; headers?: Record<string, string>; body?: unknown; adminToken: boolean }
  | { type: 'metrics'; url: string }
  | { type: 'dns'; host: string };

/** Throws `TargetError` for an unknown placeholder or a value the target lacks. */
export function resolveProbe(p: Probe, t: ValidTarget): ResolvedProbe {
  switch (p.type) {
    case 'shell': {
      const env = p.env ? Object.fromEntries(Object.entries(p.env).map(([k, v]) => [k, resolveTemplate(v, t)])) : undefined;
      return { type: 'shell', argv: resolveArgv(p.argv, t), env, databaseCredentials: !!p.databaseCredentials };
    }
    case 'logs': {
      const app = resolveTemplate(p.app, t);
      const source = t.routerFlyApp && app === t.routerFlyApp && app !== t.flyApp ? 'router' : 'runner';
      return { type: 'logs', argv: logsArgv(t.flyctlPath, app, !!p.json), json: !!p.json, source };
    }
    case 'http': {
      const headers = p.headers ? Object.fromEntries(Object.entries(p.headers).map(([k, v]) => [k, resolveTemplate(v, t)])) : undefined;
      return { type: 'http', method: p.method, url: resolveTemplate(p.url, t), headers, body: p.body, adminToken: p.auth === 'adminToken' };
    }
    case 'metrics':
      return { type: 'metrics', url: resolveTemplate(p.url, t) };
    case 'dns':
      return { type: 'dns', host: resolveTemplate(p.host, t) };
    case 'script':
      // the imported text runs exactly as written: nothing is substituted into it
      return { type: 'script', argv: [p.shell, '-c', p.script], script: p.script };
  }
}

export function probeDisplay(p: ResolvedProbe): string {
  switch (p.type) {
    case 'shell':
    case 'logs':
      return displayArgv(p.argv);
    case 'http':
      return displayRequest(p.method, p.url, p.body, p.adminToken);
    case 'metrics':
      return `GET ${p.url}`;
    case 'dns':
      return `lookup ${p.host}`;
    case 'script':
      return p.script;
  }
}

/** Same key → same answer within a run. Logs and shell share a transport, so do metrics and http. */
export function cacheKey(p: ResolvedProbe): string {
  switch (p.type) {
    case 'shell':
      return `exec ${JSON.stringify([p.argv, p.env ?? {}, p.databaseCredentials])}`;
    case 'logs':
      return `exec ${JSON.stringify([p.argv, {}, false])}`;
    case 'http':
      return `http ${JSON.stringify([p.method, p.url, p.body ?? null, p.adminToken])}`;
    case 'metrics':
      return `http ${JSON.stringify(['GET', p.url, null, false])}`;
    case 'dns':
      return `dns ${p.host}`;
    case 'script':
      return `exec ${JSON.stringify([p.argv, {}, false])}`;
  }
}

export interface TransportContext {
  target: ValidTarget;
  timeoutMs: number;
  signal?: AbortSignal;
  onOutput?: OnOutput;
  dispatcher?: Dispatcher;
  killGraceMs?: number;
  /** Ends the probe early as a timeout (another probe learned that its host does not answer). */
  expire?: AbortSignal;
}

/** Runs the transport; the raw answer is what the cache keeps. */
export function runTransport(p: ResolvedProbe, ctx: TransportContext): Promise<ProbeOutcome> {
  const common = { timeoutMs: ctx.timeoutMs, signal: ctx.signal, onOutput: ctx.onOutput, expire: ctx.expire };
  switch (p.type) {
    case 'shell':
      return runShellProbe({
        ...common,
        argv: p.argv,
        env: { ...proxyEnv(ctx.target.proxy), ...p.env },
        databaseUrl: p.databaseCredentials ? ctx.target.databaseUrl : undefined,
        killGraceMs: ctx.killGraceMs,
      });
    case 'logs':
    case 'script':
      return runShellProbe({ ...common, argv: p.argv, env: proxyEnv(ctx.target.proxy), killGraceMs: ctx.killGraceMs });
    case 'http':
      return runHttpProbe({
        ...common,
        method: p.method,
        url: p.url,
        headers: p.headers,
        body: p.body,
        dispatcher: ctx.dispatcher,
        bearer: p.adminToken
          ? { token: ctx.target.adminToken, origin: new URL(ctx.target.runnerUrl).origin, what: `the admin token of environment "${ctx.target.name}"` }
          : undefined,
      });
    case 'metrics':
      return runHttpProbe({ ...common, method: 'GET', url: p.url, dispatcher: ctx.dispatcher, headers: { accept: 'text/plain;version=0.0.4, */*' } });
    case 'dns':
      return runDnsProbe({ ...common, host: p.host });
  }
}

/** Per-probe-type reading of a (possibly shared) raw answer. */
export function postProcess(p: ResolvedProbe, raw: ProbeOutcome): ProbeOutcome {
  if (p.type === 'logs') return withLines(raw, p.json);
  if (p.type === 'metrics') return withExposition(raw);
  return raw;
}

/**
 * The `host:port` endpoints a probe talks to (for "this host does not answer" learned once per run):
 * an HTTP probe's origin; a shell probe's URLs in its argv (the container script's `curl`s).
 */
export function probeEndpoints(p: ResolvedProbe): string[] {
  const text = p.type === 'http' || p.type === 'metrics' ? p.url : p.type === 'shell' ? p.argv.join(' ') : '';
  const out = new Set<string>();
  for (const m of text.matchAll(/\bhttps?:\/\/[^\s'"\\/?#]+/g)) {
    try {
      out.add(endpointOf(m[0]));
    } catch {
      /* not a URL after all */
    }
  }
  return [...out];
}

/** `host:port` of a URL, with the scheme's default port. */
export function endpointOf(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || (u.protocol === 'https:' ? '443' : '80')}`;
}
