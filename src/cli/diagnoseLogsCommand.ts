/**
 * `beacon-debug diagnose --logs FILE… [--json] [--runbook FILE]`: a post-mortem from saved logs
 * alone (see diagnosis/savedLogs.ts) — the decision path, the ranking, the answer, and the live
 * checks that would confirm it. Nothing is run against any environment.
 *
 * Exit codes as `diagnose`: 0 healthy, 1 a cause (or "none of the runbook's causes") was found,
 * 2 usage error or a file that cannot be read as a log, 3 undetermined.
 */
import * as path from 'node:path';
import { reportFields } from '../diagnosis/diagnose';
import { diagnoseSavedLogs, SavedLogError, type LogsDiagnosis } from '../diagnosis/savedLogs';
import { buildRunReport } from '../engine/report';
import { redactorFor } from '../engine/redact';
import { EXIT, type RunReport } from '../engine/types';
import type { Runbook } from '../runbook/schema';
import { diagnosisExitCode, formatDiagnosis } from './diagnosisOutput';
import type { CliIo } from './io';
import { formatStepLine } from './runCommand';

export interface LogsReport extends RunReport {
  logs: LogsDiagnosis['logs'];
  confirmLive: LogsDiagnosis['confirmLive'];
}

export function runDiagnoseLogs(runbook: Runbook, files: readonly string[], json: boolean, io: CliIo, cwd: string): number {
  const started = Date.now();
  let r: LogsDiagnosis;
  try {
    r = diagnoseSavedLogs(runbook, files.map((f) => path.resolve(cwd, f)));
  } catch (e) {
    if (!(e instanceof SavedLogError)) throw e;
    io.stderr(`beacon-debug diagnose --logs: ${e.message}\n`);
    io.stderr(`exit ${EXIT.usage}: a file could not be read as a log\n`);
    return EXIT.usage;
  }
  const now = new Date().toISOString();
  if (json) {
    const redactor = redactorFor({});
    const report: LogsReport = {
      ...buildRunReport({ environment: 'saved logs', startedAt: now, finishedAt: now, results: r.results, preflight: [] }, redactor),
      ...reportFields(r.diagnosis),
      logs: r.logs,
      confirmLive: r.confirmLive,
    };
    io.stdout(JSON.stringify(report, null, 2) + '\n');
  } else {
    io.stdout(`Beacon Debug: a diagnosis from saved logs alone (nothing was run against any environment)\n`);
    for (const l of r.logs) io.stdout(`  ${l.file} — ${l.format === 'flyctl-json' ? 'flyctl logs --json' : l.format === 'flyctl' ? 'flyctl logs' : l.format === 'loki' ? 'Grafana/Loki export' : 'plain lines'}, the ${l.source}'s\n`);
    io.stdout(`  ${r.lineCounts.runner} runner line(s), ${r.lineCounts.router} router line(s)\n\n`);
    for (const s of r.results) io.stdout(formatStepLine(s) + '\n');
    io.stdout('\n' + formatDiagnosis(runbook, r.diagnosis, undefined, { stepsRun: r.results.map((s) => s.id), checksRun: r.results.reduce((n, s) => n + s.checks.length, 0), durationMs: Date.now() - started }));
    if (r.confirmLive.length) {
      io.stdout(`Confirm it live (these checks read what the logs cannot): ${r.confirmLive.map((s) => `${s.step} (${s.title})`).join(', ')}\n`);
      io.stdout(`  beacon-debug run --only ${r.confirmLive.map((s) => s.step).join(',')} --env NAME\n`);
    }
  }
  return diagnosisExitCode(r.diagnosis, io);
}
