/**
 * Reads an app's recent logs with `flyctl logs -a <app> --no-tail [--json]` — never without
 * `--no-tail`, which would stream forever — and normalises the lines for matching.
 */
import { normaliseFlyLogs } from '../logs/logLines';
import type { ProbeOutcome } from './probeOutcome';
import { runShellProbe, type ShellProbeRequest } from './shellProbe';

export function logsArgv(flyctl: string, app: string, json: boolean): string[] {
  return [flyctl, 'logs', '-a', app, '--no-tail', ...(json ? ['--json'] : [])];
}

export interface LogsProbeRequest extends Omit<ShellProbeRequest, 'argv' | 'databaseUrl'> {
  flyctl: string;
  app: string;
  json?: boolean;
}

export async function runLogsProbe(req: LogsProbeRequest): Promise<ProbeOutcome> {
  const { flyctl, app, json, ...rest } = req;
  return withLines(await runShellProbe({ ...rest, argv: logsArgv(flyctl, app, !!json) }), !!json);
}

/** The normalised lines become the text extractors read; the raw output stays the transcript. */
export function withLines(out: ProbeOutcome, json: boolean): ProbeOutcome {
  if (!out.stdout) return { ...out, lines: [] };
  const lines = normaliseFlyLogs(out.stdout, json);
  return { ...out, lines, output: lines.map((l) => l.text).join('\n') };
}
