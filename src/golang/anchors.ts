import type { Node, Tree } from 'web-tree-sitter';
import type { TextSource } from './chunkedText';
import { occurrences, type NameOccurrences } from './nameOccurrences';
import type { AnchorKind } from './steps';
import { ancestor, blockItems, field, namedChildren, params, typeBaseName } from './syntax';

export { ANCHOR_NAMES, MARKER_PREFIX, mayHaveAnchorsOrMarkers } from './nameOccurrences';

/*
 * Anchors are found by structure: a name is only a candidate position (found with indexOf), and the
 * syntax tree decides whether it is the method, receiver or call the plan means — so names in
 * comments, strings, other receivers or other functions never count.
 */

export interface Anchor {
  /** One of the plan's anchors, or any function (the generic traces). */
  kind: AnchorKind | 'function';
  /** The method/function declaration or the statement holding the call: lenses sit on its first line. */
  node: Node;
  /** The enclosing function or method declaration. */
  func: Node;
  /** For call anchors: the call expression (the last `SetHybridClient` call when there are several). */
  call?: Node;
  /** For call anchors, every matching call in document order. */
  calls?: Node[];
  /** Why code cannot be inserted at this anchor, if it cannot (e.g. the call is not a plain statement). */
  problem?: string;
}

/** One of the plan's anchors. */
export type PlanAnchor = Anchor & { kind: AnchorKind };

function sameNode(a: Node | null, b: Node | null): boolean {
  return !!a && !!b && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;
}

function receiverBase(method: Node): string | null {
  const recv = params(field(method, 'receiver'))[0];
  return recv ? typeBaseName(recv.type) : null;
}

/** A method named `name` on receiver type `recv`, whose name identifier is at `index`. */
function methodNamedAt(root: Node, index: number, name: string, recv: string): Node | null {
  const n = root.descendantForIndex(index, index + name.length);
  if (!n || n.type !== 'field_identifier' || n.text !== name) return null;
  const method = n.parent;
  if (!method || method.type !== 'method_declaration' || !sameNode(field(method, 'name'), n)) return null;
  return receiverBase(method) === recv ? method : null;
}

/** The statement directly holding `call` as its whole right-hand side or expression, if any. */
export function statementOf(call: Node): { stmt: Node | null; problem?: string } {
  let n: Node = call;
  let p = n.parent;
  if (p && p.type === 'expression_list') {
    if (namedChildren(p).length !== 1) return { stmt: null, problem: 'the call is one of several expressions' };
    n = p;
    p = n.parent;
  }
  if (!p) return { stmt: null, problem: 'the call is not in a statement' };
  if (!['short_var_declaration', 'assignment_statement', 'expression_statement'].includes(p.type)) {
    return { stmt: null, problem: `the call sits inside a ${p.type.replace(/_/g, ' ')}, not a plain statement` };
  }
  const holder = p.parent;
  if (!holder || (holder.type !== 'statement_list' && holder.type !== 'block')) {
    return { stmt: null, problem: `the statement holding the call is part of a ${holder?.type.replace(/_/g, ' ') ?? 'nothing'}` };
  }
  return { stmt: p };
}

/** The calls `x.Execute(…)` inside `body` whose operand is a plain identifier, in document order. */
function executeCalls(body: Node, text: TextSource): Node[] {
  const out: Node[] = [];
  const src = text.slice(body.startIndex, body.endIndex);
  for (let i = src.indexOf('Execute'); i >= 0; i = src.indexOf('Execute', i + 'Execute'.length)) {
    const at = body.startIndex + i;
    const name = body.descendantForIndex(at, at + 'Execute'.length);
    if (!name || name.type !== 'field_identifier' || name.startIndex !== at || name.endIndex !== at + 'Execute'.length) continue;
    const sel = name.parent;
    const call = sel?.parent;
    if (!sel || sel.type !== 'selector_expression' || !call || call.type !== 'call_expression') continue;
    if (!sameNode(field(call, 'function'), sel) || field(sel, 'operand')?.type !== 'identifier') continue;
    out.push(call);
  }
  return out;
}

