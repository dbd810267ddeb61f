import type { Tree } from 'web-tree-sitter';
import { findAnchors } from './anchors';
import { ImportResolver, fileImports, importDeclLines, importInsertionPoint } from './imports';
import { GOFMT_PREFIX, renderBlock, scanMarkers, WAS_PREFIX, type MarkerId, type MarkerScan } from './markers';
import type { Anchor } from './anchors';
import type { PackageInfo } from './packageInfo';
import { cancellationWatcher } from './snippets/cancellationWatcher';
import { isSkip, type SnippetContext, type SnippetOutcome, type SnippetPlan } from './snippets/context';
import { packageNames } from './snippets/mainWiring';
import { resolveAt, statementDeclares } from './scope';
import { debugExecutorEndpoint } from './snippets/debugExecutorEndpoint';
import { executorCallTrace } from './snippets/executorCallTrace';
import { hybridExecutorTrace } from './snippets/hybridExecutorTrace';
import { hybridInitLogging } from './snippets/hybridInitLogging';
import { panicRecovery } from './snippets/panicRecovery';
import { runInferenceTrace } from './snippets/runInferenceTrace';
import { ANCHOR_LABEL, isStepId, noAnchorText, STEPS, type StepId } from './steps';
import { declarationsIn, field, GO_BUILTINS, identifiersIn, params } from './syntax';
import type { Node } from 'web-tree-sitter';
import type { TextEdit } from './textEdits';
import { eolAt, indentUnit, leadingWhitespace } from './textStyle';

const SNIPPETS: Record<StepId, (c: SnippetContext) => SnippetOutcome> = {
  '0.3': debugExecutorEndpoint,
  '2.1': panicRecovery,
  '2.2': executorCallTrace,
  '2.3': hybridExecutorTrace,
  '2.4': runInferenceTrace,
  '5.1': cancellationWatcher,
  'fix-g': hybridInitLogging,
};

export type InsertPlan =
  | { step: MarkerId; edits: TextEdit[] }
  | { step: MarkerId; skipped: string; refused?: boolean; nearest?: { edits: TextEdit[]; line: number; where: string } };

/**
 * The edits that insert `step` into `text` (whose syntax tree is `tree`), each piece between
 * `// beacon-debug:begin <step>` and `// beacon-debug:end <step>` — including the imports it adds and,
 * when a snippet needs named results, the result list (with the text it replaced, for removal).
 */
export function planInsertion(text: string, tree: Tree, step: StepId, pkg: PackageInfo): InsertPlan {
  const scan = scanMarkers(tree, text);
  if (scan.blocks.some((b) => b.step === step)) return { step, skipped: 'already inserted' };
  const broken = scan.problems.find((p) => p.step === step);
  if (broken) return { step, skipped: `its markers are damaged: ${broken.reason}` };

  const kind = STEPS[step].anchor;
  const anchor = findAnchors(tree, text).find((a) => a.kind === kind);
  if (!anchor) return { step, skipped: `${noAnchorText(kind)} in this file` };
  if (anchor.problem) return { step, skipped: `${ANCHOR_LABEL[kind]}: ${anchor.problem}` };
  if (anchor.func.hasError) return { step, skipped: `${ANCHOR_LABEL[kind]} has syntax errors; fix them first` };

  return planSnippetAt(text, tree, step, anchor, SNIPPETS[step], pkg, scan);
}

/**
 * The edits that insert `snippet` at `anchor` under the marker id `id` — the machinery every step
 * and the generic traces share: the snippet's blocks, each name it uses checked in scope, the
 * imports it needs (never clashing with a name of the function or the package), named results.
 */
export function planSnippetAt(
  text: string,
  tree: Tree,
  id: MarkerId,
  anchor: Anchor,
  snippet: (c: SnippetContext) => SnippetOutcome,
  pkg: PackageInfo,
  scan: MarkerScan = scanMarkers(tree, text),
): InsertPlan {
  const root = tree.rootNode;
  const step = id;
  const reserved = new Set([...identifiersIn(anchor.func), ...pkg.topLevel]);
  const imports = new ImportResolver(fileImports(root), reserved);
  const ctx: SnippetContext = { text, root, anchor, pkg, imports, taken: identifiersIn(anchor.func), unit: indentUnit(text) };
  const outcome = snippet(ctx);
  if (isSkip(outcome)) {
    const nearest = outcome.nearest ? editsFor(ctx, step, scan, outcome.nearest.plan) : undefined;
    const offer = nearest && 'edits' in nearest ? { edits: nearest.edits, line: lineNumberAt(text, outcome.nearest!.plan.blocks[0].at), where: outcome.nearest!.where } : undefined;
    return { step, skipped: outcome.skip, ...(outcome.refused ? { refused: true } : {}), ...(offer ? { nearest: offer } : {}) };
  }
  const out = editsFor(ctx, step, scan, outcome);
  return 'edits' in out ? { step, edits: out.edits } : { step, skipped: out.skipped, ...(out.refused ? { refused: true } : {}) };
}

