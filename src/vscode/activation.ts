import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadBuiltinRunbook } from '../runbook/builtin';
import type { Runbook } from '../runbook/schema';
import type { BeaconDebugApi } from './api';
import { registerCommands } from './commands';
import { onConfigChanged } from './config';
import { DiagnosisViewProvider } from './diagnosis/diagnosisView';
import { Environments } from './environments/environments';
import { EnvironmentViewProvider } from './environments/environmentView';
import { registerCodeLenses } from './instrumentation/codeLensRegistration';
import { Loads } from './lazy';
import { SwitchablePrompts } from './prompts';
import { registerResultsPanel } from './results/resultsPanelRegistration';
import { RunState } from './runs/runState';
import { RunbookTreeProvider } from './runbookView/runbookTree';
import type { Services } from './services';
import { BeaconStatusBar } from './environments/statusBar';
import { STEP_SCHEME, StepDocumentProvider } from './runbookView/stepDocument';
import { Sessions } from '../diagnosis/session';
import { errorMessage } from '../shared/errorMessage';

export type ActiveServices = Services & { promptSwitch: SwitchablePrompts; startedAt: number };

/**
 * The services: what draws the views is built now, the rest (`runs`, `results`, `instrumentation`,
 * `build`, `deploy`, `logStream`, …) on first use, from modules in chunks that load then.
 */
export function createServices(
  context: vscode.ExtensionContext,
  startedAt = performance.now(),
  log = vscode.window.createOutputChannel('Beacon Debug', { log: true }),
): ActiveServices {
  const loads = new Loads();
  const prompts = new SwitchablePrompts();
  // read when the Runbook view first asks for its items, not during activation
  let builtin: Runbook | undefined;
  const runbook = (): Runbook => (builtin ??= loadBuiltinRunbook(context.extensionPath));
  const state = new RunState();
  const envs = new Environments(context, prompts);
  const tree = new RunbookTreeProvider(runbook, state);
  const treeView = vscode.window.createTreeView('beaconDebug.runbook', { treeDataProvider: tree, showCollapseAll: true });
  treeView.message = '10–30 ms failures do not prove that no network call happened: the router can fail in 1–3 ms.';
  const diagnosisView = new DiagnosisViewProvider();
  const sessions = new Sessions();
  // the tree and the Diagnosis view show the active environment's session, and nothing else
  const follow = sessions.onDidChange((session) => {
    state.showResults(session?.results ?? []);
    diagnosisView.set(session?.diagnosis);
  });
  context.subscriptions.push(log, state, envs, tree, treeView, diagnosisView, follow);

  const runs = loads.lazy('runs', () => {
    const { createRunController } = require('./runs/runFeature') as typeof import('./runs/runFeature');
    return createRunController(s);
  });
  const results = loads.lazy('results', () => {
    const { registerResults } = require('./results/registerResults') as typeof import('./results/registerResults');
    const r = registerResults(s);
    context.subscriptions.push(...r.disposables);
    return r;
  });
  const instrumentation = loads.lazy('instrumentation', () => {
    const { InstrumentationFeature } = require('./instrumentation') as typeof import('./instrumentation');
    const feature = new InstrumentationFeature({ prompts, log, wasmDir: path.join(context.extensionPath, 'dist') });
    context.subscriptions.push(feature);
    return feature;
  });
  const build = loads.lazy('build', () => {
    const { GoBuild } = require('./build/goBuild') as typeof import('./build/goBuild');
    const b = new GoBuild(s);
    context.subscriptions.push(b);
    return b;
  });
  const deploy = loads.lazy('deploy', () => {
    const { Deploy } = require('./deploy/deploy') as typeof import('./deploy/deploy');
    const d = new Deploy(s, () => s.instrumentation.api);
    context.subscriptions.push(d);
    return d;
  });
  const logStream = loads.lazy('logStream', () => {
    const { RunnerLogStream } = require('./logStream/runnerLogStream') as typeof import('./logStream/runnerLogStream');
    const l = new RunnerLogStream(s);
    context.subscriptions.push(l);
    return l;
  });
  const workspaceRunbooks = loads.lazy('workspace runbooks', () => {
    const { WorkspaceRunbooks } = require('./workspaceRunbooks/workspaceRunbooks') as typeof import('./workspaceRunbooks/workspaceRunbooks');
    const w = new WorkspaceRunbooks(s);
    context.subscriptions.push(w);
    return w;
  });
  const s: ActiveServices = {
    context,
    log,
    prompts,
    promptSwitch: prompts,
    startedAt,
    runbook,
    state,
    envs,
    tree,
    treeView: treeView as vscode.TreeView<unknown>,
    diagnosisView,
    sessions,
    loads,
    get runs() {
      return runs();
    },
    get results() {
      return results();
    },
    get instrumentation() {
      return instrumentation();
    },
    get build() {
      return build();
    },
    get deploy() {
      return deploy();
    },
    get logStream() {
      return logStream();
    },
    get workspaceRunbooks() {
      return workspaceRunbooks();
    },
  };
  return s;
}

