/**
 * Builds the results page's view model from a run record and the runbook. Pure: the host calls it
 * for saved runs and (through `stepView`/`groupSteps`) for the live run.
 */
import type { Runbook } from '../runbook/schema';
import type { AppliedFix, CheckResult, Facts, StepResult } from '../engine/types';
import { displayArgv } from '../engine/displayCommand';
import { resolveArgv, resolveTemplate, validateTarget } from '../engine/target';
import { evaluateSuccessCriteria } from '../diagnosis/successCriteria';
import type { DiagnosisSnapshot } from './diagnosisSnapshot';
import { describeInstrumentation } from './instrumentationStatus';
import { percent } from './formatting';
import { excerpt } from './outputText';
import type { RecordTarget, RunRecord } from './runRecord';
import type {
  AppliedFixView,
  CheckView,
  CriterionView,
  DiagnosisView,
  FixView,
  GroupView,
  InstrumentationView,
  OutputView,
  RunView,
  StepView,
} from './runView';
import { buildTreeView } from './treeView';
import { countVerdicts } from './verdictCounts';

/** Causes at or above this probability keep their fix on the page while the diagnosis is undetermined. */
export const ALTERNATIVE_FIX_MIN = 0.05;
const MAX_TEXT = 20_000;

export function clip(s: string, max = MAX_TEXT): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** The page's part of an output, with the size of the whole as captured. */
export function outputView(output: string, size?: { lines: number; bytes: number }): OutputView {
  const e = excerpt(output);
  return size ? { ...e, lines: size.lines, bytes: size.bytes, truncated: true, capped: true } : { ...e, capped: false };
}

export function checkView(c: CheckResult & { outputSize?: { lines: number; bytes: number } }): CheckView {
  return {
    id: c.id,
    label: clip(c.label),
    verdict: c.verdict,
    reason: clip(c.reason),
    durationMs: c.durationMs,
    command: clip(c.command),
    vantage: c.vantage ? clip(c.vantage) : null,
    cached: !!c.cached,
    output: outputView(c.output, c.outputSize),
  };
}

export function stepView(r: RunRecord['steps'][number] | StepResult, ran: boolean): StepView {
  return {
    id: r.id,
    title: clip(r.title),
    verdict: r.verdict,
    reason: clip(r.reason),
    durationMs: r.durationMs,
    ran,
    checks: r.checks.map(checkView),
  };
}

/** Steps under the runbook's groups (quick wins, phases), in plan order; unknown steps last. */
export function groupSteps(runbook: Runbook, steps: readonly StepView[]): GroupView[] {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const used = new Set<string>();
  const groups: GroupView[] = [];
  const add = (id: string, title: string, ids: string[]) => {
    const inRun = ids.filter((x) => byId.has(x));
    for (const x of inRun) used.add(x);
    if (inRun.length) groups.push({ id, title, steps: inRun.map((x) => byId.get(x)!) });
  };
  add('quick-wins', runbook.quickWins.title, runbook.quickWins.steps.map((s) => s.id));
  for (const p of runbook.phases) add(p.id, p.title, p.steps.map((s) => s.id));
  const rest = steps.filter((s) => !used.has(s.id));
  if (rest.length) groups.push({ id: 'other', title: 'Other steps', steps: rest });
  return groups;
}

export function runbookFactsFor(record: Pick<RunRecord, 'facts' | 'diagnosis' | 'fixesApplied'>): Facts {
  const facts: Facts = { ...record.facts };
  if (record.diagnosis) facts['diagnosis.certain'] = { value: record.diagnosis.status !== 'undetermined', step: 'diagnosis' };
  if (record.fixesApplied.length) facts['fix.applied'] = { value: record.fixesApplied.some((f) => f.exitCode === 0), step: 'fix' };
  return facts;
}

export function criteriaFor(runbook: Runbook, record: Pick<RunRecord, 'facts' | 'diagnosis' | 'fixesApplied'>): CriterionView[] {
  return evaluateSuccessCriteria(runbook, runbookFactsFor(record)).map((c) => ({ id: c.id, text: c.text, status: c.status }));
}

export function diagnosisView(runbook: Runbook, d: DiagnosisSnapshot): DiagnosisView {
  const cause = runbook.causes.find((c) => c.id === d.rootCause.id);
  const scenarioId = d.rootCause.scenario ?? cause?.scenario ?? null;
  const scenario = scenarioId ? runbook.scenarios.find((s) => s.id === scenarioId) : undefined;
  const plan = cause?.plan && cause.plan !== '—' ? cause.plan : null;
  const headline =
    d.status === 'certain'
      ? `Root cause: ${d.rootCause.title} (${percent(d.rootCause.probability)})`
      : d.status === 'healthy'
        ? `Healthy: no cause found (${percent(d.rootCause.probability)} sure)`
        : d.rootCause.title;
  return {
    status: d.status,
    rootCause: {
      id: d.rootCause.id,
      title: clip(d.rootCause.title),
      probability: d.rootCause.probability,
      plan,
      scenario: scenario ? { id: scenario.id, letter: scenario.letter, title: clip(scenario.title) } : null,
    },
    headline: clip(headline),
    ranked: d.ranked.map((c) => ({
      id: c.id,
      title: clip(c.title),
      probability: c.probability,
      prior: c.prior,
      isRootCause: c.id === d.rootCause.id,
      for: c.for.map((m) => ({ label: clip(m.label), weight: m.weight })),
      against: c.against.map((m) => ({ label: clip(m.label), weight: m.weight })),
    })),
    evidence: d.evidence.map((e) => ({
      label: clip(e.label),
      fact: clip(e.fact),
      value: typeof e.value === 'string' ? clip(e.value) : e.value,
      step: e.step,
      check: e.check,
      line: e.line === null ? null : clip(e.line),
      weight: e.weight,
    })),
    nextStep: d.nextStep ? { step: d.nextStep.step, title: clip(d.nextStep.title), text: clip(d.nextStep.text), reason: clip(d.nextStep.reason) } : null,
    notes: d.notes.map((n) => clip(n)),
  };
}

