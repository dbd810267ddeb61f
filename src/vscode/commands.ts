/**
 * Every command of the extension, by the feature (a folder of src/vscode/) that handles it. activate()
 * registers all of them at once from this table; a feature's module (and what it imports) loads the
 * first time one of its commands runs, with the services injected (those built on first use are
 * getters). `ids` must list exactly the commands the factory returns: loading checks that.
 */
import * as vscode from 'vscode';
import type { CommandFactory, CommandHandler, Services } from './services';

interface CommandModule {
  /** The feature's folder under src/vscode/ (the README's command table names it too). */
  folder: string;
  ids: readonly string[];
  factory(): CommandFactory;
}

export const COMMAND_MODULES: readonly CommandModule[] = [
  {
    folder: 'runs',
    ids: ['beaconDebug.refresh', 'beaconDebug.openStep', 'beaconDebug.runQuickWins', 'beaconDebug.runPhase', 'beaconDebug.runStep', 'beaconDebug.runAll', 'beaconDebug.cancelRun', 'beaconDebug.markStepDone', 'beaconDebug.sendStepToTerminal'],
    factory: () => (require('./runs/runCommands') as typeof import('./runs/runCommands')).runCommands,
  },
  {
    folder: 'environments',
    ids: ['beaconDebug.selectEnvironment', 'beaconDebug.configureEnvironment', 'beaconDebug.setAdminToken', 'beaconDebug.setDatabaseUrl'],
    factory: () => (require('./environments/environmentCommands') as typeof import('./environments/environmentCommands')).environmentCommands,
  },
  {
    folder: 'demo',
    ids: ['beaconDebug.startDemo', 'beaconDebug.stopDemo'],
    factory: () => (require('./demo/demoCommands') as typeof import('./demo/demoCommands')).demoCommands,
  },
  {
    folder: 'results',
    ids: ['beaconDebug.showResults', 'beaconDebug.exportReport'],
    factory: () => (s) => s.results.commands,
  },
  {
    folder: 'diagnosis',
    ids: ['beaconDebug.diagnose', 'beaconDebug.diagnoseLogFile', 'beaconDebug.applyFix', 'beaconDebug.revealStep'],
    factory: () => (require('./diagnosis/diagnosisCommands') as typeof import('./diagnosis/diagnosisCommands')).diagnosisCommands,
  },
  {
    folder: 'build',
    ids: ['beaconDebug.build'],
    factory: () => (s) => s.build.commands,
  },
  {
    folder: 'deploy',
    ids: ['beaconDebug.deploy'],
    factory: () => (s) => s.deploy.commands,
  },
  {
    folder: 'logStream',
    ids: ['beaconDebug.streamLogs', 'beaconDebug.stopLogStream', 'beaconDebug.logStreamFacts'],
    factory: () => (s) => s.logStream.commands,
  },
  {
    folder: 'workspaceRunbooks',
    ids: ['beaconDebug.importMarkdownRunbook', 'beaconDebug.runWorkspaceRunbook', 'beaconDebug.lintRunbook', 'beaconDebug.openWorkspaceStep', 'beaconDebug.reloadWorkspaceRunbooks'],
    factory: () => (require('./workspaceRunbooks/workspaceRunbookCommands') as typeof import('./workspaceRunbooks/workspaceRunbookCommands')).workspaceRunbookCommands,
  },
  {
    folder: 'instrumentation',
    ids: ['beaconDebug.insertInstrumentation', 'beaconDebug.removeInstrumentation', 'beaconDebug.removeAllInstrumentation', 'beaconDebug.listInstrumentation', 'beaconDebug.revealAnchor'],
    factory: () => (s) => s.instrumentation.commands,
  },
];

/** Registers every command now; each module's handlers are built on its first command. */
export function registerCommands(s: Services): vscode.Disposable[] {
  const out: vscode.Disposable[] = [];
  for (const m of COMMAND_MODULES) {
    const name = `${m.folder} commands`;
    const handlers = s.loads.lazy(name, () => {
      const h = m.factory()(s);
      const extra = Object.keys(h).filter((id) => !m.ids.includes(id));
      const missing = m.ids.filter((id) => typeof h[id] !== 'function');
      if (extra.length || missing.length) {
        throw new Error(`Beacon Debug: the ${name} do not match their registration (${[...extra.map((i) => `unregistered ${i}`), ...missing.map((i) => `no handler for ${i}`)].join(', ')})`);
      }
      return h;
    });
    for (const id of m.ids) {
      const run: CommandHandler = (...args) => handlers()[id](...args);
      out.push(vscode.commands.registerCommand(id, run));
    }
  }
  return out;
}

/** Every command id in the table (the integration tests compare it with package.json). */
export function registeredCommandIds(): string[] {
  return COMMAND_MODULES.flatMap((m) => m.ids);
}
