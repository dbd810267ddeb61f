/**
 * Fixes, safely. `describeFix` builds what the confirmation shows: the exact command (argv from
 * the target through the engine's placeholder resolution, displayed POSIX-quoted), the
 * environment's name, what it does to production, the undo command and the checks to re-run.
 * `applyFix` runs a command fix only in a trusted workspace and only when the confirmation
 * callback returns exactly `true`; it records what changed (`AppliedFix`) with its undo.
 * Code fixes (an instrumentation snippet) and guidance never run a command.
 */
import type { Fix, Runbook, Verdict } from '../runbook/schema';
import type { AppliedFix, Target } from '../engine/types';
import { resolveArgv, resolveTemplate, validateTarget } from '../engine/target';
import { displayArgv } from '../engine/displayCommand';
import { redactorFor } from '../engine/redact';
import { runShellProbe } from '../engine/probes/shellProbe';

/** Causes at or above this probability keep their fix on offer while the diagnosis is undetermined. */
export const ALTERNATIVE_FIX_MIN = 0.05;

/**
 * Which fix goes with a cause — the one rule, asked by the diagnosis, the results page, the report
 * and the CLI: the fix of the decision tree's leaf when the walk ended on that cause, else the
 * cause's own, else the fix of any leaf of the tree that names the cause (often guidance).
 */
export function fixOfCause(
  runbook: Runbook,
  causeId: string,
  reachedLeaf?: { cause: string | null; fix?: string | null } | null,
): string | undefined {
  if (reachedLeaf && reachedLeaf.cause === causeId && reachedLeaf.fix) return reachedLeaf.fix;
  const own = runbook.causes.find((c) => c.id === causeId)?.fix;
  if (own) return own;
  for (const n of runbook.decisionTree?.nodes ?? []) for (const b of n.branches) if (b.cause === causeId && b.fix) return b.fix;
  return undefined;
}

/** A fix as it is offered with a diagnosis (what a run record keeps, the page and the report show). */
export interface OfferedFix {
  id: string;
  letter: string | null;
  title: string;
  kind: Fix['kind'];
  text: string;
  /** The command for the run's target, POSIX-quoted; the template when the target cannot resolve it. */
  command: string | null;
  effect: string | null;
  recommended: boolean;
  cause: { id: string; title: string; probability: number } | null;
}

/** The fields of a target that fix commands are resolved with (a stored record's target has no secrets). */
type FixTarget = Pick<Target, 'name' | 'flyApp' | 'runnerUrl' | 'routerUrl'> & Partial<Target>;

/** The fix's command and effect for a target, or their templates when the target cannot resolve them. */
export function fixForDisplay(runbook: Runbook, fixId: string, target: FixTarget): { command: string | null; effect: string | null } {
  const fix = runbook.fixes.find((f) => f.id === fixId);
  if (!fix) return { command: null, effect: null };
  try {
    const t = validateTarget({ ...target } as Target);
    return {
      command: fix.kind === 'command' && fix.argv ? displayArgv(resolveArgv(fix.argv, t)) : null,
      effect: fix.effect ? resolveTemplate(fix.effect, t) : null,
    };
  } catch {
    return { command: fix.kind === 'command' && fix.argv ? displayArgv(fix.argv) : null, effect: fix.effect ?? null };
  }
}

/** What a diagnosis needs to say which fixes to offer (a `Diagnosis` snapshot has it). */
export interface DiagnosisForFixes {
  status: 'certain' | 'healthy' | 'undetermined';
  rootCause: { id: string };
  ranked: readonly { id: string; title: string; probability: number }[];
  fix: { id: string; argv: readonly string[] | null } | null;
}

/**
 * The fixes to offer: none when healthy; the diagnosis' own fix when certain (its argv as the
 * diagnosis resolved it); while undetermined, the fix of each of the three leading causes at or
 * above {@link ALTERNATIVE_FIX_MIN}, none recommended.
 */
export function offeredFixes(runbook: Runbook, d: DiagnosisForFixes | null, target: FixTarget): OfferedFix[] {
  if (!d || d.status === 'healthy') return [];
  const make = (fixId: string, recommended: boolean, causeId: string, argv: readonly string[] | null): OfferedFix | undefined => {
    const fix = runbook.fixes.find((f) => f.id === fixId);
    if (!fix) return undefined;
    const resolved = fixForDisplay(runbook, fixId, target);
    const ranked = d.ranked.find((c) => c.id === causeId);
    return {
      ...fixHeader(fix),
      command: argv ? displayArgv(argv) : resolved.command,
      effect: resolved.effect,
      recommended,
      cause: { id: causeId, title: ranked?.title ?? causeId, probability: ranked?.probability ?? 0 },
    };
  };
  if (d.status === 'certain') {
    const id = d.fix?.id ?? fixOfCause(runbook, d.rootCause.id);
    const v = id ? make(id, true, d.rootCause.id, d.fix?.id === id ? d.fix.argv : null) : undefined;
    return v ? [v] : [];
  }
  const out: OfferedFix[] = [];
  for (const c of d.ranked.slice(0, 3)) {
    if (c.probability < ALTERNATIVE_FIX_MIN) continue;
    const fixId = fixOfCause(runbook, c.id);
    if (!fixId || out.some((f) => f.id === fixId)) continue;
    const v = make(fixId, false, c.id, null);
    if (v) out.push(v);
  }
  return out;
}

export interface FixPlan {
  id: string;
  letter: string | null;
  title: string;
  kind: Fix['kind'];
  text: string;
  /** The command as argv (command fixes), null otherwise. */
  argv: string[] | null;
  /** `argv` for display, POSIX-quoted (what the confirmation shows). */
  command: string | null;
  undoArgv: string[] | null;
  undoCommand: string | null;
  environment: string;
  production: boolean;
  /** What running it does to production, placeholders filled. */
  effect: string | null;
  /** Steps to re-run after applying. */
  rerun: string[];
  snippet: string | null;
  corrections: string[];
}

