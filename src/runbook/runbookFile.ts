/**
 * A runbook file of either kind: `.md` plans are imported on the fly (the same importer as
 * `beacon-debug import`), anything else is YAML/JSON in the runbook schema.
 */
import * as fs from 'node:fs';
import { importMarkdownRunbook } from './import/importMarkdown';
import type { ImportReport } from './import/importReport';
import { MarkdownInputError } from './import/markdownBlocks';
import { NothingToImportError } from './import/importMarkdown';
import { loadRunbookFile, RunbookError } from './load';
import type { Runbook } from './schema';
import { errorMessage } from '../shared/errorMessage';

export function isMarkdownFile(file: string): boolean {
  return /\.(md|markdown)$/i.test(file);
}

/** Loads a runbook file; a markdown plan is imported first. Throws `RunbookError`. */
export function loadAnyRunbookFile(file: string): { runbook: Runbook; importReport?: ImportReport } {
  if (!isMarkdownFile(file)) return { runbook: loadRunbookFile(file) };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new RunbookError(file, [{ path: '', message: `cannot read: ${errorMessage(e)}` }]);
  }
  try {
    const { runbook, report } = importMarkdownRunbook(text, { source: file });
    return { runbook, importReport: report };
  } catch (e) {
    if (e instanceof MarkdownInputError || e instanceof NothingToImportError) throw new RunbookError(file, [{ path: '', message: e.message }]);
    throw e;
  }
}
