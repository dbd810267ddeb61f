/**
 * Deploy: `flyctl deploy -a <app>` in the workspace folder after a modal that shows the exact command,
 * the environment and the instrumentation that would ship; a captured run in the Beacon Deploy
 * terminal (exit status known, Ctrl+C cancels, secrets redacted), one at a time.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { displayArgv } from '../../engine/displayCommand';
import { deployConfirmationText, flyctlDeployArgv, instrumentationBlocks, type ShippingFile } from '../../engine/flyDeploy';
import { runShellProbe } from '../../engine/probes/shellProbe';
import { LineRedactor, redactorFor } from '../../engine/redact';
import { styled } from '../../report/terminalLines';
import { validTarget } from '../environments/validTarget';
import type { InstrumentationApi } from '../instrumentation';
import { RunTerminal } from '../runs/runTerminal';
import type { CommandHandler, Services } from '../services';
import { isIn, saveGoFiles, workspaceFolder } from '../workspaceFolder';

const DEPLOY_TIMEOUT_MS = 60 * 60_000;

export interface DeployResult {
  status: 'declined' | 'deployed' | 'failed' | 'cancelled';
  argv: string[];
  /** Instrumentation blocks that shipped (or would have). */
  markers: number;
  exitCode?: number;
}

export class Deploy implements vscode.Disposable {
  private readonly deployTerminal = new RunTerminal('Beacon Deploy');
  private deploying: AbortController | undefined;
  readonly commands: Record<string, CommandHandler> = { 'beaconDebug.deploy': () => this.deploy() };

  constructor(private readonly s: Services, private readonly instrumentation: () => InstrumentationApi | undefined) {
    this.deployTerminal.onInterrupt = () => this.deploying?.abort();
  }

  /** What the Beacon Deploy terminal has shown (without colours). */
  output(): string {
    return this.deployTerminal.transcript;
  }

  async deploy(): Promise<DeployResult | undefined> {
    const { s, deployTerminal, instrumentation } = this;
    if (!(await s.runs.ensureTrusted('deploy'))) return undefined;
    if (this.deploying) {
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
    this.deploying = abort;
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
      this.deploying = undefined;
    }
  }

  dispose(): void {
    this.deploying?.abort();
    this.deployTerminal.dispose();
  }
}
