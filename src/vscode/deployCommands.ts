import * as vscode from 'vscode';
import { LogClassifier } from '../diagnosis/logClassifier';
import { runShellProbe } from '../engine/shellProbe';
import { displayArgv } from '../engine/displayCommand';
import { validateTarget } from '../engine/target';
import type { InstrumentationApi } from './instrumentation';
import type { CommandFactory, Services } from './services';

/** `go build` output: `./internal/worker/job_runner.go:12:5: undefined: foo` (column optional). */
const GO_ERROR = /^(.+?\.go):(\d+)(?::(\d+))?: (.+)$/;
/** The plan's Deployment Commands filter: `grep -E "(TRACE|CRITICAL|HYBRID)"`. */
const PLAN_FILTER = /TRACE|CRITICAL|HYBRID/;
const MAX_STREAM_LINES = 20_000;

export function parseGoBuildOutput(output: string, cwd: vscode.Uri): Map<string, vscode.Diagnostic[]> {
  const byFile = new Map<string, vscode.Diagnostic[]>();
  for (const line of output.split(/\r?\n/)) {
    const m = GO_ERROR.exec(line.trim());
    if (!m) continue;
    const file = vscode.Uri.joinPath(cwd, m[1]).toString();
    const l = Math.max(0, Number(m[2]) - 1);
    const c = Math.max(0, Number(m[3] ?? 1) - 1);
    const d = new vscode.Diagnostic(new vscode.Range(l, c, l, c + 1), m[4], vscode.DiagnosticSeverity.Error);
    d.source = 'go build';
    byFile.set(file, [...(byFile.get(file) ?? []), d]);
  }
  return byFile;
}

function workspaceFolder(): vscode.Uri | undefined {
  return vscode.window.activeTextEditor
    ? vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri)?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri
    : vscode.workspace.workspaceFolders?.[0]?.uri;
}

interface LogStream {
  abort: AbortController;
  channel: vscode.OutputChannel;
  classifier: LogClassifier;
  lines: number;
}

