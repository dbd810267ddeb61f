/**
 * Build: `go build ./...` in the workspace folder, after saving its Go files, in the folder's own mode
 * (module or GOPATH); Go's errors become Problems at the right line and column.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { displayArgv } from '../../engine/displayCommand';
import { runShellProbe } from '../../engine/probes/shellProbe';
import { GO_BUILD_ARGV, goBuildSetup, parseGoBuildOutput, problemRange, type GoProblem } from '../../golang/goBuild';
import type { CommandHandler, Services } from '../services';
import { saveGoFiles, workspaceFolder } from '../workspaceFolder';

const BUILD_TIMEOUT_MS = 10 * 60_000;

export interface GoBuildResult {
  ok: boolean;
  problems: number;
  mode: 'module' | 'gopath';
  /** `exit N`, `cancelled`, `timeout`, `ENOENT` … when not ok. */
  error?: string;
}

export class GoBuild implements vscode.Disposable {
  private readonly buildProblems = vscode.languages.createDiagnosticCollection('beacon-go-build');
  private building = false;
  readonly commands: Record<string, CommandHandler> = { 'beaconDebug.build': () => this.build() };

  constructor(private readonly s: Services) {}

  async build(): Promise<GoBuildResult | undefined> {
    const { s, buildProblems } = this;
    if (!(await s.runs.ensureTrusted('build'))) return undefined;
    if (this.building) {
      await s.prompts.warn('Beacon Debug: a build is already running.');
      return undefined;
    }
    const cwd = workspaceFolder();
    if (!cwd || cwd.scheme !== 'file') {
      await s.prompts.error('Beacon Debug: open the runner repository (a folder on disk) to build it.');
      return undefined;
    }
    this.building = true;
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
      this.building = false;
    }
  }

  dispose(): void {
    this.buildProblems.dispose();
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
