/**
 * Stream Runner Logs: `flyctl logs -a <app>` live into the Beacon Runner Logs output (all lines or the
 * plan's TRACE / CRITICAL / HYBRID filter), redacted, bounded, every line also to the log classifier.
 */
import * as vscode from 'vscode';
import { LogClassifier } from '../../diagnosis/logClassifier';
import { displayArgv } from '../../engine/displayCommand';
import { flyctlLogsArgv, LogStreamLines, type LogViewUpdate } from '../../engine/logs/logStream';
import { runShellProbe } from '../../engine/probes/shellProbe';
import { redactorFor } from '../../engine/redact';
import { validTarget } from '../environments/validTarget';
import type { CommandHandler, Services } from '../services';

/** Lines the log view holds before it is cut back to the newest half. */
const MAX_STREAM_LINES = 20_000;
const STREAM_TIMEOUT_MS = 24 * 3600_000;

/** The log stream as the tests (through the extension API) see it. */
export interface LogStreamState {
  argv: string[];
  environment: string;
  filter: boolean;
  running: boolean;
  /** Why it ended: `stopped`, `exit 0`, `ENOENT` … (undefined while running). */
  ended?: string;
  lines: LogStreamLines;
  classifier: LogClassifier;
}

export class RunnerLogStream implements vscode.Disposable {
  private logChannel: vscode.OutputChannel | undefined;
  private stream: (LogStreamState & { abort: AbortController }) | undefined;
  readonly commands: Record<string, CommandHandler> = {
    'beaconDebug.streamLogs': () => this.start(),
    'beaconDebug.stopLogStream': () => this.stopCommand(),
    /** What the stream's classifier has seen so far (facts with their proving lines). */
    'beaconDebug.logStreamFacts': () => this.stream?.classifier.facts(),
  };

  constructor(private readonly s: Services) {}

  /** The running stream, or the last one. */
  state(): LogStreamState | undefined {
    return this.stream;
  }

  async start(): Promise<{ argv: string[]; filter: boolean } | undefined> {
    const { s } = this;
    if (!(await s.runs.ensureTrusted('stream logs'))) return undefined;
    if (this.stream?.running) {
      this.logChannel?.show(true);
      return undefined;
    }
    const target = await validTarget(s);
    if (!target) return undefined;
    const choice = await s.prompts.pick(
      [
        { label: 'TRACE / CRITICAL / HYBRID lines', description: "the plan's filter", filter: true },
        { label: 'All lines', filter: false },
      ],
      { placeHolder: `Stream the logs of ${target.flyApp} (${target.name})` },
    );
    if (!choice) return undefined;
    const filter = (choice as { filter?: boolean }).filter === true;
    const logChannel = (this.logChannel ??= vscode.window.createOutputChannel('Beacon Runner Logs', 'beacon-log'));
    logChannel.clear();
    logChannel.show(true);
    const argv = flyctlLogsArgv(target.flyctlPath, target.flyApp);
    const redactor = redactorFor(target);
    const classifier = LogClassifier.forRunbook(s.runbook());
    const lines = new LogStreamLines({ filter, maxLines: MAX_STREAM_LINES, redact: (l) => redactor.redact(l), onLine: (l) => classifier.push(l) });
    const current: LogStreamState & { abort: AbortController } = { argv, environment: target.name, filter, running: true, lines, classifier, abort: new AbortController() };
    this.stream = current;
    logChannel.appendLine(`$ ${displayArgv(argv)}   (environment ${target.name}${filter ? '; showing TRACE / CRITICAL / HYBRID lines' : ''})`);
    s.log.info(`log stream started: ${displayArgv(argv)}${filter ? ' (filtered)' : ''}`);
    void runShellProbe({
      argv,
      timeoutMs: STREAM_TIMEOUT_MS,
      signal: current.abort.signal,
      // Memory stays bounded: lines go to the view (cut back when full) and the classifier, not into a buffer.
      keepOutput: false,
      onOutput: (st, text) => {
        if (this.stream === current) this.show(current.lines.push(st, text));
      },
    }).then((o) => {
      if (this.stream !== current || !current.running) return;
      this.show(current.lines.flush());
      current.running = false;
      current.ended = o.error ?? `exit ${o.exitCode}`;
      logChannel.appendLine(`— flyctl logs ended: ${o.ok ? 'exit 0' : o.errorMessage ?? o.error} —`);
    });
    return { argv, filter };
  }

  private async stopCommand(): Promise<boolean> {
    if (this.stop()) return true;
    await this.s.prompts.info('No log stream is running.');
    return false;
  }

  private stop(): boolean {
    const stream = this.stream;
    if (!stream?.running) return false;
    stream.running = false;
    stream.ended = 'stopped';
    stream.abort.abort(new Error('stopped by the user'));
    this.logChannel?.appendLine(`— stopped after ${stream.lines.seen} line(s) —`);
    this.s.log.info(`log stream stopped after ${stream.lines.seen} lines`);
    return true;
  }

  private show(u: LogViewUpdate): void {
    if (u.replace) this.logChannel?.replace(u.replace.join('\n') + '\n');
    for (const l of u.append) this.logChannel?.appendLine(l);
  }

  dispose(): void {
    this.stop();
    this.logChannel?.dispose();
  }
}
