import * as vscode from 'vscode';
import type { LensInfo } from '../../golang/documentIndex';
import type { GoDocuments } from './goDocuments';
import { errorMessage } from '../../shared/errorMessage';

export const CODE_LENS_SETTING = 'beaconDebug.codeLens.enabled';
export const INSERT_COMMAND = 'beaconDebug.insertInstrumentation';
export const REMOVE_COMMAND = 'beaconDebug.removeInstrumentation';

export function codeLensEnabled(): boolean {
  return vscode.workspace.getConfiguration('beaconDebug').get<boolean>('codeLens.enabled', true) !== false;
}

/** The lens for one step at one anchor; its command carries the document version it was computed for. */
export function toCodeLens(doc: vscode.TextDocument, l: LensInfo, version: number): vscode.CodeLens {
  const range = new vscode.Range(l.line, 0, l.line, 0);
  if (l.action === 'unavailable') return new vscode.CodeLens(range, { title: l.title, tooltip: l.tooltip, command: '' });
  return new vscode.CodeLens(range, {
    title: l.title,
    tooltip: l.tooltip,
    command: l.action === 'remove' ? REMOVE_COMMAND : INSERT_COMMAND,
    arguments: l.action === 'insert-nearest' ? [doc.uri, l.step, version, 'nearest'] : [doc.uri, l.step, version],
  });
}

/**
 * Lenses above each anchor: "Insert 2.1 panic recovery", …, or "Remove 2.1" once inserted. A text
 * pre-check comes before any parse; models are cached per document version and follow edits
 * without copying the document's text; the setting `beaconDebug.codeLens.enabled` turns them off
 * (and back on) at once.
 */
export class InstrumentationCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subs: vscode.Disposable[];

  constructor(private readonly docs: () => GoDocuments, private readonly log: vscode.LogOutputChannel) {
    this.subs = [
      this.changed,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(CODE_LENS_SETTING)) this.changed.fire();
      }),
    ];
  }

  /** Ask VS Code to ask again (e.g. after the parser finished loading). */
  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!codeLensEnabled()) return [];
    const version = doc.version;
    try {
      // the index runs the text pre-check (no parse, no parser load without an anchor name or marker)
      const model = await this.docs().model(doc);
      if (token.isCancellationRequested || model.version !== version) return [];
      return model.lenses.map((l) => toCodeLens(doc, l, version));
    } catch (e) {
      this.log.error(`code lenses for ${doc.uri.fsPath}: ${errorMessage(e)}`);
      return [];
    }
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
  }
}
