/**
 * The diagnosis: the decision tree walked on the facts, the causes ranked on the same facts, and
 * the two combined into one answer.
 *
 * - **A cause** is the root cause when the tree's leaf names it, the ranking's leader is the same
 *   cause, and the ranking is certain (≥ 0.9, nothing contradicts it, no tie).
 * - **`healthy`** (no prior: it is not ranked) is the root cause when (1) the tree's leaf is
 *   `healthy`, (2) no check of the run failed or could not run (`fail` / `error`; `warn`,
 *   `inconclusive` and `skipped` do not block, warnings are listed in the notes), and (3) the
 *   evidence speaks against the causes at least 9 : 1 — P(healthy) = 1 / (1 + Z) ≥ 0.9 where
 *   Z = Σ prior × Π weight is the ranking's evidence mass (Z = 1 with no evidence, i.e. even odds
 *   between "nothing is wrong" and "one of the causes"). P(healthy) is the probability reported.
 * - Otherwise the answer is **`undetermined`**, with the leading cause, the reason (tree and
 *   ranking disagree, not certain, contradicted, tied, the tree is missing facts) and the next
 *   step that discriminates most.
 *
 * `runDiagnosis` runs what the tree needs, node by node, in the tree's order, and stops as soon as
 * the answer is certain (or healthy): a diagnosis runs fewer checks than a full run.
 */
import type { Runbook } from '../runbook/schema';
import type { CheckResult, EvidenceItem, Facts, RootCauseSummary, RunEvent, RunReport, StepResult, Target } from '../engine/types';
import { runSteps as engineRunSteps, type RunOptions, type RunOutcome } from '../engine/runner';
import { ProbeCache } from '../engine/probes/probeCache';
import { rankCauses, CERTAINTY, type FailedCheck, type Ranking, type RankedCause } from './ranking';
import { evaluateTree, type TreeEvaluation } from './decisionTree';
import { chooseNextStep, type NextStep } from './nextStep';
import { describeFix, fixOfCause } from './fixes';
import { evaluateSuccessCriteria, type CriterionResult } from './successCriteria';
import { provingLines, type FactProof } from './factProof';
import { percent } from '../shared/formatting';

export const UNDETERMINED = 'undetermined';

export interface DiagnosisEvidence extends EvidenceItem {
  check: string | null;
  /** Why it counts: the evidence item's label, or the tree branch that read it. */
  label: string;
  /** The evidence item's likelihood ratio; null for a fact read by the tree only. */
  weight: number | null;
}

export interface DiagnosisFix {
  id: string;
  title: string;
  kind: 'command' | 'code' | 'guidance';
  /** Resolved against the target; the data's template when no target was given; null unless a command. */
  argv: string[] | null;
}

export interface Diagnosis {
  status: 'certain' | 'healthy' | 'undetermined';
  rootCause: RootCauseSummary;
  /** The leading cause when undetermined (or the root cause). */
  leading: { id: string; probability: number } | null;
  tree: TreeEvaluation;
  ranking: Ranking;
  /** P(healthy) = 1 / (1 + evidence mass). */
  healthyProbability: number;
  evidence: DiagnosisEvidence[];
  nextStep: NextStep | null;
  fix: DiagnosisFix | null;
  /** The tree's leaf and the ranking's leader; `agree` false is reported in `notes`. */
  agreement: { tree: string | null; ranking: string | null; agree: boolean };
  /** Plain statements for the user: why undetermined, ties, contradictions, reality notes. */
  notes: string[];
  criteria: CriterionResult[];
  /**
   * When the answer (or the leading cause) is the runbook's unknown cause: the facts that do not fit
   * — failed checks no known cause explains, and what rules out each of the likeliest known causes.
   */
  unfit: UnfitFact[];
}

export interface UnfitFact {
  /** `unexplained`: a failed check no known cause explains; `against`: what rules out a known cause. */
  kind: 'unexplained' | 'against';
  step: string;
  /** The known cause it rules out (`against`). */
  cause: string | null;
  text: string;
}

