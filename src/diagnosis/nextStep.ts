/**
 * The next step when the diagnosis is not certain: the one worth most per second.
 *
 * 1. When the decision tree stopped at a node whose `needs` steps have not run: the first of those
 *    (the tree's order is the plan's order of questions).
 * 2. Otherwise, among the steps that can produce a fact on this target (not run yet, not manual, no
 *    requirement the target lacks, not a probe that already came back with nothing), the highest
 *
 *        value(step) = expected information gain about the leading causes / expected seconds
 *
 *    - *Leading causes*: the fewest (at most 4) that hold 95 % of the probability, renormalised.
 *    - *Outcomes*: if cause h is the one, the step shows what h's evidence for it (weight > 1)
 *      predicts — each such item whose facts the step produces gets values that make it hold (`eq`
 *      its value, `gt` just above, …). A cause that predicts nothing for this step leaves the facts
 *      as they are. Evidence on the same fact moves every cause that reads it (router.slow raises
 *      router-slow ×400 and lowers timeout-too-short ×0.2), so a step whose outcomes raise the tied
 *      causes alike gains nothing: the step chosen is one that separates them.
 *    - *Gain* = H(leaders) − Σ_h P(h) · H(leaders | h's outcome), in bits.
 *    - *Seconds*: per check, by probe (HTTP 1, DNS 0.5, a local command 1, logs 3, a command in
 *      the runner container 5); 0.1 for a probe another step of this run already asked (one answer
 *      per endpoint per run); the short probe (2 s) for a host known not to answer (`router.slow`);
 *      600 for a step that needs instrumentation deployed.
 *    Ties go to the leading causes' `confirmWith` order, then to the plan's order.
 * 3. When no runnable step can move anything: the first instrumentation step in the leading causes'
 *    `confirmWith` → "insert 2.2 and redeploy".
 * 4. Otherwise none: no step of the runbook can tell the leading causes apart (the diagnosis says so).
 *
 * A step that would be worth asking but needs something the target lacks (the admin token, the
 * database URL, the router's Fly app) is not chosen; it is named once in `unavailable`.
 *
 * The facts a step produces are read from the data: its checks' extractors (every `logSignals`
 * fact for a logs probe), derivations and rule facts.
 */
import type { Check, Condition, FactValue, Runbook, Step } from '../runbook/schema';
import type { Facts, StepResult, Target } from '../engine/types';
import { allSteps, findStep } from '../runbook/steps';
import { conditionFacts, evaluateCondition } from '../engine/conditions';
import { unmetRequirement } from '../engine/requirements';
import { isKnown } from './factProof';
import type { Ranking } from './ranking';
import type { TreeEvaluation } from './decisionTree';

export interface NextStep {
  step: string;
  title: string;
  /** `run`: a check step; `instrument`: insert the snippet, build and redeploy, then read the logs. */
  action: 'run' | 'instrument';
  /** "run 1.6" / "insert 2.4 and redeploy" — what the run report's `nextStep` says. */
  text: string;
  reason: string;
  /** Steps that would have been worth more but cannot run on this target, and why (said once). */
  unavailable: { step: string; reason: string }[];
}

export interface NextStepContext {
  /** The target: steps whose requirements it lacks are not chosen. Without it, every step is runnable. */
  target?: Target;
  /** Results so far: a probe that came back with nothing (inconclusive, skipped) is not asked again. */
  results?: readonly StepResult[];
}

const LEADERS = 4;
const LEADING_MASS = 0.95;
const DEPLOY_SECONDS = 600;
const SHARED_SECONDS = 0.1;
const SLOW_HOST_SECONDS = 2;

function leadingCauses(ranking: Ranking): { id: string; p: number }[] {
  const out: { id: string; p: number }[] = [];
  let mass = 0;
  for (const c of ranking.causes) {
    if (out.length === LEADERS || mass >= LEADING_MASS) break;
    out.push({ id: c.id, p: c.probability });
    mass += c.probability;
  }
  const total = out.reduce((a, c) => a + c.p, 0);
  return total > 0 ? out.map((c) => ({ id: c.id, p: c.p / total })) : out;
}

