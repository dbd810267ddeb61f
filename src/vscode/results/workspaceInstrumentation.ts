import * as vscode from 'vscode';
import type { InstrumentationStatus } from '../../report/instrumentationStatus';
import { scanInstrumentation } from '../../report/scanInstrumentation';

/** Debug instrumentation left in the Go files of the workspace's local folders; null without folders. */
export async function findWorkspaceInstrumentation(): Promise<InstrumentationStatus | null> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (!folders.length) return null;
  const scans = await Promise.all(folders.map((f) => scanInstrumentation(f.uri.fsPath, { scope: `workspace folder ${f.name}` })));
  if (scans.length === 1) return scans[0];
  return {
    checkedAt: scans[0].checkedAt,
    scope: `the workspace folders ${folders.map((f) => f.name).join(', ')}`,
    files: scans.flatMap((s, i) => s.files.map((f) => ({ ...f, file: `${folders[i].name}/${f.file}` }))),
    problems: scans.flatMap((s, i) => s.problems.map((p) => `${folders[i].name}: ${p}`)),
  };
}