function executorCall(method: Node, text: TextSource): PlanAnchor | null {
  const body = field(method, 'body');
  if (!body) return null;
  const executorParam = params(field(method, 'parameters')).find((p) => (typeBaseName(p.type) ?? '').endsWith('Executor'));
  const candidates = executeCalls(body, text);
  const call =
    candidates.find((c) => field(field(c, 'function')!, 'operand')?.text === executorParam?.name) ?? candidates[0];
  if (!call) return null;
  const { stmt, problem } = statementOf(call);
  return { kind: 'executorCall', node: stmt ?? call, func: method, call, calls: [call], problem };
}

/** The package name, looking only at the first top-level nodes (comments come before the clause). */
function packageName(root: Node): string | null {
  for (let n = root.firstNamedChild; n; n = n.nextNamedSibling) {
    if (n.type === 'package_clause') return n.firstNamedChild?.text ?? null;
    if (n.type !== 'comment') return null;
  }
  return null;
}

/**
 * Every anchor in the file, in document order. `names`, when given, are the positions of the anchor
 * names in `text` (kept up to date by the document index), so the text is not searched again.
 */
export function findAnchors(tree: Tree, text: TextSource, names?: NameOccurrences): PlanAnchor[] {
  const root = tree.rootNode;
  const out: PlanAnchor[] = [];
  const at = (name: string): readonly number[] => (names ? names.of(name) : occurrences(text, name));

  for (const i of at('executeQuestion')) {
    const m = methodNamedAt(root, i, 'executeQuestion', 'JobRunner');
    if (!m) continue;
    out.push({ kind: 'executeQuestion', node: m, func: m });
    const call = executorCall(m, text);
    if (call) out.push(call);
  }

  for (const i of at('RunInference')) {
    const m = methodNamedAt(root, i, 'RunInference', 'Client');
    if (m) out.push({ kind: 'runInference', node: m, func: m });
  }

  const seenHybrid = new Set<number>();
  for (const i of at('HybridExecutor')) {
    const n = root.descendantForIndex(i, i + 'HybridExecutor'.length);
    if (!n || n.type !== 'type_identifier' || n.text !== 'HybridExecutor') continue;
    const list = ancestor(n, ['parameter_list']);
    const method = list?.parent;
    if (!list || !method || method.type !== 'method_declaration' || !sameNode(field(method, 'receiver'), list)) continue;
    if (field(method, 'name')?.text !== 'Execute' || seenHybrid.has(method.startIndex)) continue;
    if (receiverBase(method) !== 'HybridExecutor') continue;
    seenHybrid.add(method.startIndex);
    out.push({ kind: 'hybridExecute', node: method, func: method });
  }

  if (at('SetHybridClient').length && packageName(root) === 'main') {
    // the calls of main() — or, when main wires nothing itself, of the helper that does (a function
    // returning the wired runner); closures inside the function count as the function's
    const byFunc = new Map<number, { fn: Node; calls: Node[] }>();
    for (const i of at('SetHybridClient')) {
      const n = root.descendantForIndex(i, i + 'SetHybridClient'.length);
      if (!n || n.type !== 'field_identifier') continue;
      const sel = n.parent;
      const call = sel?.parent;
      if (!sel || sel.type !== 'selector_expression' || !call || call.type !== 'call_expression') continue;
      if (!sameNode(field(call, 'function'), sel)) continue;
      const fn = ancestor(call, ['function_declaration', 'method_declaration']);
      if (!fn || fn.type !== 'function_declaration') continue;
      const entry = byFunc.get(fn.startIndex) ?? { fn, calls: [] };
      entry.calls.push(call);
      byFunc.set(fn.startIndex, entry);
    }
    const groups = [...byFunc.values()];
    const chosen = groups.find((g) => field(g.fn, 'name')?.text === 'main') ?? groups[0];
    if (chosen) {
      const { fn, calls } = chosen;
      const first = statementOf(calls[0]).stmt ?? calls[0];
      out.push({ kind: 'setHybridClient', node: first, func: fn, call: calls[calls.length - 1], calls });
    }
  }

  return out.sort((a, b) => a.node.startIndex - b.node.startIndex);
}

/** The top-level statement of `func`'s body that contains `node`. */
export function topLevelStatement(func: Node, node: Node): Node | null {
  const body = field(func, 'body');
  if (!body) return null;
  for (const s of blockItems(body)) if (s.startIndex <= node.startIndex && node.endIndex <= s.endIndex) return s;
  return null;
}
