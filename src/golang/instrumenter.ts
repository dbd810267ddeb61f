import type { Tree } from 'web-tree-sitter';
import { findAnchors, mayHaveAnchorsOrMarkers } from './anchors';
import { planInsertion, planSnippetAt } from './insert';
import { scanMarkers, type MarkerId, type TraceId } from './markers';
import { collectPackageInfo, type PackageInfo } from './packageInfo';
import { callAnchor, callSiteTrace, entryExitTrace, functionAnchors } from './snippets/genericTrace';
import type { GoParser } from './parser';
import { editedBlock, planRemoval, type EditedBlock, type RemoveOptions } from './remove';
import { STEP_IDS, type AnchorKind, type StepId } from './steps';
import { applyEdits, type TextEdit } from './textEdits';

export interface Skipped {
  step: string;
  reason: string;
}

/** One step's insertion as planned: its edits, or why not — `refused` when the code is there but cannot take it as it is. */
export type InsertAttempt =
  | { edits: TextEdit[] }
  | {
      skipped: string;
      /** Not merely absent: the anchor is there and the step cannot go in (scope, wiring): worth an exit code. */
      refused?: boolean;
      /** Where it could go instead (not taken unless asked for). */
      nearest?: { edits: TextEdit[]; line: number; where: string };
    };

export interface InsertOutcome {
  text: string;
  inserted: StepId[];
  skipped: Skipped[];
}

export interface RemoveOutcome {
  text: string;
  removed: MarkerId[];
  skipped: Skipped[];
  edited: EditedBlock[];
}

export interface MarkerLine {
  step: string;
  kind: 'begin' | 'end';
  /** 1-based */
  line: number;
}

export interface CheckResult {
  markers: MarkerLine[];
  blocks: { step: MarkerId; beginLine: number; endLine: number }[];
  problems: { step: string; line: number; reason: string }[];
  /** Blocks with lines that were not inserted (typed or changed since). */
  edited: EditedBlock[];
}

/** Insert / remove / check over whole texts: the core the CLI and the VS Code commands share. */
export class GoInstrumenter {
  constructor(private readonly parser: GoParser) {}

  private withTree<T>(text: string, f: (tree: Tree) => T): T {
    const tree = this.parser.parse(text);
    try {
      return f(tree);
    } finally {
      tree.delete();
    }
  }

  /** Edits inserting one step into `text`; `siblings` are the package's other files. */
  planInsert(text: string, step: StepId, siblings: readonly string[] = []): { edits: TextEdit[] } | { skipped: string } {
    const trees = siblings.map((s) => this.parser.parse(s));
    try {
      return this.withTree(text, (tree) => {
        const plan = planInsertion(text, tree, step, collectPackageInfo([tree, ...trees]));
        return 'skipped' in plan ? { skipped: plan.skipped } : { edits: plan.edits };
      });
    } finally {
      for (const t of trees) t.delete();
    }
  }

  /** Like `planInsert`, with the scope refusals and the nearest valid point (taken when `nearest` is set). */
  attemptInsert(text: string, step: StepId, siblings: readonly string[] = [], options: { nearest?: boolean } = {}): InsertAttempt {
    const trees = siblings.map((s) => this.parser.parse(s));
    try {
      return this.withTree(text, (tree) => {
        const plan = planInsertion(text, tree, step, collectPackageInfo([tree, ...trees]));
        if (!('skipped' in plan)) return { edits: plan.edits };
        if (plan.nearest && options.nearest) return { edits: plan.nearest.edits };
        return { skipped: plan.skipped, refused: plan.refused, nearest: plan.nearest };
      });
    } finally {
      for (const t of trees) t.delete();
    }
  }

  /** What snippets learn about a package from its files' texts (struct types, imports, top-level names). */
  packageInfo(texts: readonly string[]): PackageInfo {
    const trees = texts.map((t) => this.parser.parse(t));
    try {
      return collectPackageInfo(trees);
    } finally {
      for (const t of trees) t.delete();
    }
  }

