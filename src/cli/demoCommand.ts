/**
 * `beacon-debug demo`: start the simulator in a fault mode, run every automated check against it,
 * diagnose, print, stop everything. The README's "main job".
 */
import { diagnose, reportFields, type Diagnosis } from '../diagnosis/diagnose';
import { redactorFor } from '../engine/redact';
import { buildRunReport } from '../engine/report';
import { runSteps } from '../engine/runner';
import { EXIT, type RunEvent, type RunReport, type Target } from '../engine/types';
import { loadBuiltinRunbook } from '../runbook/builtin';
import { FAULT_NAMES, normalizeFaults, simulatorTarget, startSimulator, type FaultName } from '../sim/simulator';
import type { CliIo } from './io';
import { checkReportWritable, writeReportAfterRun } from './reportOutput';
import { formatDiagnosis, diagnosisExitCode } from './diagnosisOutput';
import { formatHumanResults, formatStepLine } from './runCommand';
import { parseArgs, secondsFlag, single, UsageError } from './targetArgs';
import { inertJson } from '../shared/inertText';
import { errorMessage } from '../shared/errorMessage';

export async function runDemoCommand(args: string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  let fault: FaultName[];
  let json: boolean;
  let reportFile: string | undefined;
  let timeoutSeconds: number | undefined;
  try {
    const p = parseArgs(args, { values: ['--fault', '--report', '--timeout'], booleans: ['--json'] });
    if (p.positionals.length) throw new UsageError(`unexpected argument "${p.positionals[0]}"`);
    fault = normalizeFaults((single(p, '--fault') ?? 'missing-hybrid-config').split(','));
    json = p.booleans.has('--json');
    reportFile = single(p, '--report');
    if (reportFile !== undefined) checkReportWritable(reportFile, process.cwd());
    timeoutSeconds = secondsFlag(p, '--timeout');
  } catch (e) {
    io.stderr(`beacon-debug demo: ${errorMessage(e)}\nFaults: ${FAULT_NAMES.join(', ')}\n`);
    return EXIT.usage;
  }

  const rb = loadBuiltinRunbook();
  const sim = await startSimulator({ fault });
  try {
    const target: Target = simulatorTarget(sim);
    if (!json) {
      io.stdout(`Beacon Debug demo — simulated fault: ${fault.join(' + ')}\n`);
      io.stdout(`  runner ${sim.runnerUrl}   router ${sim.routerUrl}   fake flyctl ${sim.flyctlPath}\n\n`);
    }
    const outcome = await runSteps(rb, target, {
      timeoutSeconds: 10,
      userTimeoutSeconds: timeoutSeconds,
      preflight: true,
      signal,
      onEvent: (e: RunEvent) => {
        if (!json && e.type === 'stepFinished') io.stdout(formatStepLine(e.result) + '\n');
      },
    });
    const diagnosis: Diagnosis = diagnose(rb, outcome.facts, outcome.results, { target });
    const report: RunReport = {
      ...buildRunReport(
        { environment: 'demo', startedAt: outcome.startedAt, finishedAt: outcome.finishedAt, results: outcome.results, preflight: outcome.preflight },
        redactorFor(target),
      ),
      ...reportFields(diagnosis),
    };
    if (json) io.stdout(inertJson(report, 2) + '\n');
    else {
      io.stdout('\n' + formatHumanResults(outcome.results, outcome.preflight));
      io.stdout('\n' + formatDiagnosis(rb, diagnosis, target));
    }
    const reportInput = { runbook: rb, target, label: `beacon-debug demo --fault ${fault.join(',')}`, outcome, diagnosis, report };
    if (reportFile && !(await writeReportAfterRun(reportFile, process.cwd(), reportInput, io))) return EXIT.usage;
    if (outcome.cancelled) {
      io.stderr('exit 3: the demo was interrupted\n');
      return EXIT.couldNotRun;
    }
    return diagnosisExitCode(diagnosis, io);
  } finally {
    await sim.stop();
  }
}