export function chooseNextStep(
  runbook: Runbook,
  facts: Facts,
  ranking: Ranking,
  tree: TreeEvaluation,
  ranSteps: ReadonlySet<string>,
  ctx: NextStepContext = {},
): NextStep | null {
  const steps = allSteps(runbook);
  const byId = new Map(steps.map((s) => [s.id, s]));

  if (tree.outcome.kind === 'needs') {
    const id = tree.outcome.steps[0];
    const s = byId.get(id);
    if (s) return make(s, 'run', `the decision tree's question "${tree.outcome.question}" needs step ${id}`, []);
  }

  const leaders = leadingCauses(ranking);
  const confirmOrder: string[] = [];
  for (const c of leaders) {
    const cause = runbook.causes.find((x) => x.id === c.id);
    for (const s of cause?.confirmWith ?? []) if (!confirmOrder.includes(s)) confirmOrder.push(s);
  }
  const rankOf = (id: string) => {
    const i = confirmOrder.indexOf(id);
    return i < 0 ? confirmOrder.length + steps.findIndex((s) => s.id === id) : i;
  };
  const empty = emptyProbes(runbook, ctx.results ?? []);
  const asked = askedProbes(runbook, ranSteps);

  let best: { step: Step; value: number; gain: number; seconds: number } | undefined;
  const unavailable: (NextStep['unavailable'][number] & { value: number })[] = [];
  for (const full of steps) {
    if (ranSteps.has(full.id) || full.checks.length === 0 || full.manual) continue;
    // checks whose probe already came back with nothing on this target tell nothing again
    const s = full.checks.some((c) => empty.has(probeKey(c))) ? { ...full, checks: full.checks.filter((c) => !empty.has(probeKey(c))) } : full;
    if (!s.checks.length) continue;
    const gain = informationGain(runbook, facts, leaders, s);
    if (gain <= 1e-9) continue;
    // a step is blocked when the target lacks what it (or every one of its checks) needs
    const t = ctx.target;
    const blocked = t ? (unmetRequirement(s.requires, t) ?? (s.checks.every((c) => unmetRequirement(c.requires, t)) ? unmetRequirement(s.checks[0].requires, t) : undefined)) : undefined;
    if (blocked) {
      unavailable.push({ step: s.id, reason: blocked.replace(/^Skipped: /, ''), value: gain / expectedSeconds(s, facts, asked) });
      continue;
    }
    const seconds = expectedSeconds(s, facts, asked);
    const value = gain / seconds;
    if (!best || value > best.value + 1e-12 || (Math.abs(value - best.value) <= 1e-12 && rankOf(s.id) < rankOf(best.step.id))) {
      best = { step: full, value, gain, seconds };
    }
  }
  // said once: only the unavailable steps that would have been worth more than the one chosen
  const worthMore = unavailable.filter((u) => !best || u.value > best.value).map(({ step, reason }) => ({ step, reason }));
  if (best) {
    return make(
      best.step,
      'run',
      `it tells ${leaders.map((h) => h.id).join(', ')} apart best for its cost: ${best.gain.toFixed(2)} bits expected in about ${formatSeconds(best.seconds)}`,
      worthMore,
    );
  }

  for (const id of confirmOrder) {
    const s = byId.get(id);
    if (s?.instrument && !(s.checks.length > 0 && !ranSteps.has(s.id))) {
      return make(s, 'instrument', `no check left can tell the leading causes apart; ${s.id}'s trace lines can (a build and a deploy, about ${DEPLOY_SECONDS / 60} minutes)`, worthMore);
    }
  }
  return null;
}

function make(s: Step, action: NextStep['action'], reason: string, unavailable: NextStep['unavailable']): NextStep {
  return { step: s.id, title: s.title, action, text: action === 'run' ? `run ${s.id}` : `insert ${s.id} and redeploy`, reason, unavailable };
}

