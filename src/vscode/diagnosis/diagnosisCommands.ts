import * as vscode from 'vscode';
import type { CommandFactory } from '../services';

/** Diagnose, apply a fix, jump from evidence to its step. */
export const diagnosisCommands: CommandFactory = (s) => {
  const view = s.diagnosisView;
  return {
    'beaconDebug.diagnose': async () => {
      const r = await s.runs.diagnose();
      if (!r) return undefined;
      // the run joined its environment's session, whose one diagnosis the views show
      await vscode.commands.executeCommand('beaconDebug.diagnosis.focus');
      return (s.sessions.of(r.outcome.environment).diagnosis ?? r.diagnosis).rootCause.id;
    },

    'beaconDebug.diagnoseLogFile': async () => {
      const uri = await s.prompts.openFile({
        title: 'Beacon Debug: Diagnose from Log File…',
        openLabel: 'Diagnose',
        filters: { 'Saved logs': ['log', 'txt', 'json', 'jsonl', 'ndjson', 'beaconlog'], 'All files': ['*'] },
      });
      if (!uri) return undefined;
      const { diagnoseLogFiles } = require('./logFileDiagnosis') as typeof import('./logFileDiagnosis');
      return diagnoseLogFiles(s, [uri]);
    },

    'beaconDebug.applyFix': async (fixId: unknown) => {
      let id = typeof fixId === 'string' ? fixId : view.current?.fix?.id;
      if (!id) {
        const picked = await s.prompts.pick(
          s.runbook().fixes.filter((f) => f.kind === 'command').map((f) => ({ label: f.id, description: f.title })),
          { placeHolder: 'Apply which fix?' },
        );
        id = picked?.label;
      }
      if (!id) return undefined;
      return s.results.api.applyFix(id);
    },

    'beaconDebug.revealStep': async (stepId: unknown) => {
      if (typeof stepId !== 'string' || !stepId) return;
      const node = s.tree.nodeForStep(stepId) ?? (expandAll(s.tree), s.tree.nodeForStep(stepId));
      if (node) await s.treeView.reveal(node, { select: true, focus: false, expand: true });
      await vscode.commands.executeCommand('beaconDebug.openStep', stepId);
    },
  };
};

/** Walks the tree once so that every step node exists for reveal(). */
function expandAll(tree: { getChildren(n?: never): unknown[] }): void {
  for (const g of tree.getChildren()) (tree.getChildren as (n: unknown) => unknown[])(g);
}