  /**
   * A generic trace (entry/exit, or around the first call statement) in the `index`-th function or
   * method of `text` that has a body — with the steps' machinery. `pkg`: packageInfo() of the package's files.
   */
  planTrace(text: string, id: TraceId, index: number, pkg: PackageInfo): InsertAttempt {
    return this.withTree(text, (tree) => {
      const fn = functionAnchors(tree.rootNode)[index];
      if (!fn) return { skipped: `no function #${index + 1} in this file` };
      if (fn.func.hasError) return { skipped: 'the function has syntax errors', refused: true };
      const scan = scanMarkers(tree, text);
      if (scan.blocks.some((b) => b.step === id && b.begin.startIndex >= fn.func.startIndex && b.end.endIndex <= fn.func.endIndex)) return { skipped: 'already inserted' };
      const marked = scan.blocks.map((b) => ({ start: b.begin.startIndex, end: b.end.endIndex }));
      const anchor = id === 'trace-call' ? callAnchor(fn.func, marked) : fn;
      if (!anchor) return { skipped: 'no call statement to trace' };
      const plan = planSnippetAt(text, tree, id, anchor, id === 'trace-call' ? callSiteTrace : entryExitTrace, pkg, scan);
      return 'edits' in plan ? { edits: plan.edits } : { skipped: plan.skipped, refused: plan.refused };
    });
  }

  /** Inserts the steps one after the other (each on the text the previous one produced). */
  insert(text: string, steps: readonly StepId[] = STEP_IDS, siblings: readonly string[] = [], options: { nearest?: boolean } = {}): InsertOutcome {
    const out: InsertOutcome = { text, inserted: [], skipped: [] };
    for (const step of steps) {
      const plan = this.attemptInsert(out.text, step, siblings, options);
      if ('skipped' in plan) out.skipped.push({ step, reason: plan.skipped });
      else {
        out.text = applyEdits(out.text, plan.edits);
        out.inserted.push(step);
      }
    }
    return out;
  }

  planRemove(text: string, steps?: readonly MarkerId[], options?: RemoveOptions): { edits: TextEdit[]; removed: MarkerId[]; skipped: Skipped[]; edited: EditedBlock[] } {
    if (!text.includes('// beacon-debug:')) return { edits: [], removed: [], skipped: [], edited: [] };
    return this.withTree(text, (tree) => planRemoval(text, tree, steps, options));
  }

  remove(text: string, steps?: readonly MarkerId[], options?: RemoveOptions): RemoveOutcome {
    const plan = this.planRemove(text, steps, options);
    return { text: applyEdits(text, plan.edits), removed: plan.removed, skipped: plan.skipped, edited: plan.edited };
  }

  /** Every marker comment in the file, the complete blocks, and the damaged markers (1-based lines). */
  check(text: string): CheckResult {
    if (!text.includes('// beacon-debug:')) return { markers: [], blocks: [], problems: [], edited: [] };
    return this.withTree(text, (tree) => {
      const scan = scanMarkers(tree, text);
      return {
        markers: scan.markers.map((m) => ({ step: m.step, kind: m.kind, line: m.line + 1 })),
        blocks: scan.blocks.map((b) => ({ step: b.step, beginLine: b.begin.startPosition.row + 1, endLine: b.end.startPosition.row + 1 })),
        problems: scan.problems.map((p) => ({ ...p, line: p.line + 1 })),
        edited: scan.blocks.map((b) => editedBlock(b, text)).filter((e): e is EditedBlock => !!e),
      };
    });
  }

  /** The anchors in `text` (0-based lines), e.g. to open a file at the function a step goes into. */
  anchors(text: string): { kind: AnchorKind; line: number }[] {
    if (!mayHaveAnchorsOrMarkers(text)) return [];
    return this.withTree(text, (tree) => findAnchors(tree, text).map((a) => ({ kind: a.kind, line: a.node.startPosition.row })));
  }

  /** Whether a file is worth parsing at all. */
  static relevant(text: string): boolean {
    return mayHaveAnchorsOrMarkers(text);
  }
}