/** Registers the views, the commands and the providers; reads the settings once activation is over. */
export function registerAll(s: ActiveServices): BeaconDebugApi {
  const { context } = s;
  const environmentView = new EnvironmentViewProvider(s.envs);
  const statusBar = new BeaconStatusBar(s.envs, s.state);
  context.subscriptions.push(
    ...registerCommands(s),
    vscode.window.registerTreeDataProvider('beaconDebug.diagnosis', s.diagnosisView),
    environmentView,
    vscode.window.registerTreeDataProvider('beaconDebug.environment', environmentView),
    vscode.workspace.registerTextDocumentContentProvider(STEP_SCHEME, new StepDocumentProvider(s.runbook)),
    statusBar,
    ...registerResultsPanel(s),
    ...registerCodeLenses(s),
    onConfigChanged(() => reportSettingsProblems(s, s.envs.reloadConfig().problems)),
    s.envs.onDidChange(() => s.sessions.activate(s.envs.active()?.name)),
  );
  // The settings go through their zod schema, which loads with them: after the views had their first answer.
  const settingsTimer = setTimeout(() => {
    s.sessions.activate(s.envs.active()?.name);
    statusBar.update();
    reportSettingsProblems(s, s.envs.configRead.problems);
  }, 250);
  context.subscriptions.push({ dispose: () => clearTimeout(settingsTimer) });
  // Workspace runbooks (YAML parser, zod, the importer) load once activation is over, then are linted
  // against the workspace's Go code in the background.
  const workspaceTimer = setTimeout(() => void loadWorkspaceRunbooks(s), 300);
  context.subscriptions.push({ dispose: () => clearTimeout(workspaceTimer) });
  return {
    runbook: s.runbook,
    runbookTree: s.tree,
    environmentView,
    state: s.state,
    get runs() {
      return s.runs;
    },
    envs: s.envs,
    setPrompts: (p) => {
      const prev = s.promptSwitch.current;
      s.promptSwitch.current = p;
      return prev;
    },
    settingsProblems: () => s.envs.configRead.problems,
    diagnosisView: s.diagnosisView,
    sessions: s.sessions,
    get results() {
      return s.results.api;
    },
    instrumentation: () => s.instrumentation.api,
    logStream: () => s.logStream.state(),
    deployOutput: () => s.deploy.output(),
    loadTimings: () => [...s.loads.timings],
    workspaceRunbooks: () => s.workspaceRunbooks,
    startup: {
      activateMs: 0,
      builtDuringActivation: [],
      settingsReadDuringActivation: false,
      firstTreeChildrenMs: () => (s.tree.firstChildrenAt === undefined ? undefined : s.tree.firstChildrenAt - s.startedAt),
    },
  };
}

async function loadWorkspaceRunbooks(s: ActiveServices): Promise<void> {
  try {
    const w = s.workspaceRunbooks;
    s.tree.setWorkspaceRunbooks(w);
    await w.loadAll();
    for (const entry of w.list()) if (entry.runbook) await w.lint(entry);
  } catch (e) {
    s.log.error(`workspace runbooks: ${errorMessage(e)}`);
  }
}

function reportSettingsProblems(s: Services, problems: string[]): void {
  if (!problems.length) return;
  for (const p of problems) s.log.warn(`invalid setting ${p}`);
  void s.prompts.warn(`Beacon Debug: ${problems.length === 1 ? 'a setting is' : `${problems.length} settings are`} invalid — ${problems[0]}${problems.length > 1 ? ' (see the Beacon Debug output for the rest)' : ''}`);
}
