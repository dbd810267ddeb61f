/** A runbook that failed to load; `issues` name the path of every bad field. */
export class RunbookError extends Error {
  constructor(readonly source: string, readonly issues: { path: string; message: string }[]) {
    super(`Invalid runbook ${source}:\n` + issues.map((i) => `  at ${i.path || '(root)'}: ${i.message}`).join('\n'));
    this.name = 'RunbookError';
  }
}
