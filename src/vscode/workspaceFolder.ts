import * as path from 'node:path';
import * as vscode from 'vscode';

/** The folder Build and Deploy work in: the active editor's workspace folder, else the first one. */
export function workspaceFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)?.uri) ?? vscode.workspace.workspaceFolders?.[0]?.uri;
}

export function isIn(folder: vscode.Uri, uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && uri.fsPath.startsWith(folder.fsPath.replace(/[\\/]$/, '') + path.sep);
}

/** Saves the folder's unsaved Go files (go and flyctl read the disk, as a VS Code task would save first); returns the ones that could not be saved. */
export async function saveGoFiles(folder: vscode.Uri): Promise<string[]> {
  const failed: string[] = [];
  for (const d of vscode.workspace.textDocuments) {
    // by name, not languageId: a document just opened may not have its language yet
    if (d.isDirty && d.uri.path.endsWith('.go') && isIn(folder, d.uri) && !(await d.save())) failed.push(path.relative(folder.fsPath, d.uri.fsPath));
  }
  return failed;
}
