/**
 * What each step of a runbook relies on in the service's code: HTTP routes it calls, Prometheus
 * metrics it reads, environment variables it reads or sets, log lines it looks for, source files
 * it names. Read from the step's commands, its text, its **Expected** / `Look for:` / `If` lines,
 * the scenarios and the decision tree's branches — and, separately, what the plan's own Go code
 * would add (a route, a log line), so a finding can name the step that adds it.
 */
import { allSteps } from './load';
import { runnerAppOf } from './import/placeholders';
import type { Runbook } from './schema';
import { stepCommands } from './stepMarkdown';

export type RelianceKind = 'route' | 'metric' | 'env' | 'log' | 'path';

export interface Reliance {
  /** A step id, a scenario id or a decision-tree node id. */
  step: string;
  kind: RelianceKind;
  name: string;
  /** Where it lives: `runner`, or another service (a URL's host, `router` for the router's logs). */
  service?: string;
}

export interface RelianceOptions {
  /** The runner's hosts (an environment's URL); without one, `<app>.fly.dev` of the runbook's `flyctl -a` app. */
  runnerHosts?: string[];
}

/** Texts from outside the Go code that name errors, not the service's own log lines. */
const LIBRARY_ERRORS = /^(?:connection refused|timeout|no such host|context deadline exceeded|context canceled|i\/o timeout|eof|broken pipe|connection reset by peer)$/i;