export interface DiagnoseOptions {
  /** Builds the fix's argv through the engine's placeholder resolution. */
  target?: Target;
  /**
   * Steps that ran. Default: the ids of `results`. The tree stops at a node whose needs did not run.
   * Pass `null` to evaluate the tree on the facts alone.
   */
  ranSteps?: ReadonlySet<string> | null;
  /** A fix ran and exited 0 in this session (for the success criteria). */
  fixApplied?: boolean;
}

export function diagnose(runbook: Runbook, facts: Facts, results: readonly StepResult[], opts: DiagnoseOptions = {}): Diagnosis {
  const ranSteps = opts.ranSteps === undefined ? new Set(results.map((r) => r.id)) : opts.ranSteps;
  const tree = evaluateTree(runbook, facts, ranSteps ? { ranSteps } : {});
  const ranking = rankCauses(runbook, facts, failedChecksOf(results));
  const healthyProbability = 1 / (1 + ranking.evidenceMass);
  const leader = ranking.leader;
  const notes: string[] = [];

  const leafCause = tree.outcome.kind === 'leaf' ? tree.outcome.cause : null;
  const healthyIds = new Set(runbook.causes.filter((c) => c.prior === null).map((c) => c.id));
  const leafIsHealthy = leafCause !== null && healthyIds.has(leafCause);
  const blocking = failedChecks(results);
  const warnings = warnedChecks(results);

  let status: Diagnosis['status'] = 'undetermined';
  let agree: boolean;
  if (leafIsHealthy) {
    agree = healthyProbability >= CERTAINTY;
    if (!agree) {
      notes.push(
        `The decision tree ends at "${leafCause}", but the evidence still points at ${describeLeader(leader)}: P(healthy) is ${percent(healthyProbability)} (needs ≥ ${percent(CERTAINTY)}).`,
      );
    }
    if (blocking.length) notes.push(`The decision tree ends at "${leafCause}", but ${blocking.length === 1 ? 'a check' : 'checks'} did not pass: ${blocking.join('; ')}.`);
    if (agree && blocking.length === 0) status = 'healthy';
  } else {
    agree = leafCause !== null && leader !== null && leader.id === leafCause;
    if (leafCause !== null && leader && !agree) {
      notes.push(`The decision tree and the ranking disagree: the tree ends at ${leafCause}, the evidence ranks ${describeLeader(leader)} first.`);
    }
    if (agree && ranking.certain) status = 'certain';
  }
  if (warnings.length) notes.push(`Warnings: ${warnings.join('; ')}.`);

  if (tree.outcome.kind === 'needs') {
    notes.push(`The decision tree needs step${tree.outcome.steps.length > 1 ? 's' : ''} ${tree.outcome.steps.join(', ')} to answer "${tree.outcome.question}".`);
  } else if (tree.outcome.kind === 'stuck') {
    notes.push(`The decision tree stops at "${tree.outcome.question || tree.outcome.node}": ${tree.outcome.reason}.`);
  }
  if (ranking.ties.length) notes.push(`Tied: ${ranking.ties.join(', ')} (within ${percent(0.01)} of each other).`);
  if (leader && ranking.contradictions.length && !leafIsHealthy) {
    notes.push(`Against ${leader.id}: ${ranking.contradictions.map((c) => `${c.label} (×${c.weight})`).join('; ')}.`);
  }
  if (status === 'undetermined' && leader && !leafIsHealthy && leader.probability < CERTAINTY) {
    notes.push(`${leader.id} leads at ${percent(leader.probability)}: below the ${percent(CERTAINTY)} needed to be certain.`);
  }
  for (const n of tree.notes) notes.push(`${n.source}: ${n.text}`);

  const causeMeta = (id: string) => runbook.causes.find((c) => c.id === id);
  let rootCause: RootCauseSummary;
  if (status === 'healthy') {
    rootCause = { id: leafCause!, scenario: null, title: causeMeta(leafCause!)?.title ?? leafCause!, probability: round(healthyProbability) };
  } else if (status === 'certain') {
    const c = causeMeta(leader!.id)!;
    const scenario = tree.outcome.kind === 'leaf' && tree.outcome.scenario ? tree.outcome.scenario : (c.scenario ?? null);
    rootCause = { id: c.id, scenario, title: c.title, probability: round(leader!.probability) };
  } else {
    rootCause = {
      id: UNDETERMINED,
      scenario: null,
      title: leader ? `Not certain: ${leader.id} leads (${percent(leader.probability)})` : 'Not certain: no cause is ranked',
      probability: round(leader?.probability ?? 0),
    };
  }

  const focus = status === 'healthy' ? null : leader;
  const evidence = collectEvidence(runbook, facts, tree, focus);
  const nextStep =
    status === 'undetermined' ? chooseNextStep(runbook, facts, ranking, tree, ranSteps ?? new Set(results.map((r) => r.id)), { target: opts.target, results }) : null;
  for (const u of nextStep?.unavailable ?? []) notes.push(`Step ${u.step} would tell more, but it ${u.reason}.`);
  const fix = status === 'certain' ? fixFor(runbook, tree, rootCause.id, opts.target) : null;
  const unknownIds = new Set(runbook.causes.filter((c) => c.unexplained).map((c) => c.id));
  const unfit = leader && unknownIds.has(leader.id) && status !== 'healthy' ? unfitFacts(ranking, unknownIds) : [];
  if (status === 'certain' && unknownIds.has(rootCause.id)) {
    notes.unshift(`No cause in the runbook explains the evidence (${unfit.length} fact${unfit.length === 1 ? '' : 's'} do not fit): no fix is offered. ${unfit.map((u) => u.text).join(' ')}`);
  }
  if (status === 'undetermined' && !nextStep) {
    const named = ranking.ties.length ? ranking.ties : [leafCause, leader?.id].filter((x, i, a): x is string => !!x && a.indexOf(x) === i);
    notes.push(`No step left in the runbook can tell ${named.length ? named.join(' and ') : 'the causes'} apart: read the evidence of each, or try the fix of the most likely one and run the diagnosis again.`);
  }

  const criteria = evaluateSuccessCriteria(runbook, {
    ...facts,
    'diagnosis.certain': { value: status !== 'undetermined', step: 'diagnosis' },
    ...(opts.fixApplied !== undefined ? { 'fix.applied': { value: opts.fixApplied, step: 'diagnosis' } } : {}),
  });

  return {
    status,
    rootCause,
    leading: leader ? { id: leader.id, probability: round(leader.probability) } : null,
    tree,
    ranking,
    healthyProbability,
    evidence,
    nextStep,
    fix,
    // for a healthy leaf the ranking "agrees" when the evidence mass makes healthy certain
    agreement: { tree: leafCause, ranking: leafIsHealthy && agree ? leafCause : (leader?.id ?? null), agree },
    notes,
    criteria,
    unfit,
  };
}

