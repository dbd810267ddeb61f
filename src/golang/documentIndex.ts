import type { Edit, Node, Point, Tree } from 'web-tree-sitter';
import { findAnchors } from './anchors';
import { ChunkedText } from './chunkedText';
import { scanMarkers, type MarkerId } from './markers';
import { mayHaveAnchorsOrMarkers, NameOccurrences, type Span } from './nameOccurrences';
import type { GoParser } from './parser';
import { planInsertion } from './insert';
import { collectPackageInfo } from './packageInfo';
import { CROSS_REGION_NOTE, STEP_IDS, STEPS, type AnchorKind, type StepId } from './steps';
import { diffAsEdit } from './textEdits';

/** A content change as VS Code reports it (positions in UTF-16 code units, like tree-sitter's columns). */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/**
 * A document's text as an editor holds it: the length is cheap to ask, the whole text is not
 * (VS Code's TextDocument.getText() joins every line into a new string).
 */
export interface DocumentText {
  readonly length: number;
  getText(): string;
}

export interface LensInfo {
  step: StepId;
  /** `insert-nearest`: insert at the nearest valid point the refusal lens above it names. */
  action: 'insert' | 'insert-nearest' | 'remove' | 'unavailable';
  /** 0-based line the lens sits above. */
  line: number;
  title: string;
  tooltip: string;
}

export interface DocumentModel {
  version: number;
  /** False when the text pre-check found no anchor name and no marker (nothing was parsed). */
  parsed: boolean;
  anchors: { kind: AnchorKind; line: number }[];
  lenses: LensInfo[];
  /** Complete marker blocks, 0-based lines. */
  blocks: { step: MarkerId; beginLine: number; endLine: number }[];
  problems: { step: string; line: number; reason: string }[];
}

export function stepDisplay(step: MarkerId): string {
  return step === 'fix-g' ? 'Fix G' : step;
}

export function stepTooltip(step: StepId): string {
  const info = STEPS[step];
  const path = info.coversCrossRegion
    ? 'Also covers the cross-region path: POST /api/v1/jobs/cross-region calls RunInference directly.'
    : CROSS_REGION_NOTE;
  return `${info.description}\n\n${path}`;
}

/**
 * Why a wiring step (0.3, Fix G) is refused in this file, from the file alone — a name declared in
 * another file of the package is not taken for missing (the command, which reads them, decides).
 */
function wiringRefusal(tree: Tree, text: string, step: StepId): { reason: string; nearest?: number } | undefined {
  const plan = planInsertion(text, tree, step, collectPackageInfo([tree]));
  if (!('skipped' in plan) || !plan.refused || / is not declared /.test(plan.skipped)) return undefined;
  return { reason: plan.skipped, nearest: plan.nearest?.line };
}

/** The entry is the model of `text` at `version` (a document's version alone says so; a string is compared). */
function holds(e: Entry, version: number, text: string | DocumentText): boolean {
  return e.version === version && (typeof text !== 'string' || e.text.equals(text));
}

const EMPTY = (version: number): DocumentModel => ({ version, parsed: false, anchors: [], lenses: [], blocks: [], problems: [] });

function pointAt(text: string, index: number): Point {
  let row = 0;
  let last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    row++;
    last = i;
  }
  return { row, column: index - last - 1 };
}

function endPoint(start: Point, inserted: string): Point {
  const nl = inserted.lastIndexOf('\n');
  if (nl < 0) return { row: start.row, column: start.column + inserted.length };
  let rows = 0;
  for (let i = inserted.indexOf('\n'); i >= 0; i = inserted.indexOf('\n', i + 1)) rows++;
  return { row: start.row + rows, column: inserted.length - nl - 1 };
}

interface Entry {
  version: number;
  text: ChunkedText;
  /** Where the anchor names and the marker prefix occur in `text`. */
  names: NameOccurrences;
  tree: Tree | undefined;
  model: DocumentModel;
  /** Offsets where an edit needs a reparse: anchor functions, marker comments and blocks, the package clause. */
  guarded: { start: number; end: number }[];
}

/** Letters, digits, `_`, blanks: text that cannot open or close a string, comment, block or line. */
const PLAIN = /^[\w \t]*$/;
const NEAR = 48;

/** A version's text and name table, and — when it came from change events — the span they replaced. */
interface Next {
  text: ChunkedText;
  names: NameOccurrences;
  span?: Span;
}

