import type * as vscode from 'vscode';
import type { Runbook } from '../runbook/schema';
import type { GoBuild } from './build/goBuild';
import type { Deploy } from './deploy/deploy';
import type { RunnerLogStream } from './logStream/runnerLogStream';
import type { DiagnosisViewProvider } from './diagnosis/diagnosisView';
import type { Environments } from './environments/environments';
import type { InstrumentationFeature } from './instrumentation';
import type { Loads } from './lazy';
import type { Prompts } from './prompts';
import type { ResultsRegistration } from './results/registerResults';
import type { RunController } from './runs/runController';
import type { RunState } from './runs/runState';
import type { RunbookTreeProvider } from './runbookView/runbookTree';
import type { WorkspaceRunbooks } from './workspaceRunbooks/workspaceRunbooks';
import type { Sessions } from '../diagnosis/session';

/**
 * Everything a command handler may use; built once in activate(). The first group exists from the
 * start (it draws the views); the getters below it build their part on first use.
 */
export interface Services {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  /** Replaceable by tests (see the extension API). */
  prompts: Prompts;
  runbook(): Runbook;
  state: RunState;
  envs: Environments;
  tree: RunbookTreeProvider;
  treeView: vscode.TreeView<unknown>;
  diagnosisView: DiagnosisViewProvider;
  /** One session per environment: its results, facts, applied fixes and its one diagnosis. */
  sessions: Sessions;
  loads: Loads;

  /** Runs checks and diagnoses (the engine, its probes and the diagnosis load with it). */
  readonly runs: RunController;
  /** The results page, the run history, fixes and reports. */
  readonly results: ResultsRegistration;
  /** Go instrumentation: the parser, the document index, marker scans, the commands. */
  readonly instrumentation: InstrumentationFeature;
  /** Build: `go build ./...`, its errors as Problems. */
  readonly build: GoBuild;
  /** Deploy: `flyctl deploy`, confirmed, in the Beacon Deploy terminal. */
  readonly deploy: Deploy;
  /** Stream Runner Logs. */
  readonly logStream: RunnerLogStream;
  /** Runbooks in `.beacon/runbooks/`: loaded after activation, validated, linted, run after approval. */
  readonly workspaceRunbooks: WorkspaceRunbooks;
}

export type CommandHandler = (...args: unknown[]) => unknown;
export type CommandFactory = (s: Services) => Record<string, CommandHandler>;
