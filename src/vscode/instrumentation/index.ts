import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Prompts } from '../prompts';
import { InstrumentationCodeLensProvider } from './codeLensProvider';
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

let current: InstrumentationApi | undefined;

/** The accessor of the feature registered last (for the extension API the lead exposes to tests). */
export function instrumentationApi(): InstrumentationApi | undefined {
  return current;
}

/**
 * Code lenses, commands, marker diagnostics and the status-bar count for the plan's Go
 * instrumentation. `wasmDir` holds tree-sitter.wasm and tree-sitter-go.wasm (the extension's dist/).
 * Nothing is parsed — and the parser is not loaded — until a Go file holds an anchor name or a marker.
 */
export function registerInstrumentation(
  ctx: vscode.ExtensionContext,
  deps: { prompts: Prompts; log: vscode.LogOutputChannel; wasmDir: string },
): vscode.Disposable[] {
  const docs = new GoDocuments(deps.wasmDir || path.join(ctx.extensionPath, 'dist'), deps.log);
  const lenses = new InstrumentationCodeLensProvider(docs, deps.log);
  const markers = new WorkspaceMarkers(docs, deps.log);
  const diagnostics = new MarkerDiagnostics(markers);
  const statusBar = new InstrumentationStatusBar(markers);
  const commands = new InstrumentationCommands(docs, markers, deps.prompts, deps.log);
  const disposables: vscode.Disposable[] = [
    docs,
    lenses,
    markers,
    diagnostics,
    statusBar,
    vscode.languages.registerCodeLensProvider([{ language: 'go', scheme: 'file' }, { language: 'go', scheme: 'untitled' }], lenses),
    ...Object.entries(commands.handlers()).map(([id, handler]) => vscode.commands.registerCommand(id, handler)),
  ];
  // The first workspace scan waits until activation is over.
  const timer = setTimeout(() => void markers.rescan(), 1000);
  disposables.push({ dispose: () => clearTimeout(timer) });
  current = {
    instrumentedFiles: async () => {
      await markers.rescan();
      return markers.list().filter((f) => f.blocks.length).map((f) => ({ uri: f.uri, steps: [...new Set(f.blocks.map((b) => b.step))], blocks: f.blocks.length }));
    },
    statusText: () => (markers.instrumentedCount() ? statusBar.item.text : undefined),
  };
  return disposables;
}
