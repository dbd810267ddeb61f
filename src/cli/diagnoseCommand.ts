/**
 * `beacon-debug diagnose [ENV] [target flags] [--json] [--report FILE] [--timeout S] [--no-preflight]`:
 * runs what the decision tree needs, in the tree's order, stops when the answer is certain, and
 * prints the root cause, its evidence and the fix (or, with `--json`, the run report with its
 * diagnosis fields). A positional ENV is the same as `--env ENV`.
 *
 * Exit codes (DESIGN.md): 0 healthy, 1 a root cause was found, 2 usage or configuration error,
 * 3 undetermined, or the checks could not run (preflight failed, cancelled).
 */
import * as path from 'node:path';
import { runDiagnosis, reportFields, type DiagnosisEvent, type DiagnosisRun } from '../diagnosis/diagnose';
import { buildRunReport } from '../engine/report';
import { redactDeep, redactorFor } from '../engine/redact';
import { TargetError } from '../engine/target';
import { EXIT, type RunReport, type Target } from '../engine/types';
import { RunbookError } from '../runbook/load';
import { loadBuiltinRunbook } from '../runbook/builtin';
import { loadAnyRunbookFile } from '../runbook/runbookFile';
import type { Runbook } from '../runbook/schema';
import { formatDiagnosis, diagnosisExitCode } from './diagnosisOutput';
import { runDiagnoseLogs } from './diagnoseLogsCommand';
import type { CliIo } from './io';
import { checkReportWritable, writeReportAfterRun } from './reportOutput';
import { formatStepLine, runbookCommandPolicy, type CommandContext } from './runCommand';
import { parseArgs, secondsFlag, single, targetFromArgs, TARGET_VALUE_FLAGS, UsageError } from './targetArgs';
import { inertJson } from '../shared/inertText';

const VALUES = [...TARGET_VALUE_FLAGS, '--report', '--timeout', '--runbook'];
const BOOLEANS = ['--json', '--no-preflight', '--allow-runbook-commands', '--logs'];

export interface DiagnoseTargetOptions {
  runbook?: Runbook;
  signal?: AbortSignal;
  onEvent?: (e: DiagnosisEvent) => void;
  /** Per check (default: the engine's). */
  timeoutSeconds?: number;
  /** Per check, even one that sets its own (`--timeout`). */
  userTimeoutSeconds?: number;
  /** Run the runbook's preflight first (default true). */
  preflight?: boolean;
  injectDelayMs?: number;
  /** Whether the runbook's own programs may run (see the engine's `runbookCommands`). */
  runbookCommands?: 'approved' | 'blocked';
}

export interface TargetDiagnosis {
  run: DiagnosisRun;
  /** The run report of DESIGN.md with the diagnosis fields filled (redacted). */
  report: RunReport;
  runbook: Runbook;
}

/** Diagnoses a target (a real environment, or a started simulator for `demo`). */
export async function diagnoseTarget(target: Target, opts: DiagnoseTargetOptions = {}): Promise<TargetDiagnosis> {
  const runbook = opts.runbook ?? loadBuiltinRunbook();
  const run = await runDiagnosis(runbook, target, {
    signal: opts.signal,
    onEvent: opts.onEvent,
    timeoutSeconds: opts.timeoutSeconds,
    userTimeoutSeconds: opts.userTimeoutSeconds,
    preflight: opts.preflight ?? true,
    injectDelayMs: opts.injectDelayMs,
    runbookCommands: opts.runbookCommands,
  });
  const redactor = redactorFor(target);
  const report: RunReport = {
    ...buildRunReport(
      { environment: run.environment, startedAt: run.startedAt, finishedAt: run.finishedAt, results: run.results, preflight: run.preflight },
      redactor,
    ),
    ...redactDeep(reportFields(run.diagnosis), redactor),
  };
  return { run, report, runbook };
}

