import type { Node } from 'web-tree-sitter';

/** Small, allocation-light helpers over tree-sitter-go nodes. */

export function field(node: Node, name: string): Node | null {
  return node.childForFieldName(name);
}

export function fields(node: Node, name: string): Node[] {
  return node.childrenForFieldName(name).filter((n): n is Node => n !== null);
}

export function namedChildren(node: Node): Node[] {
  return node.namedChildren.filter((n): n is Node => n !== null);
}

export function ancestor(node: Node, types: readonly string[]): Node | null {
  for (let n = node.parent; n; n = n.parent) if (types.includes(n.type)) return n;
  return null;
}

/** Statements of a block, in order, comments included (tree-sitter-go 0.25 nests them in a statement_list). */
export function blockItems(block: Node): Node[] {
  const list = namedChildren(block).find((c) => c.type === 'statement_list');
  const items = list ? namedChildren(list) : [];
  // comments right after `{` may sit on the block itself
  const loose = namedChildren(block).filter((c) => c.type === 'comment');
  return [...loose, ...items].sort((a, b) => a.startIndex - b.startIndex);
}

/** The base name of a type: `*worker.ExecutionResult` → `ExecutionResult`, `JobRunner[T]` → `JobRunner`. */
export function typeBaseName(type: Node | null): string | null {
  if (!type) return null;
  switch (type.type) {
    case 'type_identifier':
      return type.text;
    case 'pointer_type':
    case 'parenthesized_type':
      return typeBaseName(namedChildren(type)[0] ?? null);
    case 'qualified_type':
      return field(type, 'name')?.text ?? null;
    case 'generic_type':
      return typeBaseName(field(type, 'type'));
    default:
      return null;
  }
}

export interface Param {
  /** null when the parameter is unnamed; `_` stays `_`. */
  name: string | null;
  nameNode: Node | null;
  type: Node;
  typeText: string;
}

/** Flattens `(a, b string, c []byte)` into one entry per parameter. Unnamed lists give one entry per type. */
export function params(list: Node | null): Param[] {
  if (!list) return [];
  if (list.type !== 'parameter_list') return [{ name: null, nameNode: null, type: list, typeText: list.text }];
  const out: Param[] = [];
  for (const decl of namedChildren(list)) {
    if (decl.type !== 'parameter_declaration' && decl.type !== 'variadic_parameter_declaration') continue;
    const type = field(decl, 'type');
    if (!type) continue;
    const names = fields(decl, 'name');
    const typeText = decl.type === 'variadic_parameter_declaration' ? '...' + type.text : type.text;
    if (names.length === 0) out.push({ name: null, nameNode: null, type, typeText });
    for (const n of names) out.push({ name: n.text, nameNode: n, type, typeText });
  }
  return out;
}

/** A usable identifier: named and not blank. */
export function usable(name: string | null | undefined): name is string {
  return !!name && name !== '_';
}

/** Every identifier spelled inside `node` (to pick names that cannot collide). */
export function identifiersIn(node: Node): Set<string> {
  const out = new Set<string>();
  for (const n of node.descendantsOfType(['identifier', 'field_identifier', 'package_identifier', 'type_identifier'])) {
    if (n) out.add(n.text);
  }
  return out;
}

/** `preferred` unless taken, then `preferred2`, `preferred3`… */
export function freshName(preferred: string, taken: Set<string>): string {
  if (!taken.has(preferred)) {
    taken.add(preferred);
    return preferred;
  }
  for (let i = 2; ; i++) {
    const n = `${preferred}${i}`;
    if (!taken.has(n)) {
      taken.add(n);
      return n;
    }
  }
}

/** Names declared by a statement (`a, b := …`, `var a = …`). */
export function declaredNames(stmt: Node): string[] {
  if (stmt.type === 'short_var_declaration') {
    const left = field(stmt, 'left');
    return left ? namedChildren(left).filter((n) => n.type === 'identifier').map((n) => n.text) : [];
  }
  if (stmt.type === 'var_declaration') {
    const out: string[] = [];
    for (const spec of stmt.descendantsOfType('var_spec')) {
      if (spec) for (const n of fields(spec, 'name')) out.push(n.text);
    }
    return out;
  }
  return [];
}

const DECLARING = ['short_var_declaration', 'var_spec', 'const_spec', 'parameter_declaration', 'variadic_parameter_declaration', 'range_clause', 'type_spec'];

/** Every name declared anywhere inside `node` (variables, constants, parameters, local types). */
export function declarationsIn(node: Node): Set<string> {
  const out = new Set<string>();
  for (const d of node.descendantsOfType(DECLARING)) {
    if (!d) continue;
    if (d.type === 'short_var_declaration' || d.type === 'range_clause') {
      if (d.type === 'range_clause' && !d.children.some((c) => c?.type === ':=')) continue;
      const left = field(d, 'left');
      if (left) for (const n of namedChildren(left)) if (n.type === 'identifier') out.add(n.text);
    } else {
      for (const n of fields(d, 'name')) out.add(n.text);
    }
  }
  return out;
}

/** The Go builtins generated code may call. */
export const GO_BUILTINS = ['append', 'cap', 'close', 'copy', 'delete', 'len', 'make', 'new', 'panic', 'recover', 'string'];