function lineNumberAt(text: string, index: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * A name a block uses that is not declared in a scope enclosing the block's point: what it is and,
 * when the function declares it somewhere else, the block that holds that declaration.
 */
function outOfScope(c: SnippetContext, plan: SnippetPlan): string | undefined {
  const names = packageNames(c);
  for (const b of plan.blocks) {
    for (const u of b.uses) {
      if (resolveAt(b.scope, u.name, names)) continue;
      const line = lineNumberAt(c.text, b.at);
      const decl = c.anchor.func.descendantsOfType(['short_var_declaration', 'var_declaration', 'const_declaration']).find((d) => d && statementDeclares(d).includes(u.name));
      const list = decl?.parent?.type === 'statement_list' ? decl.parent : null;
      if (decl && list) {
        return `${u.what} is declared in a block that ends at line ${lineNumberAt(c.text, (list.parent ?? list).endIndex - 1)} (line ${decl.startPosition.row + 1}), not in scope on line ${line} where the code would go`;
      }
      return `${u.what} (${u.name}) is not declared in scope on line ${line} where the code would go`;
    }
  }
  return undefined;
}

/** The edits for a snippet plan: its blocks, the imports it adds and the named results, each marked. */
function editsFor(ctx: SnippetContext, step: MarkerId, scan: MarkerScan, outcome: SnippetPlan): { edits: TextEdit[] } | { skipped: string; refused?: boolean } {
  const { text, root, imports, anchor } = ctx;
  const scope = outOfScope(ctx, outcome);
  if (scope) return { skipped: scope, refused: true };
  const hidden = hiddenNames(anchor.func, outcome.blocks.flatMap((b) => b.lines), imports.namesUsed());
  if (hidden.length) {
    const where = isStepId(step) ? ANCHOR_LABEL[STEPS[step].anchor] : `function ${field(anchor.func, 'name')?.text ?? ''}`;
    return { skipped: `${where} declares its own ${hidden.map((h) => '"' + h + '"').join(', ')}, hiding what the snippet needs` };
  }

  // blocks do not nest: no code goes inside another block (its markers would no longer pair up)
  for (const b of outcome.blocks) {
    const inside = scan.blocks.find((m) => b.at > m.begin.startIndex && b.at <= m.end.startIndex);
    if (inside) return { skipped: `the code would go inside the ${inside.step} block on lines ${inside.begin.startPosition.row + 1}–${inside.end.startPosition.row + 1}`, refused: true };
  }

  const edits: TextEdit[] = [];
  const additions = imports.additions();
  if (additions.length) {
    const marked = scan.blocks.map((b) => ({ start: b.begin.startIndex, end: b.end.endIndex }));
    const { at, needsLeadingEol } = importInsertionPoint(root, text, marked);
    const eol = eolAt(text, Math.max(0, at - 1));
    const block = eol + renderBlock(step, [...importDeclLines(additions), ''], '', ctx.unit, eol);
    edits.push({ start: at, end: at, text: (needsLeadingEol ? eol : '') + block });
  }
  if (outcome.nameResults) {
    const result = field(outcome.nameResults.func, 'result');
    if (!result) return { skipped: 'the function has no results to name' };
    const eol = eolAt(text, result.startIndex);
    const base = leadingWhitespace(text, outcome.nameResults.func.startIndex);
    const types = paramsText(result);
    const decl = outcome.nameResults.names.map((n, i) => `${n} ${types[i]}`).join(', ') + ',';
    const canonical = canonicalResult(result);
    const record =
      canonical === result.text || result.text.includes('\n')
        ? [WAS_PREFIX + JSON.stringify(result.text)]
        : [' ' + WAS_PREFIX + JSON.stringify(result.text), GOFMT_PREFIX + JSON.stringify(canonical)];
    const inner = renderBlock(step, [...record, decl], base + ctx.unit, ctx.unit, eol);
    edits.push({ start: result.startIndex, end: result.endIndex, text: '(' + eol + inner + base + ')' });
  }
  for (const b of outcome.blocks) {
    const eol = eolAt(text, b.at);
    edits.push({ start: b.at, end: b.at, text: renderBlock(step, b.lines, b.base, ctx.unit, eol) });
  }
  return { edits };
}

/** The type texts of an unnamed result list (`T` or `(T1, T2)`). */
function paramsText(result: NonNullable<ReturnType<typeof field>>): string[] {
  if (result.type !== 'parameter_list') return [result.text];
  return result.namedChildren
    .filter((n) => n !== null && n.type === 'parameter_declaration')
    .map((n) => field(n!, 'type')!.text);
}

/** Builtins and package names the generated lines use that the function itself redeclares. */
function hiddenNames(func: Node, lines: readonly string[], packages: ReadonlySet<string>): string[] {
  const declared = declarationsIn(func);
  const code = lines.join('\n');
  const out: string[] = [];
  for (const b of GO_BUILTINS) if (declared.has(b) && new RegExp(`(^|[^.\\w])${b}\\b`).test(code)) out.push(b);
  for (const p of packages) if (declared.has(p)) out.push(p);
  return out;
}

/** gofmt's spelling of a simple type (`* T` → `*T`); other types are left as written. */
function canonicalType(t: string): string {
  const squeezed = t.replace(/\s+/g, '');
  return /^[\w.*[\]]+$/.test(squeezed) ? squeezed : t;
}

/** gofmt's spelling of an unnamed result list: `( *T,error )` → `(*T, error)`. */
function canonicalResult(result: Node): string {
  if (result.type !== 'parameter_list') return canonicalType(result.text);
  const ps = params(result);
  if (ps.some((p) => p.name !== null)) return result.text;
  return '(' + ps.map((p) => canonicalType(p.typeText)).join(', ') + ')';
}
