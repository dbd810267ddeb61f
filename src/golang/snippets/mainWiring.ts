import type { Node } from 'web-tree-sitter';
import { fileImports } from '../imports';
import { childContaining, literalsBetween, resolveAt, type ScopePoint } from '../scope';
import { field, namedChildren, params } from '../syntax';
import { lineEnd } from '../textStyle';
import type { SnippetContext } from './context';

export const GIN_PATH = 'github.com/gin-gonic/gin';
export const ZEROLOG_PATH = 'github.com/rs/zerolog';

/** Where code that observes the hybrid wiring goes: after `wiring`, in `block`, seeing `runners`. */
export interface WiringPoint {
  /** The runner expressions wired before this point: `jr`, `app.runner`. */
  runners: string[];
  /** The statement of `block` that holds their last SetHybridClient call. */
  wiring: Node;
  /** The statement list the code goes into (the one that declares the runner). */
  block: Node;
}

/** Why the wiring cannot be observed where the plan puts the code, and where it could be instead. */
export interface WiringRefusal {
  skip: string;
  refused: true;
  /** A point that sees everything, offered — not taken — because it changes when the code runs. */
  nearest?: { point: WiringPoint; where: string };
}

function lineOf(n: Node): number {
  return n.startPosition.row + 1;
}

/** `jr`, `app.runner`, `s.a.b`: a variable or a chain of fields on one; its leftmost name. */
function runnerRoot(operand: Node): string | null {
  if (operand.type === 'identifier') return operand.text;
  if (operand.type === 'selector_expression') {
    const inner = field(operand, 'operand');
    return inner ? runnerRoot(inner) : null;
  }
  if (operand.type === 'parenthesized_expression') {
    const inner = namedChildren(operand)[0];
    return inner ? runnerRoot(inner) : null;
  }
  return null;
}

/** The statement list of a block node (tree-sitter-go nests statements in one), or the node itself. */
function listOf(n: Node | null): Node | null {
  if (!n) return null;
  if (n.type === 'statement_list') return n;
  return namedChildren(n).find((c) => c.type === 'statement_list') ?? null;
}


/** The outermost statement list between `node` and the construct `outer` (an `if` whose initializer declared the runner, …). */
function outermostListWithin(node: Node, outer: Node): Node | null {
  let last: Node | null = null;
  for (let n = node.parent; n && !(n.startIndex === outer.startIndex && n.endIndex === outer.endIndex); n = n.parent) if (n.type === 'statement_list') last = n;
  return last;
}

/** Names visible package-wide: the package's top-level declarations and this file's imports. */
export function packageNames(c: SnippetContext): Set<string> {
  const out = new Set(c.pkg.topLevel);
  for (const s of fileImports(c.root)) if (s.localName) out.add(s.localName);
  return out;
}

/**
 * The points after the hybrid wiring (the SetHybridClient calls of the anchor's function): for each
 * runner, after the statement that holds its last call, in the block that declares the runner —
 * found by walking the blocks outwards from the call. Runners wired at the same point share it.
 */
export function wiringPoints(c: SnippetContext): WiringPoint[] | WiringRefusal | { skip: string } {
  const calls = c.anchor.calls ?? (c.anchor.call ? [c.anchor.call] : []);
  if (!calls.length) return { skip: 'no SetHybridClient call in main' };
  const names = packageNames(c);
  const lastByRunner = new Map<string, { call: Node; root: string }>();
  for (const call of calls) {
    const operand = field(field(call, 'function')!, 'operand');
    const root = operand ? runnerRoot(operand) : null;
    if (!operand || !root) return { skip: 'SetHybridClient is not called on a variable (or a field of one)' };
    lastByRunner.set(operand.text, { call, root });
  }
  const points: WiringPoint[] = [];
  for (const [runner, { call, root }] of lastByRunner) {
    const decl = resolveAt({ holder: call, offset: call.startIndex }, root, names);
    if (!decl || decl.kind === 'universe') return { skip: `the job runner ${root} is not declared in this package`, refused: true };
    let block: Node | null;
    if (decl.kind === 'local') block = decl.block.type === 'statement_list' ? decl.block : outermostListWithin(call, decl.block);
    else if (decl.kind === 'param') block = outermostListWithin(call, decl.func);
    else block = listOf(field(c.anchor.func, 'body'));
    const wiring = block ? childContaining(block, call) : null;
    if (!block || !wiring) return { skip: `cannot tell which statement holds the SetHybridClient call on line ${lineOf(call)}`, refused: true };
    const literals = literalsBetween(call, wiring);
    if (literals.length) {
      const lit = literals[literals.length - 1];
      const inner = listOf(field(lit, 'body'));
      const innerWiring = inner ? childContaining(inner, call) : null;
      const ends = lineOf(lit) + lit.text.split('\n').length - 1;
      return {
        skip: `SetHybridClient is called on line ${lineOf(call)} inside a function literal (lines ${lineOf(lit)}–${ends}) that may run after line ${ends}; insert it inside that function instead?`,
        refused: true,
        ...(inner && innerWiring ? { nearest: { point: { runners: [runner], wiring: innerWiring, block: inner }, where: 'inside the function literal, after the SetHybridClient call' } } : {}),
      };
    }
    const same = points.find((p) => p.wiring.startIndex === wiring.startIndex && p.block.startIndex === block!.startIndex);
    if (same) same.runners.push(runner);
    else points.push({ runners: [runner], wiring, block });
  }
  return points.sort((a, b) => a.wiring.startIndex - b.wiring.startIndex);
}

