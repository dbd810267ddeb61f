import type { Node, Tree } from 'web-tree-sitter';
import { checkBody, normalizeLine } from './blockSum';
import { fileImports, importDeclLines } from './imports';
import { GOFMT_PREFIX, MARKER_IDS, renderBlock, scanMarkers, WAS_PREFIX, type MarkerBlock, type MarkerId } from './markers';
import { field, params } from './syntax';
import type { TextEdit } from './textEdits';
import { eolAt, isBlankLine, leadingWhitespace, lineEnd, lineStart, nextLineStart, renderLines } from './textStyle';

/** A block whose body is not what was inserted: lines someone typed or changed in it. */
export interface EditedBlock {
  step: MarkerId;
  /** 1-based lines of the markers. */
  beginLine: number;
  endLine: number;
  /** The lines that were not inserted (1-based), as they are now. */
  lines: { line: number; text: string }[];
  /** Inserted lines that are gone. */
  missing: number;
  /** Whether "keep my lines" can apply (not to an import block or a result list). */
  canKeep: boolean;
}

/**
 * What removal does with a block someone edited: leave the step alone (the default), remove only
 * the lines it inserted (`keep-my-lines`), or remove it whole (`remove`).
 */
export type EditedPolicy = 'refuse' | 'keep-my-lines' | 'remove';

export interface RemoveOptions {
  edited?: EditedPolicy;
  /** Also remove what cannot be removed as asked (a block whose lines cannot be kept; a `was` line that was edited: the result list comes from the block's declarations). */
  force?: boolean;
}

export interface RemovePlan {
  edits: TextEdit[];
  removed: MarkerId[];
  skipped: { step: string; reason: string }[];
  /** Blocks with foreign lines (whatever the policy did with them). */
  edited: EditedBlock[];
}

interface Cut {
  block: MarkerBlock;
  /** Ranges deleted (whole lines), in order. */
  ranges: { start: number; end: number }[];
  /** For a result list: the text put back in place of the list. */
  replace?: { start: number; end: number; text: string };
  imports: boolean;
}

/** The lines strictly between the markers: [start index, text without terminator]. */
function bodyLines(block: MarkerBlock, text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  const stop = lineStart(text, block.end.startIndex);
  for (let at = nextLineStart(text, block.begin.endIndex); at < stop; at = nextLineStart(text, at)) out.push({ start: at, text: text.slice(at, lineEnd(text, at)) });
  return out;
}

function lineNumber(text: string, index: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The block's foreign lines, when it carries a sum and they exist. */
export function editedBlock(block: MarkerBlock, text: string): EditedBlock | undefined {
  if (!block.sum) return undefined;
  const body = bodyLines(block, text);
  const check = checkBody(body.map((l) => l.text), block.sum);
  if (check.clean || (check.foreign.length === 0 && check.missing === 0)) return undefined;
  // only inserted lines deleted: removing the rest loses nothing of anyone's
  if (check.foreign.length === 0) return undefined;
  const parent = block.begin.parent;
  return {
    step: block.step,
    beginLine: block.begin.startPosition.row + 1,
    endLine: block.end.startPosition.row + 1,
    lines: check.foreign.map((i) => ({ line: lineNumber(text, body[i].start), text: body[i].text })),
    missing: check.missing,
    canKeep: parent?.type !== 'parameter_list' && parent?.type !== 'source_file',
  };
}

/** `12`, `12–14`, `12, 15–16`: the lines, runs joined. */
export function lineRuns(lines: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1) j++;
    out.push(j > i ? `${lines[i]}–${lines[j]}` : `${lines[i]}`);
    i = j;
  }
  return out.join(', ');
}

/**
 * `T` or `(T1, T2)` as the block's own declarations say, and whether the `was` text spells exactly
 * those types (blanks aside): then it holds nothing else — no statement, no comment — to restore.
 */
function resultListCheck(list: Node, was: string): { verified: boolean; canonical: string } {
  const types = params(list).map((p) => p.typeText);
  const canonical = types.length === 1 ? types[0] : `(${types.join(', ')})`;
  const squeezed = normalizeLine(was);
  const inner = types.map(normalizeLine).join(',');
  return { verified: squeezed === `(${inner})` || squeezed === `(${inner},)` || (types.length === 1 && squeezed === inner), canonical };
}

