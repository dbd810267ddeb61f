import * as vscode from 'vscode';
import { diagnoseSavedLogs, SAVED_LOGS_TARGET, SavedLogError } from '../../diagnosis/savedLogs';
import { incidentReport } from '../../report/incidentReport';
import { recordFromRun } from '../../report/recordFromRun';
import type { Services } from '../services';

/**
 * *Beacon Debug: Diagnose from Log File…*: a post-mortem from saved logs alone, opened as a markdown
 * incident report (the same report as a live run's) that ends with the live checks that would
 * confirm it. Reading a file runs nothing, so Restricted Mode allows it.
 */
export async function diagnoseLogFiles(s: Services, uris: readonly vscode.Uri[]): Promise<string | undefined> {
  const started = new Date().toISOString();
  let r: ReturnType<typeof diagnoseSavedLogs>;
  try {
    r = diagnoseSavedLogs(s.runbook(), uris.map((u) => u.fsPath));
  } catch (e) {
    if (!(e instanceof SavedLogError)) throw e;
    await s.prompts.error(`Beacon Debug: ${e.message}`);
    return undefined;
  }
  const names = r.logs.map((l) => vscode.workspace.asRelativePath(l.file)).join(', ');
  const record = recordFromRun({
    runbook: s.runbook(),
    target: SAVED_LOGS_TARGET,
    request: { label: `Diagnosis from saved logs: ${names}` },
    outcome: { startedAt: started, finishedAt: new Date().toISOString(), results: r.results, facts: r.facts, preflight: [], cancelled: false },
    diagnosis: r.diagnosis,
    instrumentation: null,
  });
  const logs = r.logs.map((l) => `- \`${vscode.workspace.asRelativePath(l.file)}\`: ${l.format}, the ${l.source}'s`).join('\n');
  const confirm = r.confirmLive.length
    ? r.confirmLive.map((c) => `- ${c.step} — ${c.title}`).join('\n')
    : '- nothing: the logs answered every question the decision tree asked';
  const text = `${incidentReport(s.runbook(), record)}\n## From saved logs alone\n\n${logs}\n\nNothing was run against any environment. Confirm it live with:\n\n${confirm}\n`;
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  await vscode.window.showTextDocument(doc, { preview: true });
  return r.diagnosis.rootCause.id;
}
