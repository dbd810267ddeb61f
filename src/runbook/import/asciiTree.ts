/**
 * ASCII decision trees as plans draw them:
 *
 *   Question?
 *   │
 *   ├─ Check A
 *   │  ├─ "x" → cause
 *   │  │   └─ Fix: …
 *   └─ Check B
 *
 * A line's depth is the column of its `├─` / `└─` glyph; its parent is the nearest line above with a
 * smaller column. Lines of only `│` are spacing. Anything else after the root (a text line with no
 * glyph, a glyph with no parent) means the drawing is not a tree this parser understands.
 */

export interface AsciiTreeNode {
  text: string;
  /** 0-based index of the line in the block. */
  line: number;
  children: AsciiTreeNode[];
}

export interface AsciiTreeParse {
  root?: AsciiTreeNode;
  nodes: number;
  /** Why the drawing is not a tree, when it is not. */
  problem?: string;
}

const BRANCH = /[├└]/;
export const TREE_LIMITS = { maxNodes: 5000, maxDepth: 200 } as const;

/** True when the lines draw a tree with the box-drawing glyphs. */
export function looksLikeAsciiTree(lines: readonly string[]): boolean {
  return lines.some((l) => /[├└]─/.test(l));
}

export function parseAsciiTree(lines: readonly string[]): AsciiTreeParse {
  let root: AsciiTreeNode | undefined;
  // columns of open nodes, innermost last
  const stack: { col: number; node: AsciiTreeNode }[] = [];
  let nodes = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^[\s│|]*$/.test(line)) continue;
    const m = BRANCH.exec(line);
    if (!root) {
      if (m) return { nodes, problem: `line ${i + 1}: a branch before the tree's root` };
      root = { text: line.trim(), line: i, children: [] };
      stack.push({ col: -1, node: root });
      nodes++;
      continue;
    }
    if (!m) return { nodes, problem: `line ${i + 1}: text that is not a branch ("${line.trim().slice(0, 60)}")` };
    const before = line.slice(0, m.index);
    if (!/^[\s│|]*$/.test(before)) return { nodes, problem: `line ${i + 1}: text before the branch glyph` };
    const col = Array.from(before).length;
    const text = line.slice(m.index + 1).replace(/^[─—\-]+/, '').trim();
    while (stack.length && stack[stack.length - 1].col >= col) stack.pop();
    const parent = stack[stack.length - 1];
    if (!parent) return { nodes, problem: `line ${i + 1}: a branch with no parent` };
    if (stack.length > TREE_LIMITS.maxDepth) return { nodes, problem: `deeper than ${TREE_LIMITS.maxDepth} levels` };
    if (++nodes > TREE_LIMITS.maxNodes) return { nodes, problem: `more than ${TREE_LIMITS.maxNodes} nodes` };
    const node: AsciiTreeNode = { text, line: i, children: [] };
    parent.node.children.push(node);
    stack.push({ col, node });
  }
  if (!root) return { nodes, problem: 'no root line' };
  if (root.children.length === 0) return { root, nodes, problem: 'a root without branches' };
  return { root, nodes };
}