export async function runDiagnoseCommand(args: string[], io: CliIo, signal?: AbortSignal, ctx: CommandContext = {}): Promise<number> {
  const cwd = ctx.cwd ?? process.cwd();
  let target: Target;
  let runbook: Runbook;
  let json: boolean;
  let reportFile: string | undefined;
  let timeoutSeconds: number | undefined;
  let preflight: boolean;
  let runbookCommands: 'approved' | 'blocked' | undefined;
  try {
    const p = parseArgs(args, { values: VALUES, booleans: BOOLEANS });
    if (p.booleans.has('--logs')) {
      const targetFlag = Object.keys(p.values).find((k) => k !== '--runbook');
      if (targetFlag) throw new UsageError(`--logs diagnoses saved logs alone: ${targetFlag} does not apply`);
      if (p.booleans.has('--no-preflight')) throw new UsageError('--logs diagnoses saved logs alone: --no-preflight does not apply');
      if (!p.positionals.length) throw new UsageError('--logs needs at least one log file');
      const file = single(p, '--runbook');
      const rb = ctx.runbook ?? (file ? loadAnyRunbookFile(path.resolve(cwd, file)).runbook : loadBuiltinRunbook());
      return runDiagnoseLogs(rb, p.positionals, p.booleans.has('--json'), io, cwd);
    }
    if (p.positionals.length > 1) throw new UsageError(`unexpected argument "${p.positionals[1]}"`);
    if (p.positionals.length === 1) {
      if (p.values['--env']) throw new UsageError(`give the environment once: "${p.positionals[0]}" or --env`);
      p.values['--env'] = [p.positionals[0]];
    }
    target = targetFromArgs(p, { cwd, env: ctx.env ?? process.env });
    const file = single(p, '--runbook');
    runbook = ctx.runbook ?? (file ? loadAnyRunbookFile(path.resolve(cwd, file)).runbook : loadBuiltinRunbook());
    runbookCommands = runbookCommandPolicy(p, ctx);
    json = p.booleans.has('--json');
    reportFile = single(p, '--report');
    if (reportFile !== undefined) checkReportWritable(reportFile, cwd);
    timeoutSeconds = secondsFlag(p, '--timeout');
    preflight = !p.booleans.has('--no-preflight');
  } catch (e) {
    return usageFailure(io, e);
  }

  const started = Date.now();
  const progress = (e: DiagnosisEvent) => {
    if (json) return;
    if (e.type === 'diagnosisRound') io.stdout(`→ ${e.reason}: ${e.steps.join(', ')}\n`);
    else if (e.type === 'stepFinished' && e.result.id !== 'preflight') io.stdout(formatStepLine(e.result) + '\n');
    else if (e.type === 'stepFinished') {
      const bad = e.result.checks.filter((c) => c.verdict === 'fail' || c.verdict === 'error');
      if (bad.length) for (const c of bad) io.stdout(`  preflight: ${c.label}: ${c.reason}\n`);
    }
  };
  if (!json) {
    io.stdout(`Beacon Debug: diagnosing "${target.name}"${target.production ? ' (PRODUCTION)' : ''} — runner ${target.runnerUrl}, router ${target.routerUrl}\n`);
  }

  let result: TargetDiagnosis;
  try {
    result = await diagnoseTarget(target, { runbook, signal, onEvent: progress, userTimeoutSeconds: timeoutSeconds, preflight, runbookCommands });
  } catch (e) {
    return usageFailure(io, e);
  }
  const { run, report } = result;
  if (json) io.stdout(inertJson(report, 2) + '\n');
  else {
    io.stdout(
      '\n' +
        formatDiagnosis(runbook, run.diagnosis, target, { stepsRun: run.stepsRun, checksRun: run.checksRun, durationMs: Date.now() - started }),
    );
  }
  const reportInput = { runbook, target, label: 'beacon-debug diagnose', outcome: run, diagnosis: run.diagnosis, report };
  if (reportFile && !(await writeReportAfterRun(reportFile, cwd, reportInput, io))) return EXIT.usage;

  if (run.cancelled) {
    io.stderr(`exit ${EXIT.couldNotRun}: the diagnosis was cancelled\n`);
    return EXIT.couldNotRun;
  }
  const blocked = run.preflight.filter((c) => c.verdict === 'fail' || c.verdict === 'error');
  if (blocked.length) {
    io.stderr(`exit ${EXIT.couldNotRun}: the preflight stopped the diagnosis: ${blocked.map((c) => c.reason).join(' ')}\n`);
    return EXIT.couldNotRun;
  }
  return diagnosisExitCode(run.diagnosis, io);
}

function usageFailure(io: CliIo, e: unknown): number {
  if (e instanceof UsageError || e instanceof TargetError || e instanceof RunbookError) {
    io.stderr(`beacon-debug diagnose: ${e.message}\n`);
    io.stderr(`exit ${EXIT.usage}: usage or configuration error\n`);
    return EXIT.usage;
  }
  throw e;
}