/**
 * Applies change events in order (each against the text the ones before it left; VS Code's batches
 * are in descending order, so that holds for them too). The span covers every change, in the
 * coordinates of the old and the new text. Undefined when a change does not fit the text.
 */
export function applyChanges(text: ChunkedText, changes: readonly TextChange[]): { text: ChunkedText; span: Span } | undefined {
  if (!changes.length) return undefined;
  let lo = Infinity;
  let hi = -Infinity;
  let delta = 0;
  for (const c of changes) {
    const start = c.rangeOffset;
    const oldEnd = start + c.rangeLength;
    const newEnd = start + c.text.length;
    if (start < 0 || c.rangeLength < 0 || oldEnd > text.length) return undefined;
    text = text.replace(start, oldEnd, c.text);
    // the changed region, carried into the coordinates of the text after this change
    hi = lo > hi || hi <= start ? newEnd : hi >= oldEnd ? hi + newEnd - oldEnd : newEnd;
    lo = Math.min(lo, start);
    delta += newEnd - oldEnd;
  }
  return { text, span: { start: lo, oldEnd: hi - delta, newEnd: hi } };
}

function nearAnchorOrMarker(text: ChunkedText, start: number, end: number): boolean {
  const window = text.slice(Math.max(0, start - NEAR), end + NEAR);
  return mayHaveAnchorsOrMarkers(window);
}

/**
 * Per-document syntax trees and lens models, cached by version. A new version is reparsed
 * incrementally (tree.edit + parse with the old tree) from the reported changes, or from a
 * prefix/suffix diff when changes are not known. Texts without anchor names or markers are never
 * parsed — and the parser is not even loaded until one shows up.
 *
 * With change events, one keystroke costs work in proportion to the edit, not to the document
 * (beyond tree-sitter's own reparse): the index keeps the text in pieces and applies the changes to
 * it (so a `DocumentText` is never asked for its whole text), keeps where the anchor names and
 * markers are and searches only around the edit, and looks the anchors up at those positions.
 */
export class GoDocumentIndex {
  private readonly entries = new Map<string, Entry>();
  /** How models were produced (for tests and the benchmark). */
  readonly stats = { parses: 0, incremental: 0, fastPath: 0, preCheckOnly: 0 };

  constructor(private readonly getParser: () => Promise<GoParser>, private readonly maxDocuments = 32) {}

  /**
   * The model of `text` at `version`. `changes` (with `changesFrom`, the version they start from) are
   * the edits since then; they are used only when that is the version this index holds. Given a
   * `DocumentText` and usable changes, the index builds the new text itself and never calls
   * `getText()` — unless the length it arrives at is not the document's.
   */
  async model(key: string, version: number, text: string | DocumentText, changesAsGiven?: readonly TextChange[], changesFrom?: number): Promise<DocumentModel> {
    // a copy: the caller's list may grow while this awaits the parser (the editor's next change
    // arrives), and a later version's change applied to this version's tree shifts its nodes
    const changes = changesAsGiven ? [...changesAsGiven] : undefined;
    const cached = this.entries.get(key);
    if (cached && holds(cached, version, text)) return cached.model;
    const next = this.next(cached, version, text, changes, changesFrom);
    if (!next.names.any) {
      this.stats.preCheckOnly++;
      const model = EMPTY(version);
      this.remember(key, { version, text: next.text, names: next.names, tree: undefined, model, guarded: [] });
      return model;
    }
    if (cached && next.span && changes) {
      const fast = this.fastPath(cached, version, next, changes);
      if (fast) return fast;
    }
    const parser = await this.getParser();
    const again = this.entries.get(key);
    if (again && holds(again, version, text)) return again.model; // raced with ourselves
    const usable = changes && again && changesFrom === again.version ? changes : undefined;
    const tree = this.reparse(parser, again, version, next.text, usable);
    const { model, guarded } = this.compute(tree, next.text, next.names, version);
    this.remember(key, { version, text: next.text, names: next.names, tree, model, guarded });
    return model;
  }

