/**
 * "Show all" for a check's output: a read-only editor tab (scheme `beacon-debug-output`) with the
 * whole stored output, cleaned of terminal control sequences, in the runner-log language. An
 * editor handles megabytes of text that a webview should not have to draw.
 */
import * as vscode from 'vscode';
import { inertText } from '../../shared/inertText';
import type { RunHistory } from '../../report/runHistory';

export const OUTPUT_SCHEME = 'beacon-debug-output';

export function outputUri(runId: string, step: string, check: string): vscode.Uri {
  return vscode.Uri.from({ scheme: OUTPUT_SCHEME, path: `/${runId}/${step}/${check}.beaconlog` });
}

export class OutputDocumentProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly history: () => RunHistory) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const m = /^\/([^/]+)\/([^/]+)\/([^/]+)\.beaconlog$/.exec(uri.path);
    if (!m) return `Not a Beacon Debug output: ${uri.toString()}`;
    const [, runId, step, check] = m;
    const record = await this.history().load(runId).catch(() => undefined);
    const c = record?.steps.find((s) => s.id === step)?.checks.find((x) => x.id === check);
    if (!record || !c) return `The output of ${step}/${check} in run ${runId} is no longer in the history.`;
    return `# ${step} — ${c.label}: ${c.verdict} (${record.target.name}, run ${runId})\n# $ ${c.command}\n\n${inertText(c.output)}`;
  }
}
