/**
 * "Export Report": the incident report of a run to a file the user picks, or to the clipboard —
 * both through Prompts. The run's environment's secrets, when this machine has them, are redacted
 * once more on top of what the run already redacted.
 */
import * as vscode from 'vscode';
import { redactorFor } from '../../engine/redact';
import { incidentReport } from '../../report/incidentReport';
import type { RunRecord } from '../../report/runRecord';
import { completeRecord } from '../../report/storedRecord';
import type { Services } from '../services';

export async function reportText(s: Services, record: RunRecord): Promise<string> {
  const env = record.target.name;
  const [adminToken, databaseUrl] = await Promise.all([s.envs.getSecret(env, 'adminToken'), s.envs.getSecret(env, 'databaseUrl')]);
  return incidentReport(s.runbook(), completeRecord(s.runbook(), record), { redactor: redactorFor({ adminToken, databaseUrl }) });
}

export function defaultReportName(record: RunRecord): string {
  const stamp = record.startedAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace(/[^0-9TZ]/g, '');
  return `beacon-incident-${record.target.name}-${stamp}.md`;
}

export async function exportReportToFile(s: Services, record: RunRecord): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = await s.prompts.saveFile({
    title: 'Export Beacon Debug Incident Report',
    saveLabel: 'Export Report',
    filters: { Markdown: ['md'] },
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, defaultReportName(record)) } : {}),
  });
  if (!uri) return undefined;
  const text = await reportText(s, record);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  s.log.info(`incident report of run ${record.id} written to ${uri.toString(true)}`);
  const open = await s.prompts.info(`Beacon Debug: incident report written to ${uri.scheme === 'file' ? uri.fsPath : uri.toString(true)}.`, 'Open Report');
  if (open === 'Open Report') await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}

export async function copyReport(s: Services, record: RunRecord): Promise<string> {
  const text = await reportText(s, record);
  await s.prompts.writeClipboard(text);
  void s.prompts.info('Beacon Debug: incident report copied to the clipboard.');
  return text;
}
