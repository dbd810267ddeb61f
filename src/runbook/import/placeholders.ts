/**
 * Values in an imported command that stand for an environment field: the Fly app after `-a`, the
 * app's `<app>.fly.dev` URL, other hosts (taken as the router, flagged for review), `$DATABASE_URL`,
 * and `<…>` / `YOUR_…` holes. The command text is not rewritten; these are shown beside it and,
 * when an environment is known, compared with its values.
 */
import type { Placeholder } from '../schema';

const FLY_APP = /\b(?:flyctl|fly)\b[^\n|;&]{0,400}?\s(?:-a|--app)(?:\s+|=)([a-z0-9][a-z0-9-]{0,62})\b/g;
const URL = /\bhttps?:\/\/([A-Za-z0-9.-]+)(?::\d+)?[^\s"'`)\\]*/g;
const HOLES = /<[A-Za-z][A-Za-z0-9 _.-]{0,40}>|\bYOUR_[A-Z0-9_]+\b|\{\{[^}\n]{1,40}\}\}/g;

/** The Fly apps a set of commands names with `-a`, most used first. */
export function flyAppsIn(scripts: readonly string[]): string[] {
  const count = new Map<string, number>();
  for (const s of scripts) for (const m of s.matchAll(FLY_APP)) count.set(m[1], (count.get(m[1]) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1]).map(([app]) => app);
}

/**
 * The runner's Fly app of a plan: the app its `flyctl -a` commands name most (one that says
 * "router" is not the runner).
 */
export function runnerAppOf(scripts: readonly string[]): string | undefined {
  return flyAppsIn(scripts).find((a) => !/router/.test(a));
}

/** The placeholders in one command, given the plan's runner app. */
export function detectPlaceholders(script: string, runnerApp: string | undefined): Placeholder[] {
  const out: Placeholder[] = [];
  const seen = new Set<string>();
  const add = (p: Placeholder) => {
    if (seen.has(p.text)) return;
    seen.add(p.text);
    out.push(p);
  };
  for (const m of script.matchAll(FLY_APP)) {
    const app = m[1];
    if (app === runnerApp) add({ text: app, field: 'runner.flyApp' });
    else if (/router/.test(app)) add({ text: app, field: 'router.flyApp' });
    else add({ text: app, field: 'runner.flyApp', review: `not the plan's usual runner app (${runnerApp ?? 'none'}): check which app this is` });
  }
  for (const m of script.matchAll(URL)) {
    const host = m[1].toLowerCase();
    const origin = m[0].replace(/^(https?:\/\/[^/]+).*$/, '$1');
    if (runnerApp && host === `${runnerApp}.fly.dev`) add({ text: origin, field: 'runner.url' });
    else if (/\.fly\.dev$/.test(host)) add({ text: origin, field: /router/.test(host) ? 'router.url' : 'runner.url', review: `a Fly host of another app than ${runnerApp ?? 'the runner'}` });
    else if (host === 'localhost' || host.startsWith('127.')) add({ text: origin, field: 'runner.url', review: 'a local address: taken as the runner, check' });
    else add({ text: origin, field: 'router.url', review: "not the runner's Fly host: taken as the router's URL, check" });
  }
  if (/\$\{?DATABASE_URL\b/.test(script)) add({ text: '$DATABASE_URL', field: 'secret.databaseUrl' });
  if (/\$\{?ADMIN_TOKEN\b/.test(script)) add({ text: '$ADMIN_TOKEN', field: 'secret.adminToken' });
  for (const m of script.matchAll(HOLES)) add({ text: m[0], field: 'unknown', review: 'a placeholder to fill in by hand: the command runs with it as written' });
  return out;
}

/** What an environment has for a placeholder's field (secrets are never compared). */
export interface PlaceholderEnvironment {
  name: string;
  flyApp: string;
  runnerUrl: string;
  routerUrl: string;
  routerFlyApp?: string;
}

/** Placeholders whose value in the command differs from the environment's: shown before a run. */
export function placeholderMismatches(placeholders: readonly Placeholder[], env: PlaceholderEnvironment): string[] {
  const origin = (u: string) => {
    try {
      return new globalThis.URL(u).origin;
    } catch {
      return u;
    }
  };
  const out: string[] = [];
  for (const p of placeholders) {
    const want =
      p.field === 'runner.flyApp' ? env.flyApp
      : p.field === 'router.flyApp' ? env.routerFlyApp
      : p.field === 'runner.url' ? origin(env.runnerUrl)
      : p.field === 'router.url' ? origin(env.routerUrl)
      : undefined;
    if (want !== undefined && want !== p.text) {
      out.push(`the command names ${p.text} where environment "${env.name}" has ${p.field} = ${want} (the command runs as written)`);
    }
  }
  return out;
}