/** Checks that failed (not warn / error: those are not evidence of a fault), with the facts each set. */
function failedChecksOf(results: readonly StepResult[]): FailedCheck[] {
  return results.flatMap((r) =>
    r.checks
      .filter((c) => c.verdict === 'fail')
      .map((c) => ({ step: r.id, check: c.id, label: c.label, reason: c.reason, facts: Object.keys(c.facts).filter((k) => !k.startsWith('$')) })),
  );
}

/** The failed checks no known cause explains, then what rules out each of the three likeliest known causes. */
function unfitFacts(ranking: Ranking, unknownIds: ReadonlySet<string>): UnfitFact[] {
  const out: UnfitFact[] = ranking.unexplained.map((f) => ({ kind: 'unexplained', step: f.step, cause: null, text: `${f.step} ${f.label}: ${sentence(f.reason)}.` }));
  for (const c of ranking.causes.filter((x) => !unknownIds.has(x.id)).slice(0, 3)) {
    const strongest = [...c.against].sort((a, b) => a.weight - b.weight)[0];
    if (!strongest) continue;
    const shown = strongest.facts.map((p) => `${p.fact} = ${typeof p.value === 'string' ? JSON.stringify(p.value) : String(p.value)}${p.step ? ` (${p.step})` : ''}`).join(', ');
    out.push({ kind: 'against', step: strongest.facts[0]?.step ?? '', cause: c.id, text: `Not ${c.id}: ${strongest.label}${shown ? ` — ${shown}` : ''}.` });
  }
  return out;
}