export class UnknownFixError extends Error {
  constructor(readonly fixId: string) {
    super(`unknown fix "${fixId}"`);
    this.name = 'UnknownFixError';
  }
}

/** What every view of a fix starts with. */
function fixHeader(fix: Fix): Pick<FixPlan, 'id' | 'letter' | 'title' | 'kind' | 'text'> {
  return { id: fix.id, letter: fix.letter ?? null, title: fix.title, kind: fix.kind, text: fix.text };
}

/** Builds the fix for a target. Throws `TargetError` when a target value is invalid. */
export function describeFix(runbook: Runbook, fixId: string, target: Target): FixPlan {
  const fix = runbook.fixes.find((f) => f.id === fixId);
  if (!fix) throw new UnknownFixError(fixId);
  const t = validateTarget(target);
  const argv = fix.kind === 'command' && fix.argv ? resolveArgv(fix.argv, t) : null;
  const undoArgv = fix.kind === 'command' && fix.undoArgv ? resolveArgv(fix.undoArgv, t) : null;
  return {
    ...fixHeader(fix),
    argv,
    command: argv ? displayArgv(argv) : null,
    undoArgv,
    undoCommand: undoArgv ? displayArgv(undoArgv) : null,
    environment: t.name,
    production: !!t.production,
    effect: fix.effect ? resolveTemplate(fix.effect, t) : null,
    rerun: [...fix.rerun],
    snippet: fix.snippet ?? null,
    corrections: [...fix.corrections],
  };
}

/** The text of the modal confirmation: the exact command, the environment, the effect, the undo. */
export function confirmationText(plan: FixPlan): { message: string; detail: string } {
  const env = plan.production ? `${plan.environment} (PRODUCTION)` : plan.environment;
  const message = `${plan.title}: run this command on environment "${env}"?`;
  const detail = [
    plan.command ?? '(no command)',
    '',
    plan.effect ? `What it does: ${plan.effect}` : undefined,
    plan.undoCommand ? `Undo: ${plan.undoCommand}` : undefined,
    plan.rerun.length ? `Afterwards Beacon Debug offers to re-run: ${plan.rerun.join(', ')}` : undefined,
  ]
    .filter((l): l is string => l !== undefined)
    .join('\n');
  return { message, detail };
}

export interface FixExecResult {
  exitCode: number;
  output: string;
}
export type FixExec = (argv: readonly string[], signal?: AbortSignal) => Promise<FixExecResult>;

export interface ApplyFixOptions {
  /** Workspace trust. Untrusted → refused, nothing runs. */
  trusted: boolean;
  /** Shows the confirmation; only `true` lets the command run. */
  confirm: (plan: FixPlan, text: { message: string; detail: string }) => Promise<boolean>;
  /** The target whose secrets are redacted from the recorded output. */
  target: Target;
  /** Runs the argv (default: the engine's shell runner, no shell, with a timeout). */
  exec?: FixExec;
  signal?: AbortSignal;
  timeoutMs?: number;
  now?: () => Date;
}

export type FixOutcome =
  | { status: 'applied'; applied: AppliedFix; reason: string }
  | { status: 'failed'; applied: AppliedFix; reason: string }
  | { status: 'declined' | 'refused' | 'notCommand'; reason: string };

export async function applyFix(plan: FixPlan, opts: ApplyFixOptions): Promise<FixOutcome> {
  if (plan.kind !== 'command' || !plan.argv) {
    return {
      status: 'notCommand',
      reason: plan.kind === 'code' ? `${plan.title} is a code change: insert the ${plan.snippet} snippet, build and deploy.` : `${plan.title} is guidance: ${plan.text}`,
    };
  }
  if (!opts.trusted) {
    return { status: 'refused', reason: 'This workspace is not trusted: Beacon Debug runs no fix in Restricted Mode.' };
  }
  const ok = await opts.confirm(plan, confirmationText(plan));
  if (ok !== true) return { status: 'declined', reason: 'Not confirmed: nothing was changed.' };

  const exec = opts.exec ?? defaultExec(opts.timeoutMs ?? 120_000);
  const { exitCode, output } = await exec(plan.argv, opts.signal);
  const redactor = redactorFor(opts.target);
  const applied: AppliedFix = {
    id: plan.id,
    argv: plan.argv,
    environment: plan.environment,
    appliedAt: (opts.now ?? (() => new Date()))().toISOString(),
    exitCode,
    output: redactor.redact(output),
    ...(plan.undoArgv ? { undoArgv: plan.undoArgv } : {}),
  };
  if (exitCode !== 0) {
    return { status: 'failed', applied, reason: `${plan.command} exited with code ${exitCode}.` };
  }
  return { status: 'applied', applied, reason: `${plan.command} ran on ${plan.environment}.${plan.undoCommand ? ` Undo: ${plan.undoCommand}` : ''}` };
}

function defaultExec(timeoutMs: number): FixExec {
  return async (argv, signal) => {
    const o = await runShellProbe({ argv, timeoutMs, signal });
    return { exitCode: o.exitCode ?? -1, output: o.transcript || o.errorMessage || '' };
  };
}

/** What to re-run after a fix: the fix's own list, then the steps that did not pass before. */
export function stepsToRerun(plan: FixPlan, before: readonly { id: string; verdict: Verdict }[]): string[] {
  const out = [...plan.rerun];
  for (const s of before) if ((s.verdict === 'fail' || s.verdict === 'error') && !out.includes(s.id)) out.push(s.id);
  return out;
}
