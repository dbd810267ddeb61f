/**
 * `beacon-debug run` and `beacon-debug list`: the engine from the command line. Human output by
 * default (a line per step as it finishes, then a table); `--json` prints the run report.
 */
import * as path from 'node:path';
import { buildRunReport, exitCodeFor, exitMessage } from '../engine/report';
import { redactorFor } from '../engine/redact';
import { runSteps, type RunOutcome } from '../engine/runner';
import { SelectionError } from '../engine/selection';
import { TargetError } from '../engine/target';
import { EXIT, type CheckResult, type RunEvent, type StepResult, type Target } from '../engine/types';
import { VERDICT_SYMBOL } from '../engine/verdicts';
import { RunbookError } from '../runbook/load';
import { loadBuiltinRunbook } from '../runbook/builtin';
import { loadAnyRunbookFile } from '../runbook/runbookFile';
import type { Runbook } from '../runbook/schema';
import type { CliIo } from './io';
import { checkReportWritable, writeReportAfterRun } from './reportOutput';
import { countFlag, parseArgs, secondsFlag, single, targetFromArgs, TARGET_VALUE_FLAGS, UsageError, type ParsedArgs, type TargetContext } from './targetArgs';
import { inertJson } from '../shared/inertText';

export { runListCommand, runbookListing } from './listCommand';

export interface CommandContext extends Partial<TargetContext> {
  /** A runbook to use instead of the built-in one (tests). */
  runbook?: Runbook;
}

const RUN_VALUES = [...TARGET_VALUE_FLAGS, '--only', '--timeout', '--report', '--runbook', '--concurrency'];
const RUN_BOOLEANS = ['--json', '--no-preflight', '--allow-runbook-commands'];

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** One line for a finished step (the progress output). */
export function formatStepLine(r: { id: string; verdict: StepResult['verdict']; durationMs: number; reason: string }): string {
  return `  ${VERDICT_SYMBOL[r.verdict]} ${pad(r.id, 10)} ${pad(r.verdict, 12)} ${pad(seconds(r.durationMs), 8)} ${r.reason}`;
}

/** The verdict table printed after a run. */
export function formatHumanResults(results: readonly StepResult[], preflight: readonly CheckResult[] = []): string {
  const rows: string[][] = [];
  for (const c of preflight) rows.push([`preflight`, c.verdict, seconds(c.durationMs), `${c.label}: ${c.reason}`]);
  for (const r of results) rows.push([r.id, r.verdict, seconds(r.durationMs), r.reason]);
  const w = [4, 7, 8].map((min, i) => Math.max(min, ...rows.map((row) => row[i].length)));
  const line = (cols: string[]) => `${pad(cols[0], w[0])}  ${pad(cols[1], w[1])}  ${pad(cols[2], w[2])}  ${cols[3]}`;
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
  const summary = [...counts].map(([v, n]) => `${n} ${v}`).join(', ');
  return [line(['step', 'verdict', 'time', 'reason']), line(['----', '-------', '----', '------']), ...rows.map(line), '', `${results.length} steps: ${summary}`, ''].join('\n');
}

function loadRunbook(p: ParsedArgs, ctx: CommandContext): Runbook {
  if (ctx.runbook) return ctx.runbook;
  const file = single(p, '--runbook');
  return file ? loadAnyRunbookFile(path.resolve(ctx.cwd ?? process.cwd(), file)).runbook : loadBuiltinRunbook();
}

/**
 * A runbook file given with `--runbook` chooses the programs its checks run: they run only with
 * `--allow-runbook-commands` (the built-in plan's commands are ours).
 */
export function runbookCommandPolicy(p: ParsedArgs, ctx: CommandContext): 'approved' | 'blocked' | undefined {
  if (p.booleans.has('--allow-runbook-commands')) return 'approved';
  return single(p, '--runbook') !== undefined && !ctx.runbook ? 'blocked' : undefined;
}

