/**
 * A runbook checked against the Go code it is about: each thing a step relies on (route, metric,
 * environment variable, log line, file) is looked up in the code → `found` (file:line), `missing`,
 * or `other-service` (a URL on another host: not this code's to judge). What the plan's own Go
 * snippets would add is `missing` until that code is in the tree; the finding names the step that
 * adds it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allSteps } from '../runbook/load';
import { planGoCode, runbookReliances, type Reliance, type RelianceKind, type RelianceOptions } from '../runbook/reliances';
import type { Runbook } from '../runbook/schema';
import { emptyCodeFacts, goFilesUnder, scanGoFragment, scanGoSource, type CodeFacts, type Located } from './codeFacts';
import { GoInstrumenter } from './instrumenter';
import type { StepId } from './steps';
import type { GoParser } from './parser';

export type FindingStatus = 'found' | 'missing' | 'other-service';

export interface LintFinding {
  step: string;
  kind: RelianceKind;
  name: string;
  status: FindingStatus;
  /** `file:line` when found; the other service's host when other-service; null when missing. */
  where: string | null;
  /** The step whose instrumentation adds it, when the plan's own code adds it. */
  addedBy: string | null;
}

const at = (l: Located) => `${l.file}:${l.line}`;

/** `/api/v1/jobs/:id` or `/v2/{id}` or `/debug/pprof/` (subtree) against a concrete path. */
export function routeMatches(pattern: string, p: string): boolean {
  const norm = (s: string) => s.replace(/\/+$/, '') || '/';
  if (pattern.endsWith('/') && pattern !== '/' && (p + '/').startsWith(pattern)) return true; // net/http subtree
  const a = norm(pattern).split('/');
  const b = norm(p).split('/');
  for (let i = 0; i < a.length; i++) {
    const seg = a[i];
    if (seg.startsWith('*')) return true;
    if (i >= b.length) return false;
    if (seg.startsWith(':') || /^\{[^}]+\}$/.test(seg)) continue;
    if (seg !== b[i]) return false;
  }
  return a.length === b.length;
}

