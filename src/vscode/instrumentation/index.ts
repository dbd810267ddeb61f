import type * as vscode from 'vscode';
import type { Prompts } from '../prompts';
import { GoDocuments } from './goDocuments';
import { InstrumentationCommands } from './instrumentationCommands';
import { InstrumentationStatusBar } from './instrumentationStatusBar';
import { MarkerDiagnostics } from './markerDiagnostics';
import { WorkspaceMarkers } from './workspaceMarkers';

export { CODE_LENS_SETTING, INSERT_COMMAND, REMOVE_COMMAND } from './codeLensProvider';
export { LIST_COMMAND } from './instrumentationStatusBar';
export { REMOVE_ALL_COMMAND, REVEAL_ANCHOR_COMMAND } from './instrumentationCommands';
export { MARKER_MESSAGE } from './markerDiagnostics';

/** What tests (through the extension API) may look at. */
export interface InstrumentationApi {
  /** Files that still hold instrumentation, as the status bar counts them (after a fresh scan): steps without repeats, and the number of marked blocks. */
  instrumentedFiles(): Promise<{ uri: vscode.Uri; steps: string[]; blocks: number }[]>;
  /** The status bar item's text, or undefined while it is hidden. */
  statusText(): string | undefined;
}

/**
 * The plan's Go instrumentation, built on first use (a lens request, a command, or the workspace scan
 * shortly after activation): the documents (parser and index), the marker scan with its diagnostics and
 * status-bar count, and the commands. `wasmDir` holds tree-sitter.wasm and tree-sitter-go.wasm (dist/).
 * Nothing is parsed — and the parser is not loaded — until a Go file holds an anchor name or a marker.
 */
export class InstrumentationFeature implements vscode.Disposable {
  readonly docs: GoDocuments;
  readonly markers: WorkspaceMarkers;
  readonly commands: Record<string, (...args: unknown[]) => unknown>;
  readonly api: InstrumentationApi;
  private readonly disposables: vscode.Disposable[];

  constructor(deps: { prompts: Prompts; log: vscode.LogOutputChannel; wasmDir: string }) {
    this.docs = new GoDocuments(deps.wasmDir, deps.log);
    const markers = (this.markers = new WorkspaceMarkers(this.docs, deps.log));
    const diagnostics = new MarkerDiagnostics(markers);
    const statusBar = new InstrumentationStatusBar(markers);
    this.commands = new InstrumentationCommands(this.docs, markers, deps.prompts, deps.log).handlers();
    this.disposables = [this.docs, markers, diagnostics, statusBar];
    this.api = {
      instrumentedFiles: async () => {
        await markers.rescan();
        return markers.list().filter((f) => f.blocks.length).map((f) => ({ uri: f.uri, steps: [...new Set(f.blocks.map((b) => b.step))], blocks: f.blocks.length }));
      },
      statusText: () => (markers.instrumentedCount() ? statusBar.item.text : undefined),
    };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
