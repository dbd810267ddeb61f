/**
 * Builds the results page's view model from a run record and the runbook. Pure: the host calls it
 * for saved runs and (through `stepView`/`groupSteps`) for the live run.
 */
import type { Runbook } from '../runbook/schema';
import type { AppliedFix, CheckResult, StepResult } from '../engine/types';
import { displayArgv } from '../engine/displayCommand';
import type { DiagnosisSnapshot } from './diagnosisSnapshot';
import { describeInstrumentation } from './instrumentationStatus';
import { percent } from '../shared/formatting';
import { excerpt } from './outputText';
import type { DrawableRecord, OfferedFixRecord, RunRecord } from './runRecord';
import type {
  AppliedFixView,
  CheckView,
  DiagnosisView,
  FixView,
  GroupView,
  InstrumentationView,
  OutputView,
  RunView,
  StepView,
} from '../shared/runView';
import { buildTreeView } from './treeView';
import { countVerdicts } from './verdictCounts';

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

export function fixView(f: OfferedFixRecord): FixView {
  return { ...f, title: clip(f.title), cause: f.cause ? { ...f.cause, title: clip(f.cause.title) } : null };
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

export function buildRunView(runbook: Runbook, record: DrawableRecord): RunView {
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
    fixes: record.fixes.map(fixView),
    fixesApplied: record.fixesApplied.map((f) => appliedFixView(runbook, f)),
    criteria: record.criteria.map((c) => ({ id: c.id, text: c.text, status: c.status })),
    instrumentation: instrumentationView(record),
  };
}