  /** The text and name table of `version`: from the held version and the changes when they fit, else from scratch. */
  private next(prev: Entry | undefined, version: number, text: string | DocumentText, changes?: readonly TextChange[], changesFrom?: number): Next {
    const applied = prev && changes && changesFrom === prev.version && prev.version < version ? applyChanges(prev.text, changes) : undefined;
    if (applied && applied.text.length === text.length) {
      const chunked = typeof text === 'string' ? ChunkedText.from(text) : applied.text;
      return { text: chunked, names: prev!.names.edited(applied.span, chunked), span: applied.span };
    }
    const flat = typeof text === 'string' ? text : text.getText();
    return { text: ChunkedText.from(flat), names: NameOccurrences.scan(flat) };
  }

  /**
   * One edit of plain characters (no newline, no quote, comment or bracket) inside the body of a
   * function that is neither an anchor nor holds a marker, and far from every anchor name and marker,
   * cannot change any lens: the tree is edited (tree.edit) and the reparse is left to the next edit
   * that needs one — tree-sitter applies several edits in one incremental parse.
   */
  private fastPath(entry: Entry, version: number, next: Next, changes: readonly TextChange[]): DocumentModel | undefined {
    if (!entry.tree || changes.length !== 1 || entry.version >= version) return undefined;
    const c = changes[0];
    const start = c.rangeOffset;
    const oldEnd = start + c.rangeLength;
    const removed = entry.text.slice(start, oldEnd);
    if (!PLAIN.test(removed) || !PLAIN.test(c.text)) return undefined;
    if (entry.guarded.some((g) => start <= g.end && oldEnd >= g.start)) return undefined;
    if (nearAnchorOrMarker(entry.text, start, oldEnd) || nearAnchorOrMarker(next.text, start, start + c.text.length)) return undefined;
    let n: Node | null = entry.tree.rootNode.descendantForIndex(start, oldEnd);
    while (n && !(n.type === 'block' && (n.parent?.type === 'function_declaration' || n.parent?.type === 'method_declaration'))) n = n.parent;
    if (!n || start <= n.startIndex || oldEnd >= n.endIndex - 1) return undefined;
    const at: Point = { row: c.start.line, column: c.start.character };
    entry.tree.edit({
      startIndex: start,
      oldEndIndex: oldEnd,
      newEndIndex: start + c.text.length,
      startPosition: at,
      oldEndPosition: { row: c.end.line, column: c.end.character },
      newEndPosition: { row: at.row, column: at.column + c.text.length },
    });
    const delta = c.text.length - c.rangeLength;
    entry.guarded = entry.guarded.map((g) => (g.start >= oldEnd ? { start: g.start + delta, end: g.end + delta } : g));
    entry.text = next.text;
    entry.names = next.names;
    entry.version = version;
    entry.model = { ...entry.model, version };
    this.stats.fastPath++;
    return entry.model;
  }

  /** The syntax tree held for `key` (edited, possibly not yet reparsed after fast-path edits). */
  treeOf(key: string): Tree | undefined {
    return this.entries.get(key)?.tree;
  }

  /** The version this index holds for `key`. */
  versionOf(key: string): number | undefined {
    return this.entries.get(key)?.version;
  }

  /** The cached model, if `version` is the one cached. */
  peek(key: string, version: number): DocumentModel | undefined {
    const e = this.entries.get(key);
    return e && e.version === version ? e.model : undefined;
  }

  forget(key: string): void {
    const e = this.entries.get(key);
    e?.tree?.delete();
    this.entries.delete(key);
  }

  dispose(): void {
    for (const key of [...this.entries.keys()]) this.forget(key);
  }