/** The command of a fix for the run's target, or its template when the target cannot resolve it. */
export function fixCommand(runbook: Runbook, fixId: string, target: RecordTarget): { command: string | null; effect: string | null } {
  const fix = runbook.fixes.find((f) => f.id === fixId);
  if (!fix) return { command: null, effect: null };
  try {
    const t = validateTarget({ ...target });
    return {
      command: fix.kind === 'command' && fix.argv ? displayArgv(resolveArgv(fix.argv, t)) : null,
      effect: fix.effect ? resolveTemplate(fix.effect, t) : null,
    };
  } catch {
    return { command: fix.kind === 'command' && fix.argv ? displayArgv(fix.argv) : null, effect: fix.effect ?? null };
  }
}

/** A cause's fix: its own, else the one the decision tree's leaf for it names (guidance, often). */
export function fixOfCause(runbook: Runbook, causeId: string): string | undefined {
  const own = runbook.causes.find((c) => c.id === causeId)?.fix;
  if (own) return own;
  for (const n of runbook.decisionTree?.nodes ?? []) for (const b of n.branches) if (b.cause === causeId && b.fix) return b.fix;
  return undefined;
}

export function fixViews(runbook: Runbook, record: Pick<RunRecord, 'diagnosis' | 'target'>): FixView[] {
  const d = record.diagnosis;
  if (!d || d.status === 'healthy') return [];
  const make = (fixId: string, recommended: boolean, causeId: string | null, argv: string[] | null): FixView | undefined => {
    const fix = runbook.fixes.find((f) => f.id === fixId);
    if (!fix) return undefined;
    const resolved = fixCommand(runbook, fixId, record.target);
    const ranked = causeId ? d.ranked.find((c) => c.id === causeId) : undefined;
    return {
      id: fix.id,
      letter: fix.letter ?? null,
      title: clip(fix.title),
      kind: fix.kind,
      text: fix.text,
      command: argv ? displayArgv(argv) : resolved.command,
      effect: resolved.effect,
      recommended,
      cause: causeId ? { id: causeId, title: clip(ranked?.title ?? causeId), probability: ranked?.probability ?? 0 } : null,
    };
  };
  if (d.status === 'certain') {
    const id = d.fix?.id ?? fixOfCause(runbook, d.rootCause.id);
    const v = id ? make(id, true, d.rootCause.id, d.fix?.id === id ? d.fix.argv : null) : undefined;
    return v ? [v] : [];
  }
  const out: FixView[] = [];
  for (const c of d.ranked.slice(0, 3)) {
    if (c.probability < ALTERNATIVE_FIX_MIN) continue;
    const fixId = fixOfCause(runbook, c.id);
    if (!fixId || out.some((f) => f.id === fixId)) continue;
    const v = make(fixId, false, c.id, null);
    if (v) out.push(v);
  }
  return out;
}

export function appliedFixView(runbook: Runbook, f: AppliedFix): AppliedFixView {
  return {
    id: f.id,
    title: clip(runbook.fixes.find((x) => x.id === f.id)?.title ?? f.id),
    command: clip(displayArgv(f.argv)),
    environment: f.environment,
    appliedAt: f.appliedAt,
    exitCode: f.exitCode,
    output: outputView(f.output),
    undoCommand: f.undoArgv ? clip(displayArgv(f.undoArgv)) : null,
  };
}

export function instrumentationView(record: Pick<RunRecord, 'instrumentation'>): InstrumentationView {
  const s = record.instrumentation;
  return {
    present: s ? s.files.length > 0 : null,
    summary: clip(describeInstrumentation(s)),
    files: (s?.files ?? []).map((f) => ({ file: clip(f.file), steps: [...f.steps], lines: [...f.lines] })),
  };
}

export function buildRunView(runbook: Runbook, record: RunRecord): RunView {
  const ran = new Set(record.ranSteps);
  const steps = record.steps.map((s) => stepView(s, ran.has(s.id)));
  const start = Date.parse(record.startedAt);
  const end = Date.parse(record.finishedAt);
  return {
    runId: record.id,
    live: false,
    runbookTitle: clip(record.runbook.title),
    label: clip(record.request.label),
    environment: {
      name: record.target.name,
      production: record.target.production,
      flyApp: record.target.flyApp,
      runnerUrl: record.target.runnerUrl,
      routerUrl: record.target.routerUrl,
    },
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
    durationMs: Number.isFinite(start) && Number.isFinite(end) ? Math.max(0, end - start) : null,
    cancelled: record.cancelled,
    counts: countVerdicts(steps),
    groups: groupSteps(runbook, steps),
    diagnosis: record.diagnosis ? diagnosisView(runbook, record.diagnosis) : null,
    tree: record.diagnosis ? buildTreeView(runbook, record.diagnosis) : null,
    fixes: fixViews(runbook, record),
    fixesApplied: record.fixesApplied.map((f) => appliedFixView(runbook, f)),
    criteria: criteriaFor(runbook, record),
    instrumentation: instrumentationView(record),
  };
}