/** The run report's diagnosis fields. */
export function reportFields(d: Diagnosis): Pick<RunReport, 'rootCause' | 'ranked' | 'evidence' | 'nextStep' | 'fix'> {
  return {
    rootCause: d.rootCause,
    ranked: d.ranking.causes.map((c) => ({ id: c.id, probability: round(c.probability) })),
    evidence: d.evidence.map(({ step, fact, value, line }) => ({ step, fact, value, line })),
    nextStep: d.nextStep?.text ?? null,
    fix: d.fix ? { id: d.fix.id, argv: d.fix.argv } : null,
  };
}

function fixFor(runbook: Runbook, tree: TreeEvaluation, causeId: string, target: Target | undefined): DiagnosisFix | null {
  const id = fixOfCause(runbook, causeId, tree.outcome.kind === 'leaf' ? tree.outcome : null);
  if (!id) return null;
  const fix = runbook.fixes.find((f) => f.id === id);
  if (!fix) return null;
  let argv: string[] | null = null;
  if (fix.kind === 'command') argv = target ? describeFix(runbook, id, target).argv : [...(fix.argv ?? [])];
  return { id: fix.id, title: fix.title, kind: fix.kind, argv };
}

/**
 * The facts behind the answer: the root cause's (or the leader's) evidence first, then what the
 * tree read on its way. A derived fact shows the lines of the facts it was derived from.
 */
function collectEvidence(runbook: Runbook, facts: Facts, tree: TreeEvaluation, cause: RankedCause | null): DiagnosisEvidence[] {
  const out: DiagnosisEvidence[] = [];
  const seen = new Set<string>();
  const add = (p: FactProof, label: string, weight: number | null) => {
    if (p.value === null || seen.has(p.fact)) return;
    seen.add(p.fact);
    const lines = p.line ? [p.line] : provingLines(runbook, facts, p.fact);
    out.push({ step: p.step ?? '', check: p.check, fact: p.fact, value: p.value, line: lines.length ? lines.join('\n') : null, label, weight });
  };
  for (const m of cause?.for ?? []) for (const p of m.facts) add(p, m.label, m.weight);
  for (const hop of tree.path) for (const p of hop.read) add(p, `${hop.question} → ${hop.branch}`, null);
  return out;
}

function failedChecks(results: readonly StepResult[]): string[] {
  const out: string[] = [];
  for (const s of results) {
    const bad = s.checks.filter((c) => c.verdict === 'fail' || c.verdict === 'error');
    if (bad.length) out.push(...bad.map((c) => `${s.id} ${c.label}: ${c.verdict} — ${sentence(c.reason)}`));
    else if (s.verdict === 'fail' || s.verdict === 'error') out.push(`${s.id}: ${s.verdict} — ${sentence(s.reason)}`);
  }
  return out;
}

function warnedChecks(results: readonly StepResult[]): string[] {
  return results.flatMap((s) => s.checks.filter((c) => c.verdict === 'warn').map((c) => `${s.id} ${c.label}: ${sentence(c.reason)}`));
}

/** A reason without its final full stop (it goes inside a longer sentence). */
function sentence(reason: string): string {
  return reason.replace(/\.\s*$/, '');
}

function describeLeader(leader: RankedCause | null): string {
  return leader ? `${leader.id} (${percent(leader.probability)})` : 'no cause';
}

function round(p: number): number {
  return Math.round(p * 10000) / 10000;
}

// ---------------------------------------------------------------- running what the tree needs

export type DiagnosisEvent = RunEvent | { type: 'diagnosisRound'; round: number; steps: string[]; reason: string };

/** The engine's `runSteps` (or a stand-in with the same contract, for tests). */
export type StepRunner = (runbook: Runbook, target: Target, opts: RunOptions) => Promise<RunOutcome>;

export interface RunDiagnosisOptions {
  signal?: AbortSignal;
  /** Every event of every round of checks, as the engine emits them, plus a `diagnosisRound` before each round. */
  onEvent?: (e: DiagnosisEvent) => void;
  /** Default: the engine's `runSteps`. */
  runSteps?: StepRunner;
  /** Per check, unless the check sets its own (the engine's default otherwise). */
  timeoutSeconds?: number;
  /** Per check, even one that sets its own (the user asked for it). */
  userTimeoutSeconds?: number;
  /** Run the runbook's preflight before the first round (a failure stops the diagnosis). */
  preflight?: boolean;
  /** Shared across the rounds (one answer per endpoint per diagnosis); default: a new one. */
  cache?: ProbeCache;
  /** At most this many rounds of checks (a guard; the tree's depth is far below it). */
  maxRounds?: number;
  /** Passed through to the engine (benchmarks). */
  injectDelayMs?: number;
  /** Passed through to the engine: whether a runbook file's own programs may run. */
  runbookCommands?: RunOptions['runbookCommands'];
  /** Passed through to the engine: every timeout multiplied (a compressed clock for tests). */
  timeScale?: number;
}