function formatSeconds(s: number): string {
  return s < 1 ? `${Math.round(s * 1000)} ms` : `${Math.round(s * 10) / 10} s`;
}

// ---------------------------------------------------------------- information gain

function entropy(ps: readonly number[]): number {
  return -ps.reduce((a, p) => (p > 0 ? a + p * Math.log2(p) : a), 0);
}

/** Expected bits the step's outcome tells about which of the leaders is the cause. */
export function informationGain(runbook: Runbook, facts: Facts, leaders: readonly { id: string; p: number }[], step: Step): number {
  if (leaders.length < 2) return 0;
  const h0 = entropy(leaders.map((l) => l.p));
  let expected = 0;
  for (const h of leaders) {
    const predicted = predictedFacts(runbook, facts, h.id, step);
    if (!Object.keys(predicted).length) {
      expected += h.p * h0;
      continue;
    }
    const lookup = (name: string) => (name in predicted ? predicted[name] : facts[name]?.value);
    const before = (name: string) => facts[name]?.value;
    const post = leaders.map((l) => {
      const cause = runbook.causes.find((c) => c.id === l.id);
      let shift = 0;
      for (const e of cause?.evidence ?? []) {
        if (!evaluateCondition(e.when, before) && evaluateCondition(e.when, lookup)) shift += Math.log(e.weight);
      }
      return l.p * Math.exp(shift);
    });
    const total = post.reduce((a, b) => a + b, 0);
    expected += h.p * (total > 0 ? entropy(post.map((x) => x / total)) : h0);
  }
  const gain = h0 - expected;
  return gain > 1e-12 ? gain : 0;
}

/**
 * What the step would show if `causeId` is the cause: values that make each of the cause's evidence
 * items for it (weight > 1) hold, for the items the step can decide (it reads a fact the step
 * produces and not yet known; every other fact it reads is known).
 */
export function predictedFacts(runbook: Runbook, facts: Facts, causeId: string, step: Step): Record<string, FactValue> {
  const cause = runbook.causes.find((c) => c.id === causeId);
  const produced = producedFacts(runbook, step);
  const out: Record<string, FactValue> = {};
  for (const e of cause?.evidence ?? []) {
    if (e.weight <= 1) continue;
    const reads = [...new Set(conditionFacts(e.when))];
    if (!reads.some((f) => produced.has(f) && !isKnown(facts, f))) continue;
    if (!reads.every((f) => produced.has(f) || isKnown(facts, f))) continue;
    const a = satisfy(e.when, facts, produced);
    if (!a) continue;
    const merged = { ...out, ...a };
    if (Object.keys(a).some((k) => k in out && out[k] !== a[k])) continue;
    if (!evaluateCondition(e.when, (n) => (n in merged ? merged[n] : facts[n]?.value))) continue;
    Object.assign(out, a);
  }
  return out;
}

/** Values for unknown, produced facts that make `cond` hold (known facts kept); null when none can. */
function satisfy(cond: Condition, facts: Facts, produced: ReadonlySet<string>): Record<string, FactValue> | null {
  if ('all' in cond) {
    const out: Record<string, FactValue> = {};
    for (const c of cond.all) {
      const a = satisfy(c, facts, produced);
      if (!a) return null;
      for (const [k, v] of Object.entries(a)) {
        if (k in out && out[k] !== v) return null;
        out[k] = v;
      }
    }
    return out;
  }
  if ('any' in cond) {
    for (const c of cond.any) {
      const a = satisfy(c, facts, produced);
      if (a) return a;
    }
    return null;
  }
  const lookup = (n: string) => facts[n]?.value;
  if ('not' in cond) return evaluateCondition(cond, lookup) ? {} : null;
  if (isKnown(facts, cond.fact)) return evaluateCondition(cond, lookup) ? {} : null;
  if (!produced.has(cond.fact)) return cond.op === 'missing' ? {} : null;
  const v = cond.value;
  const n = typeof v === 'number' ? v : undefined;
  switch (cond.op) {
    case 'eq':
      return v === undefined || Array.isArray(v) ? null : { [cond.fact]: v };
    case 'in':
      return Array.isArray(v) && v.length ? { [cond.fact]: v[0] } : null;
    case 'gt':
      return n === undefined ? null : { [cond.fact]: n + 1 };
    case 'ge':
    case 'le':
      return n === undefined ? null : { [cond.fact]: n };
    case 'lt':
      return n === undefined ? null : { [cond.fact]: n > 0 ? n / 2 : n - 1 };
    case 'exists':
    case 'truthy':
      return { [cond.fact]: true };
    case 'falsy':
      return { [cond.fact]: false };
    default:
      return null; // ne, notIn, matches, missing: no single value to predict
  }
}

