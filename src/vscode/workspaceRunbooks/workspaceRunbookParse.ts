/**
 * The heavy half of workspace runbooks, loaded on first use (after activation): parsing and
 * validating a runbook file (YAML / JSON through zod, or a markdown plan through the importer),
 * the zod error paths mapped to the YAML node's range, and lint against a folder's Go code.
 */
import * as path from 'node:path';
import { scanGoTree } from '../../golang/codeFacts';
import { loadGoParser, wasmPathsIn } from '../../golang/parser';
import { lintRunbook, type LintFinding } from '../../golang/runbookLint';
import { importMarkdownRunbook, NothingToImportError } from '../../runbook/import/importMarkdown';
import { MarkdownInputError } from '../../runbook/import/markdownBlocks';
import { parseRunbook } from '../../runbook/load';
import { RunbookError } from '../../runbook/runbookError';
import { isMarkdownFile } from '../../runbook/runbookFile';
import type { Runbook } from '../../runbook/schema';
import { allSteps } from '../../runbook/steps';
import { parseIssuePath, YamlLocator, type TextRange } from '../../runbook/yamlLocations';

export interface LocatedMessage {
  range: TextRange;
  message: string;
}

export function parseWorkspaceRunbook(text: string, file: string): { runbook?: Runbook; problems: { path: string; message: string }[]; diagnostics: LocatedMessage[] } {
  if (isMarkdownFile(file)) {
    try {
      return { runbook: importMarkdownRunbook(text, { source: path.basename(file) }).runbook, problems: [], diagnostics: [] };
    } catch (e) {
      if (!(e instanceof MarkdownInputError || e instanceof NothingToImportError || e instanceof RunbookError)) throw e;
      const problems = e instanceof RunbookError ? e.issues : [{ path: '', message: e.message }];
      return { problems, diagnostics: problems.map((p) => ({ range: { startLine: 0, startCol: 0, endLine: 0, endCol: 0 }, message: p.message })) };
    }
  }
  try {
    return { runbook: parseRunbook(text, file), problems: [], diagnostics: [] };
  } catch (e) {
    if (!(e instanceof RunbookError)) throw e;
    let locator: YamlLocator | undefined;
    try {
      locator = new YamlLocator(text);
    } catch {
      locator = undefined;
    }
    const diagnostics = e.issues.map((i) => ({
      range: locator ? locator.locate(parseIssuePath(i.path)) : { startLine: 0, startCol: 0, endLine: 0, endCol: 0 },
      message: i.path ? `${i.path}: ${i.message}` : i.message,
    }));
    return { problems: e.issues, diagnostics };
  }
}

/** Lint findings, and for the missing ones a warning located at the step in the runbook file. */
export async function lintInFolder(rb: Runbook, folder: string, extensionPath: string, file: string, text: string): Promise<{ findings: LintFinding[]; diagnostics: LocatedMessage[] }> {
  const parser = await loadGoParser(wasmPathsIn(path.join(extensionPath, 'dist')));
  const findings = lintRunbook(parser, rb, scanGoTree(parser, folder), { dir: folder });
  let locator: YamlLocator | undefined;
  if (!isMarkdownFile(file)) {
    try {
      locator = new YamlLocator(text);
    } catch {
      locator = undefined;
    }
  }
  const lines = new Map(allSteps(rb).map((s) => [s.id, s.sourceLine]));
  const diagnostics = findings
    .filter((f) => f.status === 'missing')
    .map((f) => {
      const at = locator?.locateStep(f.step);
      const line = lines.get(f.step);
      const range = at ?? (line ? { startLine: line - 1, startCol: 0, endLine: line - 1, endCol: 200 } : { startLine: 0, startCol: 0, endLine: 0, endCol: 0 });
      return { range, message: `Step ${f.step} relies on the ${f.kind} "${f.name}", which is not in the code${f.addedBy ? ` (step ${f.addedBy} adds it)` : ''}.` };
    });
  return { findings, diagnostics };
}
