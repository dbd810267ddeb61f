/**
 * The results page's controller, built on first use (a run, Show Results, a panel restored after a
 * window reload): the commands, the history, fixes and reports. What has to exist from the start —
 * the serializer and the output documents — is in resultsPanelRegistration.ts.
 */
import type * as vscode from 'vscode';
import type { CommandHandler, Services } from '../services';
import { ResultsController, type ResultsDeps } from './resultsController';

export type ResultsApi = Pick<
  ResultsController,
  'show' | 'saveRun' | 'applyFix' | 'exportReport' | 'rerunFailed' | 'currentRecord' | 'history' | 'onDidSaveRun' | 'panelState'
>;

export interface ResultsRegistration {
  controller: ResultsController;
  commands: Record<string, CommandHandler>;
  disposables: vscode.Disposable[];
  api: ResultsApi;
}

export function registerResults(s: Services, deps: ResultsDeps = {}): ResultsRegistration {
  const controller = new ResultsController(s, deps);
  const commands: Record<string, CommandHandler> = {
    'beaconDebug.showResults': (runId?: unknown) => controller.show(typeof runId === 'string' ? runId : undefined),
    'beaconDebug.exportReport': (runId?: unknown) => controller.exportReport(typeof runId === 'string' ? runId : undefined),
  };
  const api: ResultsApi = {
    show: (runId, opts) => controller.show(runId, opts),
    saveRun: (input) => controller.saveRun(input),
    applyFix: (fixId, runId) => controller.applyFix(fixId, runId),
    exportReport: (runId) => controller.exportReport(runId),
    rerunFailed: (runId) => controller.rerunFailed(runId),
    currentRecord: () => controller.currentRecord(),
    history: controller.history,
    onDidSaveRun: controller.onDidSaveRun,
    get panelState() {
      return controller.panelState;
    },
  };
  return { controller, commands, disposables: [controller], api };
}
