import type { Node } from 'web-tree-sitter';
import { field, fields, namedChildren, params } from './syntax';

/*
 * Go's block scopes, as far as inserted code needs them: is a name declared — in a block enclosing
 * a point, before that point (or as a parameter, an initializer's variable, a package-level name) —
 * and where. Walks the blocks from the point outwards, as the compiler resolves a name.
 */

/** Where a name visible at a point was declared. */
export type Declaration =
  | { kind: 'local'; node: Node; block: Node }
  | { kind: 'param'; node: Node; func: Node }
  | { kind: 'package' }
  | { kind: 'universe' };

const UNIVERSE = new Set([
  'true', 'false', 'nil', 'iota', 'append', 'cap', 'close', 'complex', 'copy', 'delete', 'imag', 'len', 'make', 'new', 'panic',
  'print', 'println', 'real', 'recover', 'any', 'bool', 'byte', 'comparable', 'complex64', 'complex128', 'error', 'float32',
  'float64', 'int', 'int8', 'int16', 'int32', 'int64', 'rune', 'string', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr',
]);

function leftNames(n: Node | null): string[] {
  if (!n) return [];
  const list = n.type === 'expression_list' ? namedChildren(n) : [n];
  return list.filter((x) => x.type === 'identifier').map((x) => x.text);
}

/** Names a statement declares in the block that holds it. */
export function statementDeclares(stmt: Node): string[] {
  switch (stmt.type) {
    case 'short_var_declaration':
      return leftNames(field(stmt, 'left'));
    case 'var_declaration':
    case 'const_declaration': {
      const out: string[] = [];
      for (const spec of stmt.descendantsOfType(['var_spec', 'const_spec'])) if (spec) for (const n of fields(spec, 'name')) out.push(n.text);
      return out;
    }
    case 'type_declaration':
      return namedChildren(stmt)
        .filter((s) => s.type === 'type_spec' || s.type === 'type_alias')
        .map((s) => field(s, 'name')?.text)
        .filter((x): x is string => !!x);
    case 'labeled_statement': {
      const inner = namedChildren(stmt).find((c) => c.type !== 'label_name');
      return inner ? statementDeclares(inner) : [];
    }
    default:
      return [];
  }
}

/** Names declared at a function's top level of a package (functions, types, vars, consts) and its imports. */
export function packageLevelNames(root: Node): Set<string> {
  const out = new Set<string>();
  for (const d of namedChildren(root)) {
    if (d.type === 'function_declaration') {
      const n = field(d, 'name')?.text;
      if (n) out.add(n);
    } else for (const n of statementDeclares(d)) out.add(n);
  }
  return out;
}

/** A simple statement's names when it is a `:=` (if / for / switch initializers, range, select). */
function initializerNames(n: Node | null): string[] {
  if (!n) return [];
  if (n.type === 'short_var_declaration') return leftNames(field(n, 'left'));
  if (n.type === 'range_clause' || n.type === 'receive_statement') return n.children.some((c) => c?.type === ':=') ? leftNames(field(n, 'left')) : [];
  return [];
}

/** A place for code: at `offset`, in `holder` (the statement list or block the code goes into). */
export interface ScopePoint {
  holder: Node;
  offset: number;
}

/**
 * Where `name`, used at `point`, is declared — or undefined when nothing declares it there.
 * `packageNames` are the package's top-level names (all its files) and the file's imports.
 */
export function resolveAt(point: ScopePoint, name: string, packageNames: ReadonlySet<string>): Declaration | undefined {
  const offset = point.offset;
  for (let n: Node | null = point.holder; n; n = n.parent) {
    switch (n.type) {
      case 'statement_list': {
        let found: Node | undefined;
        for (const s of namedChildren(n)) {
          if (s.endIndex > offset) break;
          if (statementDeclares(s).includes(name)) found = s;
        }
        if (found) return { kind: 'local', node: found, block: n };
        break;
      }
      case 'if_statement':
      case 'expression_switch_statement':
      case 'type_switch_statement': {
        const init = field(n, 'initializer');
        if (init && init.endIndex <= offset && initializerNames(init).includes(name)) return { kind: 'local', node: init, block: n };
        if (n.type === 'type_switch_statement') {
          const alias = field(n, 'alias') ?? namedChildren(n).find((c) => c.type === 'expression_list' && c.nextSibling?.type === ':=');
          if (alias && alias.endIndex <= offset && leftNames(alias).includes(name)) return { kind: 'local', node: alias, block: n };
        }
        break;
      }
      case 'for_statement': {
        const clause = namedChildren(n).find((c) => c.type === 'for_clause' || c.type === 'range_clause');
        const init = clause?.type === 'for_clause' ? field(clause, 'initializer') : clause;
        if (clause && clause.endIndex <= offset && initializerNames(init ?? null).includes(name)) return { kind: 'local', node: clause, block: n };
        break;
      }
      case 'communication_case': {
        const comm = field(n, 'communication');
        if (comm && comm.endIndex <= offset && initializerNames(comm).includes(name)) return { kind: 'local', node: comm, block: n };
        break;
      }
      case 'func_literal':
      case 'function_declaration':
      case 'method_declaration': {
        const body = field(n, 'body');
        if (body && offset > body.startIndex) {
          const all = [...params(field(n, 'receiver')), ...params(field(n, 'parameters')), ...params(field(n, 'result'))];
          const p = all.find((x) => x.name === name);
          if (p) return { kind: 'param', node: p.nameNode!, func: n };
        }
        break;
      }
      default:
        break;
    }
  }
  if (packageNames.has(name)) return { kind: 'package' };
  if (UNIVERSE.has(name)) return { kind: 'universe' };
  return undefined;
}

/** The direct child of `list` that contains `node`. */
export function childContaining(list: Node, node: Node): Node | null {
  for (const s of namedChildren(list)) if (s.startIndex <= node.startIndex && node.endIndex <= s.endIndex) return s;
  return null;
}

/** The function literals between `node` and `outer` (exclusive), innermost first. */
export function literalsBetween(node: Node, outer: Node): Node[] {
  const out: Node[] = [];
  for (let n = node.parent; n && n.startIndex >= outer.startIndex && !(n.startIndex === outer.startIndex && n.endIndex === outer.endIndex); n = n.parent) {
    if (n.type === 'func_literal') out.push(n);
  }
  return out;
}
