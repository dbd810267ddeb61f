/**
 * The diagnosis as the command line prints it (`diagnose`, `demo`): the decision path, the ranking,
 * what is uncertain, and last — where the eye lands — the root cause, its evidence with the lines
 * that prove it, and the fix command. Also the exit code of a diagnosis (DESIGN.md).
 */
import type { Runbook } from '../runbook/schema';
import type { Diagnosis } from '../diagnosis/diagnose';
import { describeFix } from '../diagnosis/fixes';
import { EXIT, type Target } from '../engine/types';
import type { CliIo } from './io';
import { percent } from '../shared/formatting';

export interface DiagnosisSummary {
  /** Steps the diagnosis ran (in order) and how many checks they held. */
  stepsRun?: readonly string[];
  checksRun?: number;
  durationMs?: number;
}

function showValue(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/** Human text of a diagnosis, ending with the root cause, its evidence and the fix. */
export function formatDiagnosis(rb: Runbook, d: Diagnosis, target?: Target, summary: DiagnosisSummary = {}): string {
  const out: string[] = [];
  const head = ['Diagnosis'];
  if (summary.checksRun !== undefined && summary.stepsRun) {
    head.push(`${summary.checksRun} check(s) in ${summary.stepsRun.length} step(s) (${summary.stepsRun.join(', ')})`);
  }
  if (summary.durationMs !== undefined) head.push(summary.durationMs < 1000 ? `${summary.durationMs} ms` : `${(summary.durationMs / 1000).toFixed(1)} s`);
  out.push(head.join(' — '), '');

  out.push('Decision path:');
  d.tree.path.forEach((h, i) => {
    const read = h.read.map((r) => `${r.fact} = ${r.value === null ? 'unknown' : showValue(r.value)}${r.step ? ` (${r.step})` : ''}`).join(', ');
    out.push(`  ${i + 1}. ${h.question}`, `     → ${h.branch}${read ? `   [${read}]` : ''}`);
  });
  const o = d.tree.outcome;
  if (o.kind === 'needs') out.push(`  stopped at "${o.question}": needs ${o.steps.join(', ')}`);
  else if (o.kind === 'stuck') out.push(`  stopped at "${o.question || o.node}": ${o.reason}`);
  out.push('');

  const top = d.ranking.causes.slice(0, 4).map((c) => `${c.id} ${percent(c.probability)}`);
  out.push(`Ranking: ${top.join(', ')}${d.ranking.causes.length > 4 ? ', …' : ''}`);
  if (d.status === 'healthy') out.push(`P(healthy) = ${percent(d.healthyProbability)} (the evidence speaks against every cause)`);
  if (d.notes.length) {
    out.push('', 'Notes:');
    for (const n of d.notes) out.push(`  - ${n}`);
  }
  out.push('');

  const rc = d.rootCause;
  const scenario = rc.scenario ? rb.scenarios.find((s) => s.id === rc.scenario) : undefined;
  out.push(`Root cause: ${rc.id}${rc.id !== rc.title ? ` — ${rc.title}` : ''}${scenario ? ` (scenario ${scenario.letter})` : ''} — ${percent(rc.probability)}`);
  if (d.evidence.length) {
    out.push('Evidence:');
    for (const e of d.evidence) {
      out.push(`  - [${e.step || '?'}] ${e.fact} = ${showValue(e.value)} — ${e.label}${e.weight !== null ? ` (×${e.weight})` : ''}`);
      if (e.line) for (const l of e.line.split('\n')) out.push(`      > ${l}`);
    }
  }
  if (d.unfit.length) {
    out.push(d.rootCause.id === 'unknown' ? 'Facts that do not fit any cause of the runbook:' : `Facts that do not fit (${d.leading?.id ?? 'the leading cause'} is "none of the runbook's causes"):`);
    for (const u of d.unfit) out.push(`  - ${u.kind === 'unexplained' ? `[${u.step}] ` : ''}${u.text}`);
  }
  if (d.nextStep) out.push(`Next step: ${d.nextStep.text} (${d.nextStep.title}) — ${d.nextStep.reason}`);
  if (d.fix) {
    const fix = rb.fixes.find((f) => f.id === d.fix!.id);
    if (d.fix.kind === 'command' && d.fix.argv) {
      out.push(`Fix: ${d.fix.title}`);
      let plan: ReturnType<typeof describeFix> | undefined;
      try {
        plan = target ? describeFix(rb, d.fix.id, target) : undefined;
      } catch {
        plan = undefined;
      }
      // without a target (a diagnosis from saved logs) the command is the data's template: its placeholders are named, not quoted
      out.push(plan ? `  $ ${plan.command}` : `  $ ${d.fix.argv.join(' ')}   (the placeholders come from the environment)`);
      if (plan?.effect ?? fix?.effect) out.push(`  What it does: ${plan?.effect ?? fix?.effect}`);
      if (plan?.undoCommand) out.push(`  Undo: ${plan.undoCommand}`);
      out.push('  (never run without confirmation: "Beacon Debug: Apply Fix" in VS Code shows it in a modal first)');
    } else {
      out.push(`Fix: ${d.fix.title} (${d.fix.kind === 'code' ? `code: the ${fix?.snippet ?? d.fix.id} instrumentation` : 'guidance'})`);
      if (fix) out.push(`  ${fix.text}`);
    }
  } else if (d.status === 'certain' && d.unfit.length) {
    out.push('Fix: none — the cause is not one the runbook knows; start from the facts that do not fit.');
  } else if (d.status === 'certain') {
    out.push('Fix: none in the runbook for this cause.');
  }
  return out.join('\n') + '\n';
}

/** 0 healthy, 1 a cause was found, 3 undetermined; writes the reason for a non-zero code to stderr. */
export function diagnosisExitCode(d: Diagnosis, io: CliIo): number {
  if (d.status === 'healthy') return EXIT.ok;
  if (d.status === 'certain') {
    io.stderr(`exit ${EXIT.failed}: root cause found: ${d.rootCause.id}\n`);
    return EXIT.failed;
  }
  io.stderr(`exit ${EXIT.couldNotRun}: the diagnosis is undetermined${d.nextStep ? ` (next: ${d.nextStep.text})` : ''}\n`);
  return EXIT.couldNotRun;
}
