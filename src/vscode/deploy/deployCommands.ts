import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LogClassifier } from '../../diagnosis/logClassifier';
import { displayArgv } from '../../engine/displayCommand';
import { deployConfirmationText, flyctlDeployArgv, instrumentationBlocks, type ShippingFile } from '../../engine/flyDeploy';
import { flyctlLogsArgv, LogStreamLines, type LogViewUpdate } from '../../engine/logs/logStream';
import { LineRedactor, redactorFor } from '../../engine/redact';
import { runShellProbe } from '../../engine/probes/shellProbe';
import { TargetError, validateTarget, type ValidTarget } from '../../engine/target';
import { GO_BUILD_ARGV, goBuildSetup, parseGoBuildOutput, problemRange, type GoProblem } from '../../golang/goBuild';
import type { InstrumentationApi } from '../instrumentation';
import { RunTerminal } from '../runs/runTerminal';
import type { CommandFactory, Services } from '../services';
import { styled } from '../../report/terminalLines';

/** Lines the log view holds before it is cut back to the newest half. */
const MAX_STREAM_LINES = 20_000;
const BUILD_TIMEOUT_MS = 10 * 60_000;
const DEPLOY_TIMEOUT_MS = 60 * 60_000;
const STREAM_TIMEOUT_MS = 24 * 3600_000;

export interface BuildResult {
  ok: boolean;
  problems: number;
  mode: 'module' | 'gopath';
  /** `exit N`, `cancelled`, `timeout`, `ENOENT` … when not ok. */
  error?: string;
}

export interface DeployResult {
  status: 'declined' | 'deployed' | 'failed' | 'cancelled';
  argv: string[];
  /** Instrumentation blocks that shipped (or would have). */
  markers: number;
  exitCode?: number;
}

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

export interface DeployLoop {
  commands: CommandFactory;
  /** The running log stream, or the last one. */
  logStream(): LogStreamState | undefined;
  /** What the Beacon Deploy terminal has shown (without colours). */
  deployOutput(): string;
}

function workspaceFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)?.uri) ?? vscode.workspace.workspaceFolders?.[0]?.uri;
}

function isIn(folder: vscode.Uri, uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && uri.fsPath.startsWith(folder.fsPath.replace(/[\\/]$/, '') + path.sep);
}

/** Saves the folder's unsaved Go files (go and flyctl read the disk, as a VS Code task would save first); returns the ones that could not be saved. */
async function saveGoFiles(folder: vscode.Uri): Promise<string[]> {
  const failed: string[] = [];
  for (const d of vscode.workspace.textDocuments) {
    // by name, not languageId: a document just opened may not have its language yet
    if (d.isDirty && d.uri.path.endsWith('.go') && isIn(folder, d.uri) && !(await d.save())) failed.push(path.relative(folder.fsPath, d.uri.fsPath));
  }
  return failed;
}

/** The active environment as a validated target; says what is wrong with it otherwise. */
async function validTarget(s: Services): Promise<ValidTarget | undefined> {
  const raw = await s.envs.resolveTarget();
  if (!raw) return undefined;
  try {
    return validateTarget(raw);
  } catch (e) {
    if (!(e instanceof TargetError)) throw e;
    await s.prompts.error(`Beacon Debug: ${e.message}`);
    return undefined;
  }
}

async function problemsAsDiagnostics(problems: GoProblem[]): Promise<Map<string, vscode.Diagnostic[]>> {
  const byFile = new Map<string, vscode.Diagnostic[]>();
  const lines = new Map<string, string[]>();
  for (const p of problems) {
    if (!lines.has(p.file)) {
      let text = '';
      try {
        text = await fs.promises.readFile(p.file, 'utf8');
      } catch {
        /* a file go names but we cannot read: columns stay as Go gave them */
      }
      lines.set(p.file, text.split(/\r?\n/));
    }
    const lineText = lines.get(p.file)![p.line - 1] ?? '';
    const l = Math.max(0, p.line - 1);
    const r = problemRange(lineText, p.column);
    const d = new vscode.Diagnostic(new vscode.Range(l, r.start, l, r.end), p.message, vscode.DiagnosticSeverity.Error);
    d.source = 'go build';
    const key = vscode.Uri.file(p.file).toString();
    byFile.set(key, [...(byFile.get(key) ?? []), d]);
  }
  return byFile;
}

