/**
 * The run in progress as the results page shows it: built from the run state the engine's events
 * feed, step by step, so that the page can be updated with only the steps that changed.
 */
import type { CheckResult } from '../../engine/types';
import { PREFLIGHT_STEP } from '../../engine/runner';
import { checkView, clip, groupSteps, instrumentationView } from '../../report/buildRunView';
import { tailExcerpt } from '../../report/outputText';
import type { CheckView, RunView, StepView } from '../../shared/runView';
import { countVerdicts } from '../../report/verdictCounts';
import { findStep } from '../../runbook/steps';
import type { Runbook } from '../../runbook/schema';
import type { RunState } from '../runs/runState';

export interface LiveRunInfo {
  runId: string;
  steps: string[];
  startedAt: string;
  environment: RunView['environment'];
}

export function liveStepView(runbook: Runbook, state: RunState, id: string): StepView {
  const s = state.get(id);
  const title = id === PREFLIGHT_STEP ? 'Preflight' : (findStep(runbook, id)?.title ?? id);
  const checks: CheckView[] = [];
  for (const c of s?.checks.values() ?? []) {
    if ('label' in c) checks.push(checkView(c as CheckResult));
    else {
      const def = findStep(runbook, id)?.checks.find((x) => x.id === c.id);
      checks.push({
        id: c.id,
        label: clip(def?.label ?? c.id),
        verdict: 'running',
        reason: 'running…',
        durationMs: null,
        command: '',
        vantage: def?.probe.vantage ?? null,
        cached: false,
        output: { ...tailExcerpt(s?.output ?? ''), capped: false },
      });
    }
  }
  const verdict = state.verdictOf(id);
  return {
    id,
    title: clip(title),
    verdict,
    reason: clip(s?.reason ?? (verdict === 'running' ? 'running…' : verdict === 'pending' ? 'waiting to run' : '')),
    durationMs: s?.durationMs ?? null,
    ran: true,
    checks,
  };
}

export function liveRunView(runbook: Runbook, state: RunState, info: LiveRunInfo): RunView {
  const steps = info.steps.map((id) => liveStepView(runbook, state, id));
  return {
    runId: 'live',
    live: true,
    runbookTitle: clip(runbook.title),
    label: 'Run in progress',
    environment: info.environment,
    startedAt: info.startedAt,
    finishedAt: null,
    durationMs: null,
    cancelled: false,
    counts: countVerdicts(steps),
    groups: groupSteps(runbook, steps),
    diagnosis: null,
    tree: null,
    fixes: [],
    fixesApplied: [],
    criteria: [],
    instrumentation: instrumentationView({ instrumentation: null }),
  };
}
