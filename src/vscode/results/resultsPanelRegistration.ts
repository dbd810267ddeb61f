import * as vscode from 'vscode';
import type { Services } from '../services';
import { OUTPUT_SCHEME, OutputDocumentProvider } from './outputDocument';
import { RESULTS_VIEW_TYPE, resultsWebviewOptions } from './resultsHtml';

/**
 * What the results page needs from the start: the serializer that brings the panel back after a
 * window reload, and the read-only documents of "show all". Both build the controller when used.
 */
export function registerResultsPanel(s: Services): vscode.Disposable[] {
  return [
    vscode.window.registerWebviewPanelSerializer(RESULTS_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        panel.webview.options = resultsWebviewOptions(s.context.extensionUri);
        const { decodePageState } = require('../../shared/webviewProtocol') as typeof import('../../shared/webviewProtocol');
        s.results.controller.adopt(panel, decodePageState(state));
      },
    }),
    vscode.workspace.registerTextDocumentContentProvider(OUTPUT_SCHEME, new OutputDocumentProvider(() => s.results.controller.history)),
  ];
}