// ---------------------------------------------------------------- cost

function probeKey(c: Check): string {
  return JSON.stringify(c.probe);
}

/** Probes of the steps that ran (their answers are shared within a run). */
function askedProbes(runbook: Runbook, ran: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const id of ran) for (const c of findStep(runbook, id)?.checks ?? []) out.add(probeKey(c));
  return out;
}

/** Probes that came back with nothing to judge on this target: not exposed, not readable. */
function emptyProbes(runbook: Runbook, results: readonly StepResult[]): Set<string> {
  const out = new Set<string>();
  for (const r of results) {
    const step = findStep(runbook, r.id);
    for (const c of r.checks) {
      if (c.verdict !== 'inconclusive' && c.verdict !== 'skipped') continue;
      const def = step?.checks.find((x) => x.id === c.id);
      if (def) out.add(probeKey(def));
    }
  }
  return out;
}

/** Expected seconds to run the step's checks (see the header). */
export function expectedSeconds(step: Step, facts: Facts, asked: ReadonlySet<string> = new Set()): number {
  // a step that is also instrumentation (0.3) reads an endpoint that exists only once it is deployed
  if (step.instrument || step.requires.includes('instrumentation') || step.checks.some((c) => c.requires.includes('instrumentation'))) return DEPLOY_SECONDS;
  let total = 0;
  const seen = new Set<string>();
  for (const c of step.checks) {
    const key = probeKey(c);
    if (asked.has(key) || seen.has(key)) {
      total += SHARED_SECONDS;
      continue;
    }
    seen.add(key);
    const p = c.probe;
    const toRouter = (p.type === 'http' || p.type === 'metrics') && p.url.includes('${router.url}');
    if (toRouter && facts['router.slow']?.value === true) total += SLOW_HOST_SECONDS;
    else if (p.type === 'http' || p.type === 'metrics') total += 1;
    else if (p.type === 'dns') total += 0.5;
    else if (p.type === 'logs') total += 3;
    else total += p.vantage === 'runner container' ? 5 : 1;
  }
  return Math.max(total, SHARED_SECONDS);
}

// ---------------------------------------------------------------- what a step can tell

const producedCache = new WeakMap<Step, Set<string>>();

/** Every fact a step's checks can set (probe-local `$` facts excluded). */
export function producedFacts(runbook: Runbook, step: Step): Set<string> {
  let out = producedCache.get(step);
  if (out) return out;
  out = new Set<string>();
  for (const c of step.checks) for (const f of checkFacts(runbook, c)) if (!f.startsWith('$')) out.add(f);
  producedCache.set(step, out);
  return out;
}

function checkFacts(runbook: Runbook, check: Check): string[] {
  const out: string[] = [];
  for (const x of check.extract) {
    if ('logSignals' in x) {
      const source = check.probe.type === 'logs' && check.probe.app.includes('router.') ? 'router' : 'runner';
      out.push(...runbook.logSignals.filter((s) => (s.source ?? 'runner') === source).map((s) => s.fact));
    } else {
      out.push(x.fact);
    }
  }
  out.push(...check.derive.map((d) => d.fact));
  for (const r of check.rules) out.push(...Object.keys(r.facts ?? {}));
  return out;
}
