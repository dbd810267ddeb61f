import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadBuiltinRunbook } from '../runbook/load';
import type { BeaconDebugApi } from './api';
import { onConfigChanged } from './config';
import { diagnose } from '../diagnosis/diagnose';
import { stepsAnswered } from '../diagnosis/stepEquivalence';
import { deployLoop } from './deployCommands';
import { diagnosisCommands } from './diagnosisCommands';
import { DiagnosisViewProvider } from './diagnosisView';
import { environmentCommands } from './environmentCommands';
import { Environments } from './environments';
import { EnvironmentViewProvider } from './environmentView';
import { SwitchablePrompts } from './prompts';
import { instrumentationApi, registerInstrumentation } from './instrumentation';
import { registerResults } from './results/registerResults';
import { runCommands } from './runCommands';
import { RunController } from './runController';
import { RunState } from './runState';
import { RunbookTreeProvider } from './runbookTree';
import type { CommandFactory, Services } from './services';
import { BeaconStatusBar } from './statusBar';
import { STEP_SCHEME, StepDocumentProvider } from './stepDocument';

const COMMAND_FACTORIES: CommandFactory[] = [runCommands, environmentCommands];

export function createServices(context: vscode.ExtensionContext): Services & { promptSwitch: SwitchablePrompts } {
  const log = vscode.window.createOutputChannel('Beacon Debug', { log: true });
  const prompts = new SwitchablePrompts();
  const runbook = loadBuiltinRunbook(context.extensionPath);
  const state = new RunState();
  const envs = new Environments(context, prompts);
  const tree = new RunbookTreeProvider(runbook, state);
  const treeView = vscode.window.createTreeView('beaconDebug.runbook', { treeDataProvider: tree, showCollapseAll: true });
  treeView.message = '10–30 ms failures do not prove that no network call happened: the router can fail in 1–3 ms.';
  const runs = new RunController(() => runbook, envs, state, prompts, log, () => envs.configRead.settings.checkTimeoutSeconds);
  context.subscriptions.push(log, state, envs, tree, treeView, runs);
  return { context, log, prompts, promptSwitch: prompts, runbook: () => runbook, state, envs, runs, tree, treeView: treeView as vscode.TreeView<unknown> };
}

export function registerAll(s: ReturnType<typeof createServices>): BeaconDebugApi {
  const { context } = s;
  const results = registerResults(s);
  const diagnosisView = new DiagnosisViewProvider();
  const deploy = deployLoop(instrumentationApi);
  const factories: CommandFactory[] = [...COMMAND_FACTORIES, () => results.commands, diagnosisCommands(diagnosisView, results.api), deploy.commands];
  for (const factory of factories) {
    for (const [id, handler] of Object.entries(factory(s))) {
      context.subscriptions.push(vscode.commands.registerCommand(id, handler));
    }
  }
  context.subscriptions.push(
    ...registerInstrumentation(context, { prompts: s.prompts, log: s.log, wasmDir: path.join(context.extensionPath, 'dist') }),
    ...results.disposables,
    diagnosisView,
    vscode.window.registerTreeDataProvider('beaconDebug.diagnosis', diagnosisView),
    // Every finished run (checks, re-runs, diagnoses) updates the diagnosis on everything known so far.
    s.runs.onDidFinishRun((_outcome, target) => {
      const ran = stepsAnswered(s.runbook(), s.state.lastResults.map((r) => r.id));
      diagnosisView.set(diagnose(s.runbook(), s.state.facts, s.state.lastResults, { target, ranSteps: ran }));
    }),
  );
  const environmentView = new EnvironmentViewProvider(s.envs);
  context.subscriptions.push(
    environmentView,
    vscode.window.registerTreeDataProvider('beaconDebug.environment', environmentView),
    vscode.workspace.registerTextDocumentContentProvider(STEP_SCHEME, new StepDocumentProvider(s.runbook)),
    new BeaconStatusBar(s.envs, s.state),
    onConfigChanged(() => reportSettingsProblems(s, s.envs.reloadConfig().problems)),
  );
  reportSettingsProblems(s, s.envs.configRead.problems);
  return {
    runbook: s.runbook,
    runbookTree: s.tree,
    environmentView,
    state: s.state,
    runs: s.runs,
    envs: s.envs,
    setPrompts: (p) => {
      const prev = s.promptSwitch.current;
      s.promptSwitch.current = p;
      return prev;
    },
    settingsProblems: () => s.envs.configRead.problems,
    diagnosisView,
    results: results.api,
    instrumentation: instrumentationApi,
    logStream: deploy.logStream,
    deployOutput: deploy.deployOutput,
  };
}

function reportSettingsProblems(s: Services, problems: string[]): void {
  if (!problems.length) return;
  for (const p of problems) s.log.warn(`invalid setting ${p}`);
  void s.prompts.warn(`Beacon Debug: ${problems.length === 1 ? 'a setting is' : `${problems.length} settings are`} invalid — ${problems[0]}${problems.length > 1 ? ' (see the Beacon Debug output for the rest)' : ''}`);
}
