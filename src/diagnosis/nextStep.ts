/**
 * The next step that discriminates most when the diagnosis is not certain.
 *
 * 1. When the decision tree stopped at a node whose `needs` steps have not run: the first of those
 *    (the tree's order is the plan's order of questions).
 * 2. Otherwise, among the steps with checks that have not run, the one with the highest expected
 *    shift of belief:
 *
 *        score(step) = Σ over causes  P(cause) × Σ |ln weight| of the cause's evidence items that the
 *                      step's facts would decide (the item reads at least one fact the step produces
 *                      and not yet known, and every fact it reads is known or produced by the step)
 *
 *    i.e. how far, in log-odds, the step can move the causes that hold the probability. Ties go
 *    to the leading causes' `confirmWith` order, then to the plan's order.
 * 3. When no runnable step can move anything: the first instrumentation step in the leading causes'
 *    `confirmWith` → "insert 2.2 and redeploy". The leading causes are the fewest (at most 3) that
 *    hold 95 % of the probability: a cause at 0.1 % does not choose the next step.
 * 4. Otherwise none: no step of the runbook can tell the leading causes apart (the diagnosis says so).
 *
 * The facts a step produces are read from the data: its checks' extractors (every `logSignals`
 * fact for a logs probe), derivations and rule facts.
 */
import type { Check, Runbook, Step } from '../runbook/schema';
import type { Facts } from '../engine/types';
import { allSteps } from '../runbook/steps';
import { conditionFacts } from '../engine/conditions';
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
}

/** The leading causes: the fewest (at most 3) that together hold this much of the probability. */
const LEADERS = 3;
const LEADING_MASS = 0.95;

function leadingCauses(ranking: Ranking): Ranking['causes'] {
  const out: Ranking['causes'] = [];
  let mass = 0;
  for (const c of ranking.causes) {
    if (out.length === LEADERS || mass >= LEADING_MASS) break;
    out.push(c);
    mass += c.probability;
  }
  return out;
}

export function chooseNextStep(
  runbook: Runbook,
  facts: Facts,
  ranking: Ranking,
  tree: TreeEvaluation,
  ranSteps: ReadonlySet<string>,
): NextStep | null {
  const steps = allSteps(runbook);
  const byId = new Map(steps.map((s) => [s.id, s]));

  if (tree.outcome.kind === 'needs') {
    const id = tree.outcome.steps[0];
    const s = byId.get(id);
    if (s) return make(s, 'run', `the decision tree's question "${tree.outcome.question}" needs step ${id}`);
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

  let best: { step: Step; score: number } | undefined;
  for (const s of steps) {
    if (ranSteps.has(s.id) || s.checks.length === 0 || s.manual) continue;
    const score = stepScore(runbook, facts, ranking, s);
    if (score <= 1e-12) continue;
    if (!best || score > best.score + 1e-12 || (Math.abs(score - best.score) <= 1e-12 && rankOf(s.id) < rankOf(best.step.id))) {
      best = { step: s, score };
    }
  }
  if (best) {
    const moved = leaders.filter((c) => causeScore(runbook, facts, c.id, best!.step) > 0).map((c) => c.id);
    return make(best.step, 'run', `its facts would move ${moved.length ? moved.join(', ') : 'the ranking'} most`);
  }

  for (const id of confirmOrder) {
    const s = byId.get(id);
    if (s?.instrument && !(s.checks.length > 0 && !ranSteps.has(s.id))) {
      return make(s, 'instrument', `no check left can tell the leading causes apart; ${s.id}'s trace lines can`);
    }
  }
  return null;
}

function make(s: Step, action: NextStep['action'], reason: string): NextStep {
  return {
    step: s.id,
    title: s.title,
    action,
    text: action === 'run' ? `run ${s.id}` : `insert ${s.id} and redeploy`,
    reason,
  };
}

function stepScore(runbook: Runbook, facts: Facts, ranking: Ranking, step: Step): number {
  return ranking.causes.reduce((a, c) => a + c.probability * causeScore(runbook, facts, c.id, step), 0);
}

function causeScore(runbook: Runbook, facts: Facts, causeId: string, step: Step): number {
  const cause = runbook.causes.find((c) => c.id === causeId);
  if (!cause) return 0;
  const produced = producedFacts(runbook, step);
  let score = 0;
  for (const e of cause.evidence) {
    const reads = [...new Set(conditionFacts(e.when))];
    const fresh = reads.filter((f) => produced.has(f) && !isKnown(facts, f));
    if (!fresh.length) continue;
    if (!reads.every((f) => produced.has(f) || isKnown(facts, f))) continue;
    score += Math.abs(Math.log(e.weight));
  }
  return score;
}

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
