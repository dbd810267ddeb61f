import type { Node } from 'web-tree-sitter';
import type { Anchor } from '../anchors';
import type { ImportResolver } from '../imports';
import type { PackageInfo } from '../packageInfo';

/** Code to put at the start of one line (`at`), indented from `base`; template lines use a tab per level. */
export interface SnippetBlock {
  at: number;
  base: string;
  lines: string[];
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

export type SnippetOutcome = SnippetPlan | { skip: string };

export function isSkip(o: SnippetOutcome): o is { skip: string } {
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