/** A configuration error: printed with exit code 2. */
function usageFailure(io: CliIo, e: unknown): number {
  if (e instanceof UsageError || e instanceof TargetError || e instanceof SelectionError || e instanceof RunbookError) {
    io.stderr(`beacon-debug: ${e.message}\n`);
    io.stderr(`exit ${EXIT.usage}: usage or configuration error\n`);
    return EXIT.usage;
  }
  throw e;
}

export interface RunInvocation {
  runbook: Runbook;
  target: Target;
  only?: string[];
  timeoutSeconds?: number;
  concurrency?: number;
  preflight: boolean;
  json: boolean;
  reportFile?: string;
  runbookCommands?: 'approved' | 'blocked';
}

/** Parses `run`'s arguments (also used by `diagnose` and `demo` for the shared flags). */
export function parseRunArgs(args: readonly string[], ctx: CommandContext = {}): RunInvocation {
  const p = parseArgs(args, { values: RUN_VALUES, booleans: RUN_BOOLEANS });
  if (p.positionals.length) throw new UsageError(`unexpected argument "${p.positionals[0]}"`);
  const only = (p.values['--only'] ?? []).flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
  const reportFile = single(p, '--report');
  if (reportFile !== undefined) checkReportWritable(reportFile, ctx.cwd ?? process.cwd());
  return {
    runbook: loadRunbook(p, ctx),
    target: targetFromArgs(p, { cwd: ctx.cwd ?? process.cwd(), env: ctx.env ?? process.env }),
    only: only.length ? only : undefined,
    timeoutSeconds: secondsFlag(p, '--timeout'),
    concurrency: countFlag(p, '--concurrency'),
    preflight: !p.booleans.has('--no-preflight'),
    json: p.booleans.has('--json'),
    reportFile,
    runbookCommands: runbookCommandPolicy(p, ctx),
  };
}

export async function runRunCommand(args: string[], io: CliIo, signal?: AbortSignal, ctx: CommandContext = {}): Promise<number> {
  let inv: RunInvocation;
  try {
    inv = parseRunArgs(args, ctx);
  } catch (e) {
    return usageFailure(io, e);
  }
  const { target } = inv;
  const progress = (e: RunEvent) => {
    if (inv.json) return;
    if (e.type === 'runStarted') {
      io.stdout(`Beacon Debug: ${e.steps.length} step(s) against "${target.name}"${target.production ? ' (PRODUCTION)' : ''} — runner ${target.runnerUrl}, router ${target.routerUrl}\n`);
    } else if (e.type === 'stepFinished') {
      io.stdout(formatStepLine(e.result) + '\n');
    }
  };

  let outcome: RunOutcome;
  try {
    outcome = await runSteps(inv.runbook, target, {
      only: inv.only,
      userTimeoutSeconds: inv.timeoutSeconds,
      concurrency: inv.concurrency,
      preflight: inv.preflight,
      signal,
      onEvent: progress,
      runbookCommands: inv.runbookCommands,
    });
  } catch (e) {
    return usageFailure(io, e);
  }

  const report = buildRunReport(
    { environment: outcome.environment, startedAt: outcome.startedAt, finishedAt: outcome.finishedAt, results: outcome.results, preflight: outcome.preflight },
    redactorFor(target),
  );
  if (inv.json) io.stdout(inertJson(report, 2) + '\n');
  else io.stdout('\n' + formatHumanResults(outcome.results, outcome.preflight));
  const reportInput = { runbook: inv.runbook, target, label: 'beacon-debug run', only: inv.only, outcome, report };
  if (inv.reportFile && !(await writeReportAfterRun(inv.reportFile, ctx.cwd ?? process.cwd(), reportInput, io))) return EXIT.usage;

  const code = outcome.cancelled ? EXIT.couldNotRun : exitCodeFor(outcome.results, outcome.preflight);
  if (code !== EXIT.ok) {
    io.stderr(`exit ${code}: ${outcome.cancelled ? 'the run was cancelled' : exitMessage(code, outcome.results)}\n`);
  }
  return code;
}

