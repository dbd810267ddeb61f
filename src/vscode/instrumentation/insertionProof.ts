import * as path from 'node:path';
import * as vscode from 'vscode';
import { runCaptured } from '../../engine/probes/capturedCommand';
import { InsertionProver, type Proof } from '../../golang/proofBuild';

/**
 * The proof before an insertion, in the editor: the package of `doc` is built (go build -overlay)
 * with the document's text and with `after`, unsaved Go documents of the same folder as they are in
 * their editors; nothing is written. A cancellable notification shows while go runs (a child process:
 * the extension host goes on). Not in Restricted Mode, not for a document that is not on disk.
 */
export async function proveInsertion(doc: vscode.TextDocument, after: string, what: string, log: vscode.LogOutputChannel): Promise<Proof> {
  if (!vscode.workspace.isTrusted) return { kind: 'not-compiled', reason: 'go build does not run in Restricted Mode (the workspace is not trusted)', ms: 0 };
  if (doc.uri.scheme !== 'file') return { kind: 'not-compiled', reason: 'the file is not saved on disk', ms: 0 };
  const dir = path.dirname(doc.uri.fsPath);
  const others = new Map<string, string>();
  for (const d of vscode.workspace.textDocuments) {
    if (d.uri.scheme === 'file' && d.isDirty && d.uri.fsPath !== doc.uri.fsPath && path.dirname(d.uri.fsPath) === dir && d.uri.fsPath.endsWith('.go')) others.set(d.uri.fsPath, d.getText());
  }
  const proof = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Beacon Debug: building ${what} before inserting it (go build -overlay)…`, cancellable: true },
    (_p, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return new InsertionProver({ run: runCaptured, env: process.env, signal: abort.signal }).prove(doc.uri.fsPath, doc.getText(), after, others);
    },
  );
  log.info(`proof of ${what} in ${doc.uri.fsPath}: ${proof.kind}${'reason' in proof ? ` (${proof.reason})` : ''}${'message' in proof ? ` (${proof.message})` : ''} in ${Math.round(proof.ms)} ms`);
  return proof;
}