/** Build (`go build ./...` → Problems), Deploy (confirmed, counts the markers that would ship), Stream Runner Logs. */
export function deployCommands(instrumentation: () => InstrumentationApi | undefined): CommandFactory {
  const buildProblems = vscode.languages.createDiagnosticCollection('beacon-go-build');
  let stream: LogStream | undefined;

  const stopStream = (s?: Services) => {
    if (!stream) return false;
    stream.abort.abort(new Error('stopped by the user'));
    stream.channel.appendLine(`— stopped after ${stream.lines} line(s) —`);
    s?.log.info(`log stream stopped after ${stream.lines} lines`);
    stream = undefined;
    return true;
  };

  return (s) => {
    s.context.subscriptions.push(buildProblems, { dispose: () => stopStream() });
    return {
      'beaconDebug.build': async () => {
        if (!(await s.runs.ensureTrusted('build'))) return undefined;
        const cwd = workspaceFolder();
        if (!cwd || cwd.scheme !== 'file') {
          await s.prompts.error('Beacon Debug: open the runner repository (a folder on disk) to build it.');
          return undefined;
        }
        const argv = ['go', 'build', './...'];
        const out = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: `Beacon Debug: ${displayArgv(argv)}`, cancellable: true },
          (_p, token) => {
            const abort = new AbortController();
            token.onCancellationRequested(() => abort.abort());
            return runShellProbe({ argv, timeoutMs: 600_000, signal: abort.signal, cwd: cwd.fsPath });
          },
        );
        buildProblems.clear();
        if (out.error === 'ENOENT') {
          await s.prompts.error('Beacon Debug: `go` is not installed or not on PATH.');
          return { ok: false, problems: 0 };
        }
        const problems = parseGoBuildOutput(out.transcript, cwd);
        for (const [file, diags] of problems) buildProblems.set(vscode.Uri.parse(file), diags);
        const count = [...problems.values()].reduce((n, d) => n + d.length, 0);
        s.log.info(`go build ./... exited ${out.exitCode} with ${count} problem(s)`);
        if (out.exitCode === 0) await s.prompts.info('Beacon Debug: `go build ./...` succeeded.');
        else {
          await s.prompts.error(`Beacon Debug: \`go build ./...\` failed with ${count} problem(s) — see the Problems view.`);
          if (count) await vscode.commands.executeCommand('workbench.actions.view.problems');
        }
        return { ok: out.exitCode === 0, problems: count };
      },

      'beaconDebug.deploy': async () => {
        if (!(await s.runs.ensureTrusted('deploy'))) return undefined;
        const cwd = workspaceFolder();
        const raw = await s.envs.resolveTarget();
        if (!raw || !cwd) return undefined;
        const target = validateTarget(raw);
        const files = (await instrumentation()?.instrumentedFiles()) ?? [];
        const markers = files.reduce((n, f) => n + f.steps.length, 0);
        const argv = [target.flyctlPath, 'deploy', '-a', target.flyApp];
        const env = `${target.name}${target.production ? ' (PRODUCTION)' : ''}`;
        const shipping = markers
          ? `${markers} debug instrumentation block(s) in ${files.length} file(s) will ship: ${files.map((f) => `${vscode.workspace.asRelativePath(f.uri)} (${f.steps.join(', ')})`).join('; ')}.`
          : 'No debug instrumentation markers are in the workspace.';
        const answer = await s.prompts.confirm(
          `Deploy ${target.flyApp} to environment "${env}"?`,
          `${displayArgv(argv)}\n\nin ${cwd.fsPath}\n\n${shipping}\n\nA deploy replaces every machine of the app: in-flight jobs are dropped.`,
          'Deploy',
        );
        if (answer !== 'Deploy') return undefined;
        const terminal = vscode.window.createTerminal({ name: `Beacon deploy (${target.name})`, shellPath: argv[0], shellArgs: argv.slice(1), cwd });
        terminal.show();
        s.log.info(`deploy started: ${displayArgv(argv)} (${markers} instrumentation block(s))`);
        return { argv, markers };
      },

      'beaconDebug.streamLogs': async () => {
        if (!(await s.runs.ensureTrusted('stream logs'))) return undefined;
        if (stream) {
          stream.channel.show(true);
          return undefined;
        }
        const raw = await s.envs.resolveTarget();
        if (!raw) return undefined;
        const target = validateTarget(raw);
        const choice = await s.prompts.pick(
          [
            { label: 'TRACE / CRITICAL / HYBRID lines', description: "the plan's filter", filter: true },
            { label: 'All lines', filter: false },
          ],
          { placeHolder: `Stream the logs of ${target.flyApp} (${target.name})` },
        );
        if (!choice) return undefined;
        const filter = (choice as { filter?: boolean }).filter === true;
        const channel = vscode.window.createOutputChannel(`Beacon Runner Logs (${target.name})`, 'beacon-log');
        const abort = new AbortController();
        const current: LogStream = { abort, channel, classifier: LogClassifier.forRunbook(s.runbook()), lines: 0 };
        stream = current;
        channel.show(true);
        const argv = [target.flyctlPath, 'logs', '-a', target.flyApp];
        channel.appendLine(`$ ${displayArgv(argv)}${filter ? '   (showing TRACE / CRITICAL / HYBRID lines)' : ''}`);
        void runShellProbe({
          argv,
          timeoutMs: 24 * 3600_000,
          signal: abort.signal,
          // Memory stays bounded: lines go to the channel and the classifier, not into a buffer.
          keepOutput: false,
          onOutput: (_stream, text) => {
            for (const c of current.classifier.pushChunk(text)) {
              current.lines++;
              if (!filter || PLAN_FILTER.test(c.raw)) channel.appendLine(c.raw);
              // The channel keeps what it shows: clear it every MAX_STREAM_LINES so memory stays bounded.
              if (current.lines % MAX_STREAM_LINES === 0) {
                channel.clear();
                channel.appendLine(`— ${current.lines} lines so far; earlier lines cleared to bound memory —`);
              }
            }
          },
        }).then((o) => {
          if (stream === current) {
            channel.appendLine(`— flyctl logs ended (${o.error ?? `exit ${o.exitCode}`}) —`);
            stream = undefined;
          }
        });
        return { argv, filter };
      },

      'beaconDebug.stopLogStream': async () => {
        if (!stopStream(s)) await s.prompts.info('No log stream is running.');
      },

      /** What the stream's classifier has seen so far (facts with their proving lines). */
      'beaconDebug.logStreamFacts': () => (stream ? stream.classifier.facts() : undefined),
    };
  };
}
