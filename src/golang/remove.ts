import type { Node, Tree } from 'web-tree-sitter';
import { fileImports, importDeclLines } from './imports';
import { beginMarker, endMarker, GOFMT_PREFIX, scanMarkers, WAS_PREFIX, type MarkerBlock } from './markers';
import { STEP_IDS, type StepId } from './steps';
import { field } from './syntax';
import type { TextEdit } from './textEdits';
import { eolAt, isBlankLine, leadingWhitespace, lineStart, nextLineStart, renderLines } from './textStyle';

export interface RemovePlan {
  edits: TextEdit[];
  removed: StepId[];
  skipped: { step: string; reason: string }[];
}

interface Cut {
  block: MarkerBlock;
  start: number;
  end: number;
  /** replacement text (the original result list for a signature block) */
  text: string;
  imports: boolean;
}

function cutFor(block: MarkerBlock, text: string): Cut | { reason: string } {
  const parent = block.begin.parent;
  if (parent?.type === 'parameter_list') {
    // a result list the step named: put back the text it replaced
    const func = parent.parent;
    if (!func || !['function_declaration', 'method_declaration'].includes(func.type) || field(func, 'result')?.startIndex !== parent.startIndex) {
      return { reason: `block on line ${block.begin.startPosition.row + 1} sits in a parameter list that is not a result list` };
    }
    const was = parent.namedChildren.find((n) => n?.type === 'comment' && n.text.startsWith(WAS_PREFIX));
    if (!was) return { reason: `result list on line ${parent.startPosition.row + 1} lacks its "${WAS_PREFIX}…" line` };
    // A `gofmt` line is there when the original was not formatted: once gofmt has re-indented the
    // `was` line (dropping the space insertion put before it), the formatted spelling is the one to restore.
    const formatted = parent.namedChildren.find((n) => n?.type === 'comment' && n.text.startsWith(GOFMT_PREFIX));
    const source = formatted && !leadingWhitespace(text, was.startIndex).endsWith(' ') ? formatted : was;
    const prefix = source === was ? WAS_PREFIX : GOFMT_PREFIX;
    let original: unknown;
    try {
      original = JSON.parse(source.text.slice(prefix.length).trimEnd());
    } catch {
      original = undefined;
    }
    if (typeof original !== 'string') return { reason: `unreadable "${prefix}…" line ${source.startPosition.row + 1}` };
    return { block, start: parent.startIndex, end: parent.endIndex, text: original, imports: false };
  }
  let start = lineStart(text, block.begin.startIndex);
  const end = nextLineStart(text, block.end.endIndex);
  const imports = parent?.type === 'source_file';
  if (imports && start > 0) {
    const prev = lineStart(text, start - 1);
    if (isBlankLine(text, prev)) start = prev; // the blank line insertion put before the block
  }
  return { block, start, end, text: '', imports };
}

/** References to package `name` (`name.X` in code or types) outside `[skip]` ranges. */
function referencesOf(root: Node, text: string, name: string, inside: (i: number) => boolean): number[] {
  const out: number[] = [];
  const needle = name + '.';
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    if (inside(i)) continue;
    const n = root.descendantForIndex(i, i + name.length);
    if (!n || n.text !== name || (n.type !== 'identifier' && n.type !== 'package_identifier')) continue;
    const p = n.parent;
    if (!p) continue;
    if ((p.type === 'selector_expression' && field(p, 'operand')?.startIndex === n.startIndex) || p.type === 'qualified_type') out.push(i);
  }
  return out;
}

/**
 * The edits that remove the given steps' blocks (all steps when `steps` is omitted). Restores the
 * text byte for byte when nothing else changed. An import a removed block added is kept when other
 * code still uses it: moved into the block of the step that uses it, or kept unmarked when code
 * outside any block (a user's edit) uses it.
 */
export function planRemoval(text: string, tree: Tree, steps?: Iterable<StepId>): RemovePlan {
  const root = tree.rootNode;
  const scan = scanMarkers(tree, text);
  const wanted = steps ? new Set(steps) : undefined;
  const skipped: RemovePlan['skipped'] = [];
  const damaged = new Set(scan.problems.map((p) => p.step));
  for (const p of scan.problems) if (!wanted || wanted.has(p.step as StepId)) skipped.push({ step: p.step, reason: p.reason });

  const cuts: Cut[] = [];
  const removed = new Set<StepId>();
  for (const b of scan.blocks) {
    if ((wanted && !wanted.has(b.step)) || damaged.has(b.step)) continue;
    const cut = cutFor(b, text);
    if ('reason' in cut) {
      skipped.push({ step: b.step, reason: cut.reason });
      damaged.add(b.step);
      continue;
    }
    cuts.push(cut);
  }
  const kept = cuts.filter((c) => !damaged.has(c.block.step));
  for (const c of kept) removed.add(c.block.step);

  const inCut = (i: number) => kept.some((c) => i >= c.start && i < c.end);
  const remainingBlocks = scan.blocks.filter((b) => !removed.has(b.step));
  const blockAt = (i: number) => remainingBlocks.find((b) => i >= b.begin.startIndex && i < b.end.endIndex);

  const edits: TextEdit[] = [];
  for (const c of kept) {
    if (!c.imports) {
      edits.push({ start: c.start, end: c.end, text: c.text });
      continue;
    }
    // Imports still needed elsewhere move to the step that needs them (or stay, unmarked).
    const moved = new Map<string, { path: string; alias: string | null }[]>();
    for (const spec of fileImports(root)) {
      if (spec.node.startIndex < c.block.begin.startIndex || spec.node.endIndex > c.block.end.endIndex || !spec.localName) continue;
      const refs = referencesOf(root, text, spec.localName, inCut);
      if (!refs.length) continue;
      const owner = refs.map(blockAt).find((b) => b)?.step ?? '';
      const user = refs.some((i) => !blockAt(i));
      const key = user ? '' : owner;
      if (!moved.has(key)) moved.set(key, []);
      moved.get(key)!.push({ path: spec.path, alias: spec.alias });
    }
    const eol = eolAt(text, c.start);
    let replacement = '';
    for (const [owner, specs] of moved) {
      const decl = importDeclLines(specs);
      replacement += owner
        ? renderLines(['', beginMarker(owner as StepId), ...decl, '', endMarker(owner as StepId)], '', '\t', eol)
        : renderLines(['', ...decl], '', '\t', eol);
    }
    edits.push({ start: c.start, end: c.end, text: replacement });
  }
  return { edits, removed: STEP_IDS.filter((s) => removed.has(s)), skipped };
}
