import type { Tree } from 'web-tree-sitter';
import { findAnchors } from './anchors';
import { ImportResolver, fileImports, importDeclLines, importInsertionPoint } from './imports';
import { beginMarker, endMarker, scanMarkers, WAS_PREFIX } from './markers';
import type { PackageInfo } from './packageInfo';
import { cancellationWatcher } from './snippets/cancellationWatcher';
import { isSkip, type SnippetContext, type SnippetOutcome } from './snippets/context';
import { debugExecutorEndpoint } from './snippets/debugExecutorEndpoint';
import { executorCallTrace } from './snippets/executorCallTrace';
import { hybridExecutorTrace } from './snippets/hybridExecutorTrace';
import { hybridInitLogging } from './snippets/hybridInitLogging';
import { panicRecovery } from './snippets/panicRecovery';
import { runInferenceTrace } from './snippets/runInferenceTrace';
import { ANCHOR_LABEL, STEPS, type StepId } from './steps';
import { field, identifiersIn } from './syntax';
import type { TextEdit } from './textEdits';
import { eolAt, indentUnit, leadingWhitespace, renderLines } from './textStyle';

const SNIPPETS: Record<StepId, (c: SnippetContext) => SnippetOutcome> = {
  '0.3': debugExecutorEndpoint,
  '2.1': panicRecovery,
  '2.2': executorCallTrace,
  '2.3': hybridExecutorTrace,
  '2.4': runInferenceTrace,
  '5.1': cancellationWatcher,
  'fix-g': hybridInitLogging,
};

export type InsertPlan = { step: StepId; edits: TextEdit[] } | { step: StepId; skipped: string };

/**
 * The edits that insert `step` into `text` (whose syntax tree is `tree`), each piece between
 * `// beacon-debug:begin <step>` and `// beacon-debug:end <step>` — including the imports it adds and,
 * when a snippet needs named results, the result list (with the text it replaced, for removal).
 */
export function planInsertion(text: string, tree: Tree, step: StepId, pkg: PackageInfo): InsertPlan {
  const root = tree.rootNode;
  const scan = scanMarkers(tree, text);
  if (scan.blocks.some((b) => b.step === step)) return { step, skipped: 'already inserted' };
  const broken = scan.problems.find((p) => p.step === step);
  if (broken) return { step, skipped: `its markers are damaged: ${broken.reason}` };

  const kind = STEPS[step].anchor;
  const anchor = findAnchors(tree, text).find((a) => a.kind === kind);
  if (!anchor) return { step, skipped: `no ${ANCHOR_LABEL[kind]} in this file` };
  if (anchor.problem) return { step, skipped: `${ANCHOR_LABEL[kind]}: ${anchor.problem}` };
  if (anchor.func.hasError) return { step, skipped: `${ANCHOR_LABEL[kind]} has syntax errors; fix them first` };

  const imports = new ImportResolver(fileImports(root), identifiersIn(anchor.func));
  const ctx: SnippetContext = { text, root, anchor, pkg, imports, taken: identifiersIn(anchor.func), unit: indentUnit(text) };
  const outcome = SNIPPETS[step](ctx);
  if (isSkip(outcome)) return { step, skipped: outcome.skip };

  const edits: TextEdit[] = [];
  const additions = imports.additions();
  if (additions.length) {
    const { at, needsLeadingEol } = importInsertionPoint(root, text);
    const eol = eolAt(text, Math.max(0, at - 1));
    const lines = ['', beginMarker(step), ...importDeclLines(additions), '', endMarker(step)];
    edits.push({ start: at, end: at, text: (needsLeadingEol ? eol : '') + renderLines(lines, '', ctx.unit, eol) });
  }
  if (outcome.nameResults) {
    const result = field(outcome.nameResults.func, 'result');
    if (!result) return { step, skipped: 'the function has no results to name' };
    const eol = eolAt(text, result.startIndex);
    const base = leadingWhitespace(text, outcome.nameResults.func.startIndex);
    const types = paramsText(result);
    const decl = outcome.nameResults.names.map((n, i) => `${n} ${types[i]}`).join(', ') + ',';
    const inner = renderLines([beginMarker(step), WAS_PREFIX + JSON.stringify(result.text), decl, endMarker(step)], base + ctx.unit, ctx.unit, eol);
    edits.push({ start: result.startIndex, end: result.endIndex, text: '(' + eol + inner + base + ')' });
  }
  for (const b of outcome.blocks) {
    const eol = eolAt(text, b.at);
    edits.push({ start: b.at, end: b.at, text: renderLines([beginMarker(step), ...b.lines, endMarker(step)], b.base, ctx.unit, eol) });
  }
  return { step, edits };
}

/** The type texts of an unnamed result list (`T` or `(T1, T2)`). */
function paramsText(result: NonNullable<ReturnType<typeof field>>): string[] {
  if (result.type !== 'parameter_list') return [result.text];
  return result.namedChildren
    .filter((n) => n !== null && n.type === 'parameter_declaration')
    .map((n) => field(n!, 'type')!.text);
}
