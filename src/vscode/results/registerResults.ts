/**
 * Wires the results page into the extension: the commands, the live feed from the run
 * controller, the history, the serializer that brings the panel back after a window reload, and the
 * read-only documents of "show all". `activate()` calls this once (see activation.ts).
 */
import * as vscode from 'vscode';
import { decodePageState } from '../../shared/webviewProtocol';
import type { CommandHandler, Services } from '../services';
import { OUTPUT_SCHEME, OutputDocumentProvider } from './outputDocument';
import { ResultsController, type ResultsDeps } from './resultsController';
import { RESULTS_VIEW_TYPE, resultsWebviewOptions } from './resultsHtml';

export type ResultsApi = Pick<
  ResultsController,
  'show' | 'saveRun' | 'applyFix' | 'exportReport' | 'rerunFailed' | 'currentRecord' | 'history' | 'onDidSaveRun' | 'panelState'
>;

export interface ResultsRegistration {
  commands: Record<string, CommandHandler>;
  disposables: vscode.Disposable[];
  api: ResultsApi;
}

export function registerResults(s: Services, deps: ResultsDeps = {}): ResultsRegistration {
  const controller = new ResultsController(s, deps);
  const disposables: vscode.Disposable[] = [
    controller,
    s.runs.onEvent((e) => controller.onRunEvent(e)),
    s.runs.onDidFinishRun((outcome, target, request) => controller.onRunFinished(outcome, target, request).then(() => undefined)),
    vscode.window.registerWebviewPanelSerializer(RESULTS_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        panel.webview.options = resultsWebviewOptions(s.context.extensionUri);
        controller.adopt(panel, decodePageState(state));
      },
    }),
    vscode.workspace.registerTextDocumentContentProvider(OUTPUT_SCHEME, new OutputDocumentProvider(() => controller.history)),
  ];
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
  return { commands, disposables, api };
}