/** After `stmt`, in the list that holds it. */
export function pointAfter(stmt: Node): ScopePoint {
  return { holder: stmt.parent ?? stmt, offset: stmt.endIndex };
}

/** Short variable declarations in `scope` whose right side calls into package `pkg` (`logger := zerolog.New(…)`). */
function declarationsUsing(scope: Node, pkg: string, pick: (right: Node) => boolean): { name: string; stmt: Node }[] {
  const out: { name: string; stmt: Node }[] = [];
  for (const s of scope.descendantsOfType('short_var_declaration')) {
    if (!s) continue;
    const left = field(s, 'left');
    const right = field(s, 'right');
    const ids = left ? namedChildren(left) : [];
    if (ids.length !== 1 || ids[0].type !== 'identifier' || !right) continue;
    const usesPkg = right.descendantsOfType('selector_expression').some((x) => x && field(x, 'operand')?.text === pkg);
    if (usesPkg && pick(right)) out.push({ name: ids[0].text, stmt: s });
  }
  return out;
}

/** The zerolog logger visible at `point` (declared in the function before it), if any. */
export function loggerAt(c: SnippetContext, point: ScopePoint): string | undefined {
  const zerolog = fileImports(c.root).find((s) => s.path === ZEROLOG_PATH)?.localName;
  if (!zerolog) return undefined;
  const names = packageNames(c);
  const candidates = declarationsUsing(c.anchor.func, zerolog, () => true).filter((d) => d.stmt.endIndex <= point.offset);
  for (const d of candidates.reverse()) {
    const found = resolveAt(point, d.name, names);
    if (found?.kind === 'local' && found.node.startIndex === d.stmt.startIndex) return d.name;
  }
  // a helper handed the logger: a parameter of type zerolog.Logger (or a pointer to one)
  const param = params(field(c.anchor.func, 'parameters')).find((p) => p.name && p.typeText.replace(/^\*/, '') === `${zerolog}.Logger`);
  if (param?.name && resolveAt(point, param.name, names)?.kind === 'param') return param.name;
  return undefined;
}

/** The gin engine variables of the anchor's function (`r := gin.New()`), in document order. */
export function ginEngines(c: SnippetContext): { name: string; stmt: Node }[] {
  const gin = fileImports(c.root).find((s) => s.path === GIN_PATH)?.localName;
  if (!gin) return [];
  return declarationsUsing(c.anchor.func, gin, (right) => {
    const value = right.namedChildren[0];
    const fn = value?.type === 'call_expression' ? field(value, 'function') : null;
    return fn?.type === 'selector_expression' && field(fn, 'operand')?.text === gin && ['New', 'Default'].includes(field(fn, 'field')?.text ?? '');
  });
}

/** The line a block (statement list) ends on: its closing brace's. */
export function blockEndLine(c: SnippetContext, list: Node): number {
  const holder = list.parent ?? list;
  const end = holder.type === 'block' ? holder.endIndex : list.endIndex;
  return c.text.slice(0, lineEnd(c.text, Math.max(0, end - 1))).split('\n').length;
}
