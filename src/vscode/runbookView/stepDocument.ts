import * as vscode from 'vscode';
import { allSteps } from '../../runbook/steps';
import type { Runbook } from '../../runbook/schema';
import { stepMarkdown } from '../../runbook/stepMarkdown';

export const STEP_SCHEME = 'beacon-debug-step';

/** Read-only markdown documents holding a step's full text (`beacon-debug-step:/0.1.md`). */
export class StepDocumentProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly getRunbook: () => Runbook) {}

  static uriFor(stepId: string): vscode.Uri {
    return vscode.Uri.from({ scheme: STEP_SCHEME, path: `/${stepId}.md` });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = uri.path.replace(/^\//, '').replace(/\.md$/, '');
    const rb = this.getRunbook();
    const step = allSteps(rb).find((s) => s.id === id);
    if (!step) return `# Unknown step ${id}\n\nThe runbook has no step with this id.\n`;
    return stepMarkdown(rb, step);
  }
}