/** A log message (maybe a Printf format) and the text a plan looks for. */
export function logMatches(message: string, wanted: string): boolean {
  if (message.includes(wanted)) return true;
  // the plan shortened it: "… disabled (no HYBRID_BASE/…)"
  const shortened = /(?:…|\.\.\.)\)?$/.test(wanted) ? wanted.replace(/(?:…|\.\.\.)\)?$/, '') : '';
  if (shortened.length >= 8 && message.includes(shortened)) return true;
  // zerolog console lines: the message, then key=value fields
  if (wanted.startsWith(message) && /^\s+[\w.]+=/.test(wanted.slice(message.length))) return true;
  // a format string: its fixed parts, in order
  if (!/%[-+# 0-9.*]*[vTtbcdoOqxXUeEfFgGsp]/.test(message)) return false;
  const parts = message.split(/%[-+# 0-9.*]*[vTtbcdoOqxXUeEfFgGsp]/).map((s) => s.trim()).filter(Boolean);
  if (!parts.length) return false;
  let from = 0;
  for (const part of parts) {
    const i = wanted.indexOf(part, from);
    if (i < 0) return false;
    from = i + part.length;
  }
  return true;
}

function lookup(facts: CodeFacts, r: Reliance): Located | undefined {
  switch (r.kind) {
    case 'route':
      return facts.routes.find((x) => routeMatches(x.path, r.name));
    case 'metric': {
      const base = r.name.replace(/_(?:bucket|sum|count)$/, '');
      // a collector's name, a constant, or a series in hand-written exposition text
      const series = new RegExp(`(?:^|\\n)${r.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ {]`);
      return facts.metrics.find((x) => x.name === r.name || x.name === base) ?? facts.strings.find((x) => x.value === r.name || series.test(x.value));
    }
    case 'env':
      return facts.env.find((x) => x.name === r.name) ?? facts.strings.find((x) => x.value === r.name);
    case 'log':
      return facts.logs.find((x) => logMatches(x.message, r.name)) ?? facts.strings.find((x) => x.value.length >= 3 && logMatches(x.value, r.name));
    case 'path': {
      const want = r.name.replace(/^\.?\//, '');
      const file = facts.files.find((f) => f === want || f.endsWith('/' + want));
      return file ? { file, line: 1 } : undefined;
    }
  }
}

export type Additions = { step: string; facts: CodeFacts }[];

/** What the plan's own Go code adds (routes, log lines), by the step that shows it. */
export function planAdditions(parser: GoParser, rb: Runbook): Additions {
  return planGoCode(rb).map(({ step, code }) => {
    const facts = emptyCodeFacts();
    scanGoFragment(parser, code, `plan ${step}`, facts);
    return { step, facts };
  });
}

/**
 * What Beacon Debug's own instrumentation would add to the code under `dir` (each snippet inserted
 * in memory where its anchor is, the result scanned, what was there before taken away), by the
 * runbook step that inserts it.
 */
export function instrumentationAdditions(parser: GoParser, rb: Runbook, dir: string): Additions {
  const steps = allSteps(rb).filter((s) => s.instrument);
  if (!steps.length) return [];
  const instrumenter = new GoInstrumenter(parser);
  const byDir = new Map<string, string[]>();
  for (const f of goFilesUnder(dir)) byDir.set(path.dirname(f), [...(byDir.get(path.dirname(f)) ?? []), f]);
  const out: Additions = [];
  for (const step of steps) {
    const snippet = step.instrument!.snippet as StepId;
    const facts = emptyCodeFacts();
    for (const files of byDir.values()) {
      const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
      texts.forEach((text, i) => {
        if (!GoInstrumenter.relevant(text)) return;
        const result = instrumenter.insert(text, [snippet], texts.filter((_, j) => j !== i));
        if (!result.inserted.length) return;
        const before = emptyCodeFacts();
        const after = emptyCodeFacts();
        const rel = path.relative(dir, files[i]).split(path.sep).join('/');
        scanGoSource(parser, text, rel, before);
        scanGoSource(parser, result.text, rel, after);
        facts.routes.push(...after.routes.filter((r) => !before.routes.some((b) => b.path === r.path)));
        facts.logs.push(...after.logs.filter((l) => !before.logs.some((b) => b.message === l.message)));
      });
    }
    out.push({ step: step.id, facts });
  }
  return out;
}

export interface LintOptions extends RelianceOptions {
  /** The folder `code` was scanned from: Beacon Debug's own snippets are tried on it. */
  dir?: string;
}

/** Every finding, in runbook order. */
export function lintRunbook(parser: GoParser, rb: Runbook, code: CodeFacts, opts: LintOptions = {}): LintFinding[] {
  const additions = [...planAdditions(parser, rb), ...(opts.dir ? instrumentationAdditions(parser, rb, opts.dir) : [])];
  const order = new Map(allSteps(rb).map((s, i) => [s.id, i]));
  const findings = runbookReliances(rb, opts).map((r): LintFinding => {
    const adder = r.kind === 'route' || r.kind === 'log' ? additions.find((a) => lookup(a.facts, r))?.step ?? null : null;
    if ((r.kind === 'route' || r.kind === 'log') && r.service && r.service !== 'runner') {
      return { step: r.step, kind: r.kind, name: r.name, status: 'other-service', where: r.service ?? null, addedBy: null };
    }
    const hit = lookup(code, r);
    // `addedBy` explains a missing item; what the code already has needs no adding
    return { step: r.step, kind: r.kind, name: r.name, status: hit ? 'found' : 'missing', where: hit ? at(hit) : null, addedBy: hit ? null : adder };
  });
  return findings.sort((a, b) => (order.get(a.step) ?? 1e9) - (order.get(b.step) ?? 1e9));
}

/** The findings as lines for a person: missing first, then other services, then what was found. */
export function formatLintFindings(findings: readonly LintFinding[], codeDir: string): string {
  const out: string[] = [];
  const rank: Record<FindingStatus, number> = { missing: 0, 'other-service': 1, found: 2 };
  const sorted = [...findings].sort((a, b) => rank[a.status] - rank[b.status]);
  const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
  for (const f of sorted) {
    const tail = f.status === 'found' ? f.where : f.status === 'other-service' ? `on ${f.where}, not judged against this code` : f.addedBy ? `not in the code yet — step ${f.addedBy} adds it` : 'not in the code';
    out.push(`${pad(f.status, 13)} ${pad(f.step, 10)} ${pad(f.kind, 6)} ${f.name}  (${tail})`);
  }
  const missing = findings.filter((f) => f.status === 'missing').length;
  out.push('', `${findings.length} things the runbook relies on, checked against ${codeDir}: ${findings.filter((f) => f.status === 'found').length} found, ${missing} missing, ${findings.filter((f) => f.status === 'other-service').length} on other services.`);
  return out.join('\n') + '\n';
}