const URL_RE = /(\$\{runner\.url\}|\$\{router\.url\}|https?:\/\/[A-Za-z0-9.-]+(?::\d+)?)(\/[^\s"'`)\\|;&<>]*)?/g;
const ENV_DOLLAR = /\$\{?([A-Z][A-Z0-9]*_[A-Z0-9_]+)\b/g;
const ENV_ASSIGN = /\bsecrets\s+(?:set|unset)\s+((?:[A-Z][A-Z0-9_]*(?:=\S*)?\s*)+)/g;
const ENV_TICK = /`([A-Z][A-Z0-9]*_[A-Z0-9_]+)`/g;
/** A bare UPPER_SNAKE word counts as a variable only on a line that talks about configuration. */
const ENV_CONTEXT = /\b(?:env(?:ironment)?(?:\s+var(?:iable)?s?)?|secrets?|variables?|config(?:uration|ured)?|set|unset|increase)\b/i;
const ENV_BARE = /(?<![\w$`[])([A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9])(?![\w`=\]])/g;
const METRIC_SELECTOR = /\b([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\{/g;
const METRIC_WORD = /(?<![\w/.-])([a-z][a-z0-9]*(?:_[a-z0-9]+){2,})(?![\w/.=-])/g;
const GO_FILE = /(?<![\w/.-])((?:[\w.-]+\/)*[\w.-]+\.go)\b/g;
const QUOTED = /"([^"\n]{3,120})"|`([^`\n]{3,120})`/g;
const FENCE = /```(\w*)[^\n]*\n([\s\S]*?)```/g;

function unique(rs: Reliance[]): Reliance[] {
  const seen = new Set<string>();
  return rs.filter((r) => {
    const k = `${r.step}\u0000${r.kind}\u0000${r.name}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The text of a step without its `go` blocks (what the plan adds is not what it relies on). */
function withoutGo(text: string): string {
  return text.replace(FENCE, (m, lang: string) => (/^go(lang)?$/i.test(lang) ? '' : m));
}

const commandsOf = stepCommands;

/** The runner's hosts: given, or `<app>.fly.dev` for the app the runbook's `flyctl -a` commands name most. */
export function runnerHostsOf(rb: Runbook, opts: RelianceOptions = {}): string[] {
  if (opts.runnerHosts?.length) return opts.runnerHosts.map((h) => h.toLowerCase());
  const scripts = allSteps(rb).flatMap((s) => [s.text, ...commandsOf(rb, s)]);
  const app = runnerAppOf(scripts);
  return app ? [`${app}.fly.dev`] : [];
}

/** Reliances of one piece of text, attributed to `step`. */
function fromText(step: string, text: string, runnerHosts: readonly string[], out: Reliance[], logContext: boolean): void {
  const t = withoutGo(text);
  let readsMetrics = false;
  for (const m of t.matchAll(URL_RE)) {
    const base = m[1];
    const host = base === '${runner.url}' ? 'runner' : base === '${router.url}' ? 'router' : base.replace(/^https?:\/\//, '').replace(/:\d+$/, '').toLowerCase();
    const service = host === 'runner' || runnerHosts.includes(host) ? 'runner' : host;
    const route = (m[2] ?? '/').replace(/[?#].*$/, '').replace(/[.,]+$/, '') || '/';
    if (route === '/' && !m[2]) continue;
    if (/\/metrics$/.test(route)) readsMetrics = true;
    out.push({ step, kind: 'route', name: route, service });
  }
  for (const m of t.matchAll(ENV_DOLLAR)) if (m[1] !== 'DATABASE_URL' || /ssh\s+console/.test(t)) out.push({ step, kind: 'env', name: m[1] });
  for (const m of t.matchAll(ENV_ASSIGN)) for (const v of m[1].trim().split(/\s+/)) out.push({ step, kind: 'env', name: v.replace(/=.*$/, '') });
  for (const m of t.matchAll(ENV_TICK)) out.push({ step, kind: 'env', name: m[1] });
  for (const line of t.split('\n')) {
    if (!ENV_CONTEXT.test(line)) continue;
    for (const m of line.matchAll(ENV_BARE)) out.push({ step, kind: 'env', name: m[1] });
  }
  for (const m of t.matchAll(METRIC_SELECTOR)) out.push({ step, kind: 'metric', name: m[1] });
  if (readsMetrics) {
    for (const line of t.split('\n')) {
      if (/https?:\/\//.test(line) && !/\|\s*grep/.test(line)) continue;
      for (const m of line.replace(/https?:\/\/\S+/g, '').matchAll(METRIC_WORD)) if (!/^[A-Z]/.test(m[1])) out.push({ step, kind: 'metric', name: m[1] });
    }
  }
  for (const m of t.matchAll(GO_FILE)) out.push({ step, kind: 'path', name: m[1] });
  // log lines: quoted text where the step reads logs, on ✅ / ❌ / Look for lines, or "… in logs"
  for (const line of t.split('\n')) {
    const aboutLogs = logContext || /\blogs?\b|look\s+for|[✅❌]|grep/i.test(line);
    if (!aboutLogs) continue;
    for (const m of line.matchAll(QUOTED)) {
      const q = (m[1] ?? m[2]).trim();
      if (!isLogText(q)) continue;
      out.push({ step, kind: 'log', name: q });
    }
  }
}

/** Text worth looking for among the code's messages: words, not a command, a flag or a JSON field. */
function isLogText(q: string): boolean {
  if (LIBRARY_ERRORS.test(q)) return false;
  if (/^[-$/]|^https?:|=\s*\$|\$\(|^\w+$|^[\w.]+=|^\(.*\|.*\)$|[{}]|^"?[\w_]+"?\s*:/.test(q)) return false;
  if (/^(?:flyctl|curl|grep|echo|psql|go|sh|cd)\b/.test(q)) return false;
  return /[A-Za-z]{2,}/.test(q) && (/\s/.test(q) || /^\[[A-Z_]+\]$/.test(q));
}

/** What every step, scenario and decision-tree branch of the runbook relies on. */
export function runbookReliances(rb: Runbook, opts: RelianceOptions = {}): Reliance[] {
  const hosts = runnerHostsOf(rb, opts);
  const out: Reliance[] = [];
  let signalsRead = false;
  for (const s of allSteps(rb)) {
    const readsLogs = s.checks.some((c) => c.probe.type === 'logs') || /\b(?:flyctl|fly)\s+logs\b/.test(commandsOf(rb, s).join('\n') + s.text);
    fromText(s.id, commandsOf(rb, s).join('\n'), hosts, out, readsLogs);
    fromText(s.id, [s.title, s.text, s.expected ?? '', ...s.ifLines].join('\n'), hosts, out, false);
    for (const c of s.checks) {
      for (const x of c.extract) if ('metric' in x) out.push({ step: s.id, kind: 'metric', name: x.metric });
      // the runbook's log signals are shared by every logs check: attributed to the first one
      if (c.extract.some((x) => 'logSignals' in x) && !signalsRead) {
        signalsRead = true;
        for (const sig of rb.logSignals) {
          const literal = regexLiteral(sig.regex);
          if (literal && isLogText(literal)) out.push({ step: s.id, kind: 'log', name: literal, service: sig.source });
        }
      }
    }
  }
  for (const sc of rb.scenarios) fromText(sc.id, [sc.title, sc.rootCause, sc.fixText, sc.action].join('\n'), hosts, out, false);
  for (const n of rb.decisionTree?.nodes ?? []) {
    fromText(n.id, n.question, hosts, out, false);
    for (const b of n.branches) fromText(n.id, b.label, hosts, out, true);
  }
  return unique(out);
}

/** A regular expression that is a plain literal (only escaped metacharacters) → its text. */
function regexLiteral(re: string): string | undefined {
  if (/(?<!\\)[.*+?^$()|[\]{}]/.test(re)) return undefined;
  return re.replace(/\\(.)/g, '$1');
}

/** Go code a step shows (imported `go` blocks, or the plan's ```go blocks in its text), by step. */
export function planGoCode(rb: Runbook): { step: string; code: string }[] {
  const out: { step: string; code: string }[] = [];
  for (const s of allSteps(rb)) {
    for (const c of s.code) if (/^go(lang)?$/i.test(c.language)) out.push({ step: s.id, code: c.text });
    if (!s.code.length) for (const m of s.text.matchAll(FENCE)) if (/^go(lang)?$/i.test(m[1])) out.push({ step: s.id, code: m[2] });
  }
  return out;
}