export interface DiagnosisRun {
  diagnosis: Diagnosis;
  results: StepResult[];
  facts: Facts;
  preflight: CheckResult[];
  /** Steps in the order they ran, and the rounds (each round's steps ran together). */
  stepsRun: string[];
  rounds: { steps: string[]; reason: string }[];
  /** Checks that produced a result (skipped ones included: they were asked for). */
  checksRun: number;
  environment: string;
  startedAt: string;
  finishedAt: string;
  cancelled: boolean;
}

/**
 * Runs what the decision tree needs, node by node, in the tree's order: the `needs` of the node the
 * walk stopped at, then the walk again; once the tree reaches a leaf, the step that discriminates
 * most while the answer is not certain; it stops as soon as the answer is certain or healthy, when
 * nothing runnable is left to ask, or when cancelled.
 */
export async function runDiagnosis(runbook: Runbook, target: Target, opts: RunDiagnosisOptions = {}): Promise<DiagnosisRun> {
  const run = opts.runSteps ?? engineRunSteps;
  const cache = opts.cache ?? new ProbeCache();
  const startedAt = new Date().toISOString();
  const results: StepResult[] = [];
  const facts: Facts = {};
  const ran = new Set<string>();
  const rounds: DiagnosisRun['rounds'] = [];
  let preflight: CheckResult[] = [];
  let environment = target.name;
  let cancelled = false;
  let preflightPending = !!opts.preflight;
  const maxRounds = opts.maxRounds ?? 32;

  let d = diagnose(runbook, facts, results, { target, ranSteps: ran });
  for (let round = 0; round < maxRounds && d.status === 'undetermined'; round++) {
    let steps: string[] = [];
    let reason = '';
    if (d.tree.outcome.kind === 'needs') {
      steps = d.tree.outcome.steps.filter((s) => !ran.has(s));
      reason = `the decision tree asks "${d.tree.outcome.question}"`;
    } else if (d.nextStep?.action === 'run' && !ran.has(d.nextStep.step)) {
      steps = [d.nextStep.step];
      reason = `not certain yet: ${d.nextStep.reason}`;
    }
    if (!steps.length || opts.signal?.aborted) break;
    rounds.push({ steps, reason });
    opts.onEvent?.({ type: 'diagnosisRound', round: rounds.length, steps, reason });
    const outcome = await run(runbook, target, {
      only: steps,
      signal: opts.signal,
      onEvent: opts.onEvent,
      cache,
      timeoutSeconds: opts.timeoutSeconds,
      userTimeoutSeconds: opts.userTimeoutSeconds,
      preflight: preflightPending,
      injectDelayMs: opts.injectDelayMs,
      runbookCommands: opts.runbookCommands,
      timeScale: opts.timeScale,
    });
    preflightPending = false;
    environment = outcome.environment;
    if (outcome.preflight.length) preflight = outcome.preflight;
    for (const r of outcome.results) {
      ran.add(r.id);
      const i = results.findIndex((x) => x.id === r.id);
      if (i >= 0) results[i] = r;
      else results.push(r);
    }
    for (const s of steps) ran.add(s);
    Object.assign(facts, outcome.facts);
    d = diagnose(runbook, facts, results, { target, ranSteps: ran });
    if (outcome.cancelled) {
      cancelled = true;
      break;
    }
    if (preflight.some((c) => c.verdict === 'fail' || c.verdict === 'error')) break;
  }
  if (opts.signal?.aborted) cancelled = true;
  return {
    diagnosis: d,
    results,
    facts,
    preflight,
    stepsRun: results.map((r) => r.id),
    rounds,
    checksRun: results.reduce((n, r) => n + r.checks.length, 0),
    environment,
    startedAt,
    finishedAt: new Date().toISOString(),
    cancelled,
  };
}
