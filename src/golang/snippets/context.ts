import type { Node } from 'web-tree-sitter';
import type { Anchor } from '../anchors';
import type { ImportResolver } from '../imports';
import type { PackageInfo } from '../packageInfo';
import type { ScopePoint } from '../scope';

/** A name of the user's code that a snippet's lines refer to, and what it is (for messages). */
export interface Use {
  name: string;
  what: string;
}

/**
 * Code to put at the start of one line (`at`), indented from `base`; template lines use a tab per
 * level. `uses` are the user's names the lines refer to: each must be declared in a scope enclosing
 * `scope` (the point in the syntax tree), or nothing is inserted.
 */
export interface SnippetBlock {
  at: number;
  base: string;
  lines: string[];
  scope: ScopePoint;
  uses: Use[];
}

/** Give the function's results these names (one per flattened result) — marked, restorable. */
export interface NameResults {
  func: Node;
  names: string[];
}

export interface SnippetPlan {
  blocks: SnippetBlock[];
  nameResults?: NameResults;
}

/** No insertion: why; `refused` when the anchor is there but the code cannot go in as it is; a point it could go instead. */
export interface SnippetSkip {
  skip: string;
  refused?: boolean;
  nearest?: { plan: SnippetPlan; where: string };
}

export type SnippetOutcome = SnippetPlan | SnippetSkip;

export function isSkip(o: SnippetOutcome): o is SnippetSkip {
  return 'skip' in o;
}

export interface SnippetContext {
  text: string;
  root: Node;
  anchor: Anchor;
  pkg: PackageInfo;
  imports: ImportResolver;
  /** Identifiers already spelled in the anchor's function: new names avoid them. */
  taken: Set<string>;
  /** The file's indentation step. */
  unit: string;
}
