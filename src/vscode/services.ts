import * as vscode from 'vscode';
import type { Runbook } from '../runbook/schema';
import type { Environments } from './environments';
import type { Prompts } from './prompts';
import type { RunController } from './runController';
import type { RunState } from './runState';
import type { RunbookTreeProvider } from './runbookTree';

/** Everything a command handler may use; built once in activate(). */
export interface Services {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  /** Replaceable by tests (see the extension API). */
  prompts: Prompts;
  runbook(): Runbook;
  state: RunState;
  envs: Environments;
  runs: RunController;
  tree: RunbookTreeProvider;
  treeView: vscode.TreeView<unknown>;
}

export type CommandHandler = (...args: unknown[]) => unknown;
export type CommandFactory = (s: Services) => Record<string, CommandHandler>;
