/**
 * Judges a probe's outcome against a check of the runbook: probe-local facts, extractors,
 * derivations, rules, `otherwise`. Everything that leaves here is redacted: output, reason,
 * every string fact and every evidence line.
 *
 * A probe that did not succeed (`$ok` false: no HTTP answer, a non-zero exit, a timeout) produced
 * no output to judge, so "nothing matched" means nothing: extractors then set only what they
 * actually found (no `otherwise`, no zero count, no `false` flag), and only derivations and rules
 * whose condition reads a probe-local `$` fact are evaluated. Without this, "flyctl could not
 * reach the app" would read as "no failed execution in the logs" — false evidence for the
 * diagnosis. If no such rule fires, the check is `error` with the probe's own error.
 */
import type { Check, Condition, Extractor, FactValue, LogSignal } from '../runbook/schema';
import { conditionFacts, evaluateCondition, type FactLookup } from './conditions';
import { normaliseLogLine, type NormalisedLine } from './logs/logLines';
import { applyLogSignals, convertValue, sinceLastBoot } from './logs/logSignals';
import type { ProbeOutcome } from './probes/probeOutcome';
import { queryMetric } from './prometheus';
import type { Redactor } from './redact';
import { placeholderValue, type ValidTarget } from './target';
import type { CheckResult } from './types';

const MAX_PROOF = 240;

export interface EvalContext {
  target: ValidTarget;
  redactor: Redactor;
  logSignals: readonly LogSignal[];
  /** The runbook's boot line: log signals read only the lines since the last one. */
  logBoot?: { regex: string; flags?: string };
  /** Facts set earlier in the run (global facts). */
  runFact: FactLookup;
  /** Which logs a `logs` probe read (decides which log signals apply). */
  logSource?: 'runner' | 'router';
  vantage?: string;
  cached?: boolean;
}

export interface Evaluation {
  result: CheckResult;
  /** Global facts this check set (no `$` facts), each with the line that proves it when there is one. */
  facts: Record<string, { value: FactValue; line?: string }>;
}

const FACT_REF = /^\$\{fact:([^}]+)\}$/;

/** `${fact:NAME}` → the fact (missing: `unknown`); target placeholders → their values. */
export function renderTemplate(text: string, lookup: FactLookup, target?: ValidTarget): string {
  return text.replace(/\$\{([^}]+)\}/g, (m, name: string) => {
    if (name.startsWith('fact:')) {
      const v = lookup(name.slice(5));
      return v === undefined || v === null ? 'unknown' : String(v);
    }
    if (!target) return m;
    try {
      return placeholderValue(name, target);
    } catch {
      return m;
    }
  });
}

/** Line of `text` that contains position `index`. */
function lineAt(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end < 0 ? text.length : end).trim();
}

function groupCount(re: RegExp): number {
  return new RegExp(`${re.source}|`).exec('')!.length - 1;
}

function jsonPath(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[Array.isArray(cur) && /^\d+$/.test(key) ? Number(key) : key];
  }
  return cur;
}

function typed(v: unknown, type: 'string' | 'number' | 'boolean' | undefined): FactValue | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'object') return JSON.stringify(v);
  if (type === undefined) return v as FactValue;
  if (typeof v === 'string') return convertValue(v, type);
  if (type === 'string') return String(v);
  if (type === 'number') return typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : undefined;
  return typeof v === 'boolean' ? v : v !== 0;
}