function cutFor(block: MarkerBlock, text: string, force: boolean, keep?: EditedBlock): Cut | { reason: string } {
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
    const check = resultListCheck(parent, typeof original === 'string' ? original : '');
    let restored: string;
    if (typeof original === 'string' && check.verified) restored = original;
    else if (force) restored = check.canonical; // from the block's own declarations, never from the edited line
    else if (typeof original !== 'string') return { reason: `unreadable "${prefix}…" line ${source.startPosition.row + 1}` };
    else {
      return {
        reason: `the "${prefix.trim()}" line ${source.startPosition.row + 1} does not match the result list the block declares (${check.canonical}); it was edited, so it is not restored (--force restores ${check.canonical})`,
      };
    }
    return { block, ranges: [], replace: { start: parent.startIndex, end: parent.endIndex, text: restored }, imports: false };
  }
  let start = lineStart(text, block.begin.startIndex);
  const end = nextLineStart(text, block.end.endIndex);
  const imports = parent?.type === 'source_file';
  if (imports && start > 0) {
    const prev = lineStart(text, start - 1);
    if (isBlankLine(text, prev)) start = prev; // the blank line insertion put before the block
  }
  if (!keep) return { block, ranges: [{ start, end }], imports };
  // keep my lines: the marker lines and the inserted lines go, the foreign lines stay
  const mine = new Set(keep.lines.map((l) => l.line));
  const ranges: { start: number; end: number }[] = [{ start, end: nextLineStart(text, block.begin.endIndex) }];
  for (const l of bodyLines(block, text)) {
    if (mine.has(lineNumber(text, l.start))) continue;
    const r = { start: l.start, end: nextLineStart(text, l.start) };
    const last = ranges[ranges.length - 1];
    if (last.end === r.start) last.end = r.end;
    else ranges.push(r);
  }
  const endLine = { start: lineStart(text, block.end.startIndex), end };
  const last = ranges[ranges.length - 1];
  if (last.end === endLine.start) last.end = endLine.end;
  else ranges.push(endLine);
  return { block, ranges, imports };
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

function describeEdited(e: EditedBlock): string {
  const lines = lineRuns(e.lines.map((l) => l.line));
  const what = e.lines.length === 1 ? `line ${lines} was` : `lines ${lines} were`;
  return `the block on lines ${e.beginLine}–${e.endLine} was edited: ${what} not inserted by Beacon Debug`;
}

/**
 * The edits that remove the given steps' blocks (all steps when `steps` is omitted). Restores the
 * text byte for byte when nothing else changed. A step with a block someone edited (lines typed into
 * it) is left alone unless `options.edited` says to keep those lines or remove them too. An import a
 * removed block added is kept when other code still uses it: moved into the block of the step that
 * uses it, or kept unmarked when code outside any block (a user's edit, kept lines) uses it.
 */
export function planRemoval(text: string, tree: Tree, steps?: Iterable<MarkerId>, options: RemoveOptions = {}): RemovePlan {
  const policy = options.edited ?? 'refuse';
  const root = tree.rootNode;
  const scan = scanMarkers(tree, text);
  const wanted = steps ? new Set(steps) : undefined;
  const skipped: RemovePlan['skipped'] = [];
  const damaged = new Set(scan.problems.map((p) => p.step));
  for (const p of scan.problems) if (!wanted || wanted.has(p.step as MarkerId)) skipped.push({ step: p.step, reason: p.reason });

  const edited: EditedBlock[] = [];
  const editedOf = new Map<MarkerBlock, EditedBlock>();
  for (const b of scan.blocks) {
    if ((wanted && !wanted.has(b.step)) || damaged.has(b.step)) continue;
    const e = editedBlock(b, text);
    if (!e) continue;
    edited.push(e);
    editedOf.set(b, e);
  }
  // a step with an edited block is removed whole or not at all (its blocks use each other's names)
  for (const e of edited) {
    if (damaged.has(e.step)) continue;
    if (policy === 'refuse' || (policy === 'keep-my-lines' && !e.canKeep && !options.force)) {
      const how = policy === 'refuse' ? (e.canKeep ? 'keep my lines, or remove anyway' : 'remove anyway') : 'remove anyway (keep my lines cannot apply to an import block or a result list)';
      skipped.push({ step: e.step, reason: `${describeEdited(e)}; nothing removed for ${e.step} (${how})` });
      damaged.add(e.step);
    }
  }

  const cuts: Cut[] = [];
  const removed = new Set<MarkerId>();
  for (const b of scan.blocks) {
    if ((wanted && !wanted.has(b.step)) || damaged.has(b.step)) continue;
    const mine = editedOf.get(b);
    const keep = policy === 'keep-my-lines' && mine?.canKeep ? mine : undefined;
    const cut = cutFor(b, text, policy === 'remove' || !!options.force, keep);
    if ('reason' in cut) {
      skipped.push({ step: b.step, reason: cut.reason });
      damaged.add(b.step);
      continue;
    }
    cuts.push(cut);
  }
  const kept = cuts.filter((c) => !damaged.has(c.block.step));
  for (const c of kept) removed.add(c.block.step);

  const inCut = (i: number) => kept.some((c) => c.ranges.some((r) => i >= r.start && i < r.end));
  const remainingBlocks = scan.blocks.filter((b) => !removed.has(b.step));
  const blockAt = (i: number) => remainingBlocks.find((b) => i >= b.begin.startIndex && i < b.end.endIndex);

  const edits: TextEdit[] = [];
  for (const c of kept) {
    if (c.replace) {
      edits.push(c.replace);
      continue;
    }
    if (!c.imports) {
      for (const r of c.ranges) edits.push({ start: r.start, end: r.end, text: '' });
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
    const { start, end } = c.ranges[0];
    const eol = eolAt(text, start);
    let replacement = '';
    for (const [owner, specs] of moved) {
      const decl = importDeclLines(specs);
      replacement += owner ? eol + renderBlock(owner as MarkerId, [...decl, ''], '', '\t', eol) : renderLines(['', ...decl], '', '\t', eol);
    }
    edits.push({ start, end, text: replacement });
  }
  return { edits, removed: MARKER_IDS.filter((s) => removed.has(s)), skipped, edited };
}