  private remember(key: string, entry: Entry): void {
    const old = this.entries.get(key);
    if (old && old.tree && old.tree !== entry.tree) old.tree.delete();
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxDocuments) {
      const oldest = this.entries.keys().next().value as string;
      this.forget(oldest);
    }
  }

  private reparse(parser: GoParser, prev: Entry | undefined, version: number, text: ChunkedText, changes?: readonly TextChange[]): Tree {
    const read = (offset: number): string => text.chunkAt(offset);
    if (!prev?.tree || prev.version >= version) {
      this.stats.parses++;
      return parser.parse(read);
    }
    this.stats.incremental++;
    const old = prev.tree;
    if (changes && changes.length) {
      // VS Code reports a batch of changes against the same old text, in descending order.
      for (const c of changes) {
        const start: Point = { row: c.start.line, column: c.start.character };
        const edit: Edit = {
          startIndex: c.rangeOffset,
          oldEndIndex: c.rangeOffset + c.rangeLength,
          newEndIndex: c.rangeOffset + c.text.length,
          startPosition: start,
          oldEndPosition: { row: c.end.line, column: c.end.character },
          newEndPosition: endPoint(start, c.text),
        };
        old.edit(edit);
      }
    } else {
      const before = prev.text.toString();
      const d = diffAsEdit(before, text.toString());
      if (!d) return parser.parse(read, old);
      const start = pointAt(before, d.start);
      old.edit({
        startIndex: d.start,
        oldEndIndex: d.end,
        newEndIndex: d.start + d.text.length,
        startPosition: start,
        oldEndPosition: pointAt(before, d.end),
        newEndPosition: endPoint(start, d.text),
      });
    }
    return parser.parse(read, old);
  }

  private compute(tree: Tree, text: ChunkedText, names: NameOccurrences, version: number): { model: DocumentModel; guarded: Entry['guarded'] } {
    const anchors = findAnchors(tree, text, names);
    const scan = scanMarkers(tree, text, names);
    const guarded: Entry['guarded'] = [
      ...anchors.map((a) => ({ start: a.func.startIndex, end: a.func.endIndex })),
      ...scan.blocks.map((b) => ({ start: b.begin.startIndex, end: b.end.endIndex })),
      ...scan.markers.map((m) => ({ start: m.node.startIndex, end: m.node.endIndex })),
    ];
    for (let n = tree.rootNode.firstNamedChild; n; n = n.nextNamedSibling) {
      if (n.type === 'package_clause') guarded.push({ start: n.startIndex, end: n.endIndex });
      if (n.type !== 'comment') break;
    }
    const blocks = scan.blocks.map((b) => ({ step: b.step, beginLine: b.begin.startPosition.row, endLine: b.end.startPosition.row }));
    const present = new Set(blocks.map((b) => b.step));
    const lenses: LensInfo[] = [];
    const refused: { step: StepId; line: number; reason: string; nearest?: number }[] = [];
    let flat: string | undefined;
    for (const step of STEP_IDS) {
      const anchor = anchors.find((a) => a.kind === STEPS[step].anchor);
      const display = stepDisplay(step);
      // the wiring steps go where the runner is in scope: say so on the lens when there is no such place
      const refusal =
        anchor && !anchor.problem && !present.has(step) && anchor.kind === 'setHybridClient'
          ? wiringRefusal(tree, (flat ??= text.toString()), step)
          : undefined;
      if (present.has(step)) {
        const line = anchor ? anchor.node.startPosition.row : blocks.find((b) => b.step === step)!.beginLine;
        lenses.push({ step, action: 'remove', line, title: `Remove ${display}`, tooltip: `Remove the ${display} instrumentation (every block marked ${step}).` });
      } else if (anchor && refusal) {
        refused.push({ step, line: anchor.node.startPosition.row, ...refusal });
      } else if (anchor && !anchor.problem) {
        lenses.push({ step, action: 'insert', line: anchor.node.startPosition.row, title: `Insert ${display} ${STEPS[step].label}`, tooltip: stepTooltip(step) });
      } else if (anchor?.problem) {
        lenses.push({ step, action: 'unavailable', line: anchor.node.startPosition.row, title: `${display} unavailable`, tooltip: anchor.problem });
      }
    }
    // the offers of a nearest valid point first (short: seen whatever the width), then one lens per
    // reason — steps refused for the same reason share it
    for (const r of refused) {
      if (r.nearest !== undefined) {
        lenses.push({ step: r.step, action: 'insert-nearest', line: r.line, title: `Insert ${stepDisplay(r.step)} at line ${r.nearest} instead`, tooltip: `${r.reason}\n\n${stepTooltip(r.step)}` });
      }
    }
    for (const r of refused) {
      const same = refused.filter((x) => x.line === r.line && x.reason === r.reason);
      if (same[0] !== r) continue;
      const who = same.map((x) => stepDisplay(x.step)).join(', ');
      lenses.push({ step: r.step, action: 'unavailable', line: r.line, title: `${who} cannot go here: ${r.reason}`, tooltip: r.reason });
    }
    return {
      model: {
        version,
        parsed: true,
        anchors: anchors.map((a) => ({ kind: a.kind, line: a.node.startPosition.row })),
        lenses,
        blocks,
        problems: scan.problems,
      },
      guarded,
    };
  }
}