export function evaluateCheck(check: Check, outcome: ProbeOutcome, ctx: EvalContext): Evaluation {
  const red = ctx.redactor;
  const local = new Map<string, FactValue>();
  const lines = new Map<string, string>();
  const set = (name: string, value: FactValue | undefined, line?: string) => {
    if (value === undefined) return;
    local.set(name, typeof value === 'string' ? red.redact(value) : value);
    // A proof is one line; a one-line JSON body is cut to something a person reads.
    if (line !== undefined) lines.set(name, red.redact(line.length > MAX_PROOF ? `${line.slice(0, MAX_PROOF)}…` : line));
    else lines.delete(name);
  };
  const lookup: FactLookup = (name) => (local.has(name) ? local.get(name) : ctx.runFact(name));

  set('$ok', outcome.ok);
  if (outcome.error !== undefined) set('$error', outcome.error);
  if (outcome.exitCode !== undefined) set('$exitCode', outcome.exitCode);
  if (outcome.status !== undefined) set('$status', outcome.status);
  set('$durationMs', outcome.durationMs);
  if (outcome.latencyMs !== undefined) set('$latencyMs', outcome.latencyMs);
  if (outcome.contentType !== undefined) set('$contentType', outcome.contentType);

  const texts = {
    output: red.redact(outcome.output),
    stdout: red.redact(outcome.stdout),
    stderr: red.redact(outcome.stderr),
    body: red.redact(outcome.body ?? ''),
  };
  const looked = outcome.ok;
  for (const x of check.extract) extract(x, outcome, texts, ctx, looked, set);

  const readsProbe = (c: Condition) => conditionFacts(c).some((f) => f.startsWith('$'));
  for (const d of check.derive) {
    if (!looked && !readsProbe(d.when)) continue;
    const holds = evaluateCondition(d.when, lookup);
    const chosen = holds ? d.then : d.else;
    if (chosen === undefined) continue;
    const ref = typeof chosen === 'string' ? FACT_REF.exec(chosen) : null;
    if (ref) {
      const v = lookup(ref[1]);
      if (v !== undefined && v !== null) set(d.fact, v, lines.get(ref[1]));
    } else {
      set(d.fact, typeof chosen === 'string' ? renderTemplate(chosen, lookup, ctx.target) : chosen);
    }
  }

  let verdict: CheckResult['verdict'];
  let reason: string;
  const fired = check.rules.find((r) => (looked || readsProbe(r.when)) && evaluateCondition(r.when, lookup));
  const withHint = (r: string) => (outcome.hint && !/https?:\/\/|beaconDebug\./.test(r) ? `${r} ${outcome.hint}` : r);
  if (outcome.rateLimited) {
    verdict = 'error';
    reason = outcome.retryAfterSeconds !== undefined
      ? `rate limited, retry in ${outcome.retryAfterSeconds} s`
      : 'rate limited (HTTP 429), retry later';
  } else if (outcome.couldNotRun) {
    verdict = 'error';
    reason = withHint(fired && fired.verdict === 'error' ? fired.reason : (outcome.errorMessage ?? outcome.error ?? 'the check could not run'));
  } else if (fired) {
    verdict = fired.verdict;
    reason = fired.reason;
    for (const [k, v] of Object.entries(fired.facts ?? {})) set(k, v);
  } else if (!outcome.ok) {
    verdict = 'error';
    reason = withHint(outcome.errorMessage ?? outcome.error ?? 'the probe failed');
  } else {
    verdict = check.otherwise.verdict;
    reason = check.otherwise.reason;
  }
  reason = red.redact(renderTemplate(reason, lookup, ctx.target));

  const facts: Evaluation['facts'] = {};
  const allFacts: Record<string, FactValue> = {};
  for (const [k, v] of local) {
    allFacts[k] = v;
    if (!k.startsWith('$')) facts[k] = lines.has(k) ? { value: v, line: lines.get(k) } : { value: v };
  }
  const result: CheckResult = {
    id: check.id,
    label: check.label,
    verdict,
    reason,
    durationMs: outcome.durationMs,
    command: red.redact(outcome.command),
    ...(ctx.vantage ? { vantage: ctx.vantage } : {}),
    output: red.redact(outcome.transcript),
    ...(ctx.cached ? { cached: true } : {}),
    facts: allFacts,
  };
  return { result, facts };
}

function extract(
  x: Extractor,
  outcome: ProbeOutcome,
  texts: Record<'output' | 'stdout' | 'stderr' | 'body', string>,
  ctx: EvalContext,
  looked: boolean,
  set: (name: string, value: FactValue | undefined, line?: string) => void,
): void {
  const fallback = (fact: string, value: FactValue | undefined) => {
    if (looked && value !== undefined) set(fact, value);
  };
  if ('regex' in x) {
    const text = texts[x.from ?? 'output'];
    const mode = x.mode ?? 'first';
    const re = new RegExp(x.regex, (x.flags ?? '') + 'gd');
    const all = [...text.matchAll(re)];
    if (mode === 'count') {
      // occurrences, not lines: a one-line JSON body can hold many matches
      if (all.length) set(x.fact, all.length, lineAt(text, all[all.length - 1].index ?? 0));
      else fallback(x.fact, 0);
      return;
    }
    const m = mode === 'last' ? all[all.length - 1] : all[0];
    if (!m) {
      fallback(x.fact, x.otherwise);
      return;
    }
    const group = x.group ?? (groupCount(re) > 0 ? 1 : 0);
    const raw = typeof group === 'string' ? m.groups?.[group] : m[group];
    const at = typeof group === 'string' ? m.indices?.groups?.[group]?.[0] : m.indices?.[group]?.[0];
    const line = lineAt(text, at ?? m.index ?? 0);
    if (raw === undefined) {
      fallback(x.fact, x.otherwise);
      return;
    }
    const value = x.group === undefined && groupCount(re) === 0 && x.type === undefined ? true : convertValue(raw, x.type);
    if (value === undefined) fallback(x.fact, x.otherwise);
    else set(x.fact, value, line);
    return;
  }
  if ('json' in x) {
    const v = outcome.json === undefined ? undefined : typed(jsonPath(outcome.json, x.json), x.type);
    if (v === undefined) {
      fallback(x.fact, x.otherwise);
      return;
    }
    set(x.fact, v, `${x.json}: ${JSON.stringify(v)}`);
    return;
  }
  if ('metric' in x) {
    const v = outcome.exposition ? queryMetric(outcome.exposition, x.metric, x.labels, x.agg) : undefined;
    if (v === undefined || Number.isNaN(v)) {
      fallback(x.fact, x.otherwise);
      return;
    }
    const sample = outcome.exposition?.samples.find((s) => s.name === x.metric && Object.entries(x.labels ?? {}).every(([k, lv]) => s.labels[k] === lv));
    set(x.fact, v, sample ? `${x.metric}${labelText(sample.labels)} ${sample.value}` : undefined);
    return;
  }
  // logSignals: over the normalised lines (a logs probe), else over the output's lines
  const source: NormalisedLine[] = (outcome.lines ?? outcome.output.split('\n').filter((l) => l.trim()).map(normaliseLogLine))
    .map((l) => ({ ...l, text: ctx.redactor.redact(l.text) }));
  const found = applyLogSignals(ctx.logSignals, sinceLastBoot(source, ctx.logBoot), ctx.logSource ?? 'runner');
  for (const [fact, f] of Object.entries(found)) if (looked || f.matches.length) set(fact, f.value, f.line);
}

function labelText(labels: Record<string, string>): string {
  const e = Object.entries(labels);
  return e.length ? `{${e.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}}` : '';
}