/** Build (`go build ./...` → Problems), Deploy (confirmed, counts the markers that would ship), Stream Runner Logs. */
export function deployLoop(instrumentation: () => InstrumentationApi | undefined): DeployLoop {
  const buildProblems = vscode.languages.createDiagnosticCollection('beacon-go-build');
  const deployTerminal = new RunTerminal('Beacon Deploy');
  let logChannel: vscode.OutputChannel | undefined;
  let building = false;
  let deploying: AbortController | undefined;
  let stream: (LogStreamState & { abort: AbortController }) | undefined;

  const stopStream = (s?: Services) => {
    if (!stream?.running) return false;
    stream.running = false;
    stream.ended = 'stopped';
    stream.abort.abort(new Error('stopped by the user'));
    logChannel?.appendLine(`— stopped after ${stream.lines.seen} line(s) —`);
    s?.log.info(`log stream stopped after ${stream.lines.seen} lines`);
    return true;
  };

  const show = (u: LogViewUpdate) => {
    if (u.replace) logChannel?.replace(u.replace.join('\n') + '\n');
    for (const l of u.append) logChannel?.appendLine(l);
  };

  const commands: CommandFactory = (s) => {
    s.context.subscriptions.push(buildProblems, deployTerminal, { dispose: () => stopStream() }, { dispose: () => deploying?.abort() }, { dispose: () => logChannel?.dispose() });
    deployTerminal.onInterrupt = () => deploying?.abort();
    return {
      'beaconDebug.build': async (): Promise<BuildResult | undefined> => {
        if (!(await s.runs.ensureTrusted('build'))) return undefined;
        if (building) {
          await s.prompts.warn('Beacon Debug: a build is already running.');
          return undefined;
        }
        const cwd = workspaceFolder();
        if (!cwd || cwd.scheme !== 'file') {
          await s.prompts.error('Beacon Debug: open the runner repository (a folder on disk) to build it.');
          return undefined;
        }
        building = true;
        try {
          const unsaved = await saveGoFiles(cwd);
          const setup = goBuildSetup(cwd.fsPath, process.env, fs.existsSync);
          const argv = [...GO_BUILD_ARGV];
          s.log.info(`${displayArgv(argv)} in ${cwd.fsPath}: ${setup.note}${unsaved.length ? `; not saved: ${unsaved.join(', ')}` : ''}`);
          const out = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: `Beacon Debug: ${displayArgv(argv)}`, cancellable: true },
            (_p, token) => {
              const abort = new AbortController();
              token.onCancellationRequested(() => abort.abort());
              return runShellProbe({ argv, env: setup.env, timeoutMs: BUILD_TIMEOUT_MS, signal: abort.signal, cwd: cwd.fsPath });
            },
          );
          buildProblems.clear();
          if (out.error === 'ENOENT' || out.error === 'EACCES') {
            await s.prompts.error('Beacon Debug: `go` is not installed or not on PATH.');
            return { ok: false, problems: 0, mode: setup.mode, error: out.error };
          }
          if (out.error === 'cancelled' || out.error === 'timeout') {
            await s.prompts.warn(`Beacon Debug: \`go build ./...\` ${out.error === 'cancelled' ? 'was cancelled' : `${out.errorMessage}`}.`);
            return { ok: false, problems: 0, mode: setup.mode, error: out.error };
          }
          const parsed = parseGoBuildOutput(out.transcript, cwd.fsPath);
          for (const [file, diags] of await problemsAsDiagnostics(parsed.problems)) buildProblems.set(vscode.Uri.parse(file), diags);
          const count = parsed.problems.length;
          s.log.info(`go build ./... exited ${out.exitCode ?? out.error} with ${count} problem(s)`);
          if (out.exitCode === 0) {
            await s.prompts.info('Beacon Debug: `go build ./...` succeeded.');
            return { ok: true, problems: 0, mode: setup.mode };
          }
          if (count) {
            await s.prompts.error(`Beacon Debug: \`go build ./...\` failed with ${count} problem(s) — see the Problems view.`);
            await vscode.commands.executeCommand('workbench.actions.view.problems');
          } else {
            // nothing with a position: what Go said instead (go.mod not found, a bad pattern …)
            const why = parsed.other.join('\n').trim() || out.errorMessage || `exit ${out.exitCode}`;
            s.log.warn(`go build ./...: ${why}`);
            await s.prompts.error(`Beacon Debug: \`go build ./...\` failed: ${why.split('\n')[0]}`);
          }
          return { ok: false, problems: count, mode: setup.mode, error: out.error ?? `exit ${out.exitCode}` };
        } finally {
          building = false;
        }
      },

      'beaconDebug.deploy': async (): Promise<DeployResult | undefined> => {
        if (!(await s.runs.ensureTrusted('deploy'))) return undefined;
        if (deploying) {
          await s.prompts.warn('Beacon Debug: a deploy is already running (see the Beacon Deploy terminal).');
          return undefined;
        }
        const cwd = workspaceFolder();
        if (!cwd || cwd.scheme !== 'file') {
          await s.prompts.error('Beacon Debug: open the runner repository (a folder on disk) to deploy it.');
          return undefined;
        }
        const target = await validTarget(s);
        if (!target) return undefined;
        const unsaved = await saveGoFiles(cwd);
        const files: ShippingFile[] = ((await instrumentation()?.instrumentedFiles()) ?? [])
          .filter((f) => isIn(cwd, f.uri))
          .map((f) => ({ path: path.relative(cwd.fsPath, f.uri.fsPath), steps: f.steps, blocks: f.blocks }));
        const markers = instrumentationBlocks(files);
        const argv = flyctlDeployArgv(target.flyctlPath, target.flyApp);
        const text = deployConfirmationText({ argv, app: target.flyApp, environment: target.name, production: !!target.production, cwd: cwd.fsPath, files, unsaved });
        const answer = await s.prompts.confirm(text.message, text.detail, 'Deploy');
        if (answer !== 'Deploy') {
          s.log.info(`deploy not confirmed: ${displayArgv(argv)}`);
          return { status: 'declined', argv, markers };
        }
        const abort = new AbortController();
        deploying = abort;
        try {
          deployTerminal.show(false);
          deployTerminal.line(styled('bold', `$ ${displayArgv(argv)}`), `   (environment ${target.name}, in ${cwd.fsPath}, ${markers} instrumentation block(s))`);
          s.log.info(`deploy started: ${displayArgv(argv)} (${markers} instrumentation block(s))`);
          const output = new LineRedactor(redactorFor(target), (t) => deployTerminal.write(t));
          const out = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: `Beacon Debug: deploying ${target.flyApp} (${target.name})`, cancellable: true },
            (_p, token) => {
              token.onCancellationRequested(() => abort.abort());
              return runShellProbe({ argv, cwd: cwd.fsPath, timeoutMs: DEPLOY_TIMEOUT_MS, signal: abort.signal, onOutput: (_stream, t) => output.write(t) });
            },
          );
          output.flush();
          const status: DeployResult['status'] = out.ok ? 'deployed' : out.error === 'cancelled' ? 'cancelled' : 'failed';
          const summary = out.ok ? `${target.flyApp} deployed to ${target.name}` : `the deploy of ${target.flyApp} ${status === 'cancelled' ? 'was cancelled' : `failed: ${out.errorMessage}`}`;
          deployTerminal.line(styled(out.ok ? 'green' : 'red', `${out.ok ? '✔' : '✖'} ${summary}`));
          s.log.info(`deploy ${status}: ${displayArgv(argv)} (${out.error ?? `exit ${out.exitCode}`})`);
          if (out.ok) await s.prompts.info(`Beacon Debug: ${summary}${markers ? ` with ${markers} instrumentation block(s)` : ''}.`);
          else await s.prompts.error(`Beacon Debug: ${summary}`);
          return { status, argv, markers, ...(out.exitCode !== undefined ? { exitCode: out.exitCode } : {}) };
        } finally {
          deploying = undefined;
        }
      },

      'beaconDebug.streamLogs': async (): Promise<{ argv: string[]; filter: boolean } | undefined> => {
        if (!(await s.runs.ensureTrusted('stream logs'))) return undefined;
        if (stream?.running) {
          logChannel?.show(true);
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
        logChannel ??= vscode.window.createOutputChannel('Beacon Runner Logs', 'beacon-log');
        logChannel.clear();
        logChannel.show(true);
        const argv = flyctlLogsArgv(target.flyctlPath, target.flyApp);
        const redactor = redactorFor(target);
        const classifier = LogClassifier.forRunbook(s.runbook());
        const lines = new LogStreamLines({ filter, maxLines: MAX_STREAM_LINES, redact: (l) => redactor.redact(l), onLine: (l) => classifier.push(l) });
        const current: LogStreamState & { abort: AbortController } = { argv, environment: target.name, filter, running: true, lines, classifier, abort: new AbortController() };
        stream = current;
        logChannel.appendLine(`$ ${displayArgv(argv)}   (environment ${target.name}${filter ? '; showing TRACE / CRITICAL / HYBRID lines' : ''})`);
        s.log.info(`log stream started: ${displayArgv(argv)}${filter ? ' (filtered)' : ''}`);
        void runShellProbe({
          argv,
          timeoutMs: STREAM_TIMEOUT_MS,
          signal: current.abort.signal,
          // Memory stays bounded: lines go to the view (cut back when full) and the classifier, not into a buffer.
          keepOutput: false,
          onOutput: (st, text) => {
            if (stream === current) show(current.lines.push(st, text));
          },
        }).then((o) => {
          if (stream !== current || !current.running) return;
          show(current.lines.flush());
          current.running = false;
          current.ended = o.error ?? `exit ${o.exitCode}`;
          logChannel?.appendLine(`— flyctl logs ended: ${o.ok ? 'exit 0' : o.errorMessage ?? o.error} —`);
        });
        return { argv, filter };
      },

      'beaconDebug.stopLogStream': async () => {
        if (stopStream(s)) return true;
        await s.prompts.info('No log stream is running.');
        return false;
      },

      /** What the stream's classifier has seen so far (facts with their proving lines). */
      'beaconDebug.logStreamFacts': () => stream?.classifier.facts(),
    };
  };

  return { commands, logStream: () => stream, deployOutput: () => deployTerminal.transcript };
}
