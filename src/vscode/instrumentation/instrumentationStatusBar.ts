import * as vscode from 'vscode';
import type { WorkspaceMarkers } from './workspaceMarkers';

export const LIST_COMMAND = 'beaconDebug.listInstrumentation';

/** "N instrumented" while Go files in the workspace still hold debug instrumentation. */
export class InstrumentationStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('beaconDebug.instrumentation', vscode.StatusBarAlignment.Left, 48);
  private readonly sub: vscode.Disposable;

  constructor(private readonly markers: WorkspaceMarkers) {
    this.item.name = 'Beacon Debug Instrumentation';
    this.item.command = LIST_COMMAND;
    this.sub = markers.onDidChange(() => this.update());
    this.update();
  }

  update(): void {
    const n = this.markers.instrumentedCount();
    if (n === 0) {
      this.item.hide();
      return;
    }
    this.item.text = `$(debug-alt) ${n} instrumented`;
    this.item.tooltip = `${n} Go file${n === 1 ? '' : 's'} in the workspace still hold${n === 1 ? 's' : ''} Beacon Debug instrumentation — remove before deploy. Click to list them.`;
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this.item.show();
  }

  dispose(): void {
    this.sub.dispose();
    this.item.dispose();
  }
}
