import * as vscode from 'vscode';
import type { WorkspaceMarkers } from './workspaceMarkers';

export const MARKER_MESSAGE = 'debug instrumentation — remove before deploy';

/** A Warning on each `// beacon-debug:begin` line, in the Problems view too, and one per damaged marker. */
export class MarkerDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('beacon-debug-instrumentation');
  private readonly sub: vscode.Disposable;

  constructor(private readonly markers: WorkspaceMarkers) {
    this.sub = markers.onDidChange(() => this.update());
    this.update();
  }

  update(): void {
    this.collection.clear();
    for (const f of this.markers.list()) {
      const diags: vscode.Diagnostic[] = [];
      for (const b of f.blocks) {
        const d = new vscode.Diagnostic(new vscode.Range(b.beginLine, 0, b.endLine, 0), MARKER_MESSAGE, vscode.DiagnosticSeverity.Warning);
        d.source = 'Beacon Debug';
        d.code = b.step;
        diags.push(d);
      }
      for (const p of f.problems) {
        const d = new vscode.Diagnostic(new vscode.Range(p.line, 0, p.line, 0), `${MARKER_MESSAGE}: damaged marker — ${p.reason}`, vscode.DiagnosticSeverity.Warning);
        d.source = 'Beacon Debug';
        d.code = p.step;
        diags.push(d);
      }
      this.collection.set(f.uri, diags);
    }
  }

  dispose(): void {
    this.sub.dispose();
    this.collection.dispose();
  }
}
