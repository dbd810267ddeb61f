import type { Node } from 'web-tree-sitter';
import type { Anchor } from '../anchors';
import { field, namedChildren } from '../syntax';
import type { SnippetContext, SnippetOutcome } from './context';
import { afterStatement, atBodyTop, beforeStatement, fresh, goString, usesOf } from './goCode';

/*
 * Two traces for any Go function, built by the machinery the plan's steps use (placement, names in
 * scope, imports, markers, removal): an entry/exit trace at the top of the body, and a trace around
 * one call statement. The corpus test puts them into Debian's Go sources to prove that machinery on
 * code nobody here wrote.
 */

/** `pkg.Func` or `pkg.(*T).Method`, for the trace lines. */
function qualifiedName(c: SnippetContext, func: Node): string {
  const pkg = namedChildren(c.root).find((n) => n.type === 'package_clause')?.firstNamedChild?.text ?? '';
  const name = field(func, 'name')?.text ?? 'func';
  const recv = field(func, 'receiver');
  const type = recv ? namedChildren(recv)[0]?.childForFieldName('type')?.text.replace(/\[.*\]$/, '') : undefined;
  return type ? `${pkg}.(${type}).${name}` : `${pkg}.${name}`;
}

/** A `//go:…` directive on the lines right above the function (nosplit, linkname, …): extra calls may break it. */
function directive(func: Node): string | undefined {
  for (let p = func.previousSibling; p && p.type === 'comment'; p = p.previousSibling) {
    const m = /^\/\/go:(\w+)/.exec(p.text);
    if (m && m[1] !== 'build' && m[1] !== 'generate') return m[1];
  }
  return undefined;
}

/** Entry and exit lines for `anchor.func`, on stderr: entry, and (deferred) exit with the time taken. */
export function entryExitTrace(c: SnippetContext): SnippetOutcome {
  const func = c.anchor.func;
  const d = directive(func);
  if (d) return { skip: `the function has a //go:${d} directive: extra calls could break what it promises`, refused: true };
  const place = atBodyTop(c, func);
  if ('skip' in place) return { ...place, refused: true };
  const fmt = c.imports.use('fmt');
  const os = c.imports.use('os');
  const time = c.imports.use('time');
  const start = fresh(c, 'beaconStart');
  const name = goString(qualifiedName(c, func));
  const lines = [
    `${start} := ${time}.Now()`,
    `${fmt}.Fprintf(${os}.Stderr, "[BEACON] TRACE: %s ENTRY\\n", ${name})`,
    'defer func() {',
    `\t${fmt}.Fprintf(${os}.Stderr, "[BEACON] TRACE: %s EXIT after %v\\n", ${name}, ${time}.Since(${start}))`,
    '}()',
  ];
  return { blocks: [{ ...place, lines, uses: [] }] };
}

/** The calls a call-site trace can go around: a call statement, or `x, err := f(…)` / `x = f(…)` with one call. */
function callOf(stmt: Node): Node | null {
  if (stmt.type === 'expression_statement') {
    const e = namedChildren(stmt)[0];
    return e?.type === 'call_expression' ? e : null;
  }
  if (stmt.type === 'short_var_declaration' || stmt.type === 'assignment_statement') {
    const right = field(stmt, 'right');
    const values = right ? namedChildren(right) : [];
    return values.length === 1 && values[0].type === 'call_expression' ? values[0] : null;
  }
  return null;
}

/** The first call statement of the function (document order) a trace can go around, if any — never one inside `marked` (inserted blocks). */
export function callSite(func: Node, marked: readonly { start: number; end: number }[] = []): { stmt: Node; call: Node } | null {
  const body = field(func, 'body');
  if (!body) return null;
  for (const list of body.descendantsOfType('statement_list')) {
    if (!list) continue;
    // not inside a closure: the function's own statements
    let owner: Node | null = list.parent;
    while (owner && owner.type !== 'func_literal' && owner.startIndex !== func.startIndex) owner = owner.parent;
    if (owner?.type === 'func_literal') continue;
    for (const stmt of namedChildren(list)) {
      const call = callOf(stmt);
      if (!call || marked.some((m) => stmt.startIndex >= m.start && stmt.endIndex <= m.end)) continue;
      const callee = field(call, 'function')?.text ?? '';
      if (callee === 'panic') continue; // what follows a panic is unreachable: vet says so
      return { stmt, call };
    }
  }
  return null;
}

/** `err` when the statement sets a variable named like an error (the last name on its left). */
function errorName(stmt: Node): string | undefined {
  if (stmt.type !== 'short_var_declaration' && stmt.type !== 'assignment_statement') return undefined;
  const left = field(stmt, 'left');
  const names = left ? namedChildren(left) : [];
  const last = names[names.length - 1];
  return last && last.type === 'identifier' && last.text !== '_' && /err/i.test(last.text) ? last.text : undefined;
}

/** A trace before and after the call statement `anchor.node` (the error it sets, when there is one). */
export function callSiteTrace(c: SnippetContext): SnippetOutcome {
  const { func, node: stmt, call } = c.anchor;
  if (!call) return { skip: 'no call statement to trace' };
  if (directive(func)) return { skip: `the function has a //go:${directive(func)} directive: extra calls could break what it promises`, refused: true };
  if (func.descendantsOfType('goto_statement').length) return { skip: 'the function uses goto: a declaration before the call could be jumped over', refused: true };
  const before = beforeStatement(c, stmt);
  if ('skip' in before) return { ...before, refused: true };
  const after = afterStatement(c, stmt);
  if ('skip' in after) return { ...after, refused: true };
  const fmt = c.imports.use('fmt');
  const os = c.imports.use('os');
  const time = c.imports.use('time');
  const start = fresh(c, 'beaconCallStart');
  const callee = goString((field(call, 'function')?.text ?? 'call').replace(/\s+/g, ' ').slice(0, 80));
  const err = errorName(stmt);
  const afterLines = err
    ? [`${fmt}.Fprintf(${os}.Stderr, "[BEACON] TRACE: %s returned after %v, err=%v\\n", ${callee}, ${time}.Since(${start}), ${err})`]
    : [`${fmt}.Fprintf(${os}.Stderr, "[BEACON] TRACE: %s returned after %v\\n", ${callee}, ${time}.Since(${start}))`];
  return {
    blocks: [
      { ...before, lines: [`${fmt}.Fprintf(${os}.Stderr, "[BEACON] TRACE: calling %s\\n", ${callee})`, `${start} := ${time}.Now()`], uses: [] },
      { ...after, lines: afterLines, uses: usesOf([[err, 'the error']]) },
    ],
  };
}

/** Every function and method with a body, in document order, as anchors for the generic traces. */
export function functionAnchors(root: Node): Anchor[] {
  const out: Anchor[] = [];
  for (const f of namedChildren(root)) {
    if ((f.type === 'function_declaration' || f.type === 'method_declaration') && field(f, 'body')) out.push({ kind: 'function', node: f, func: f });
  }
  return out;
}

/** The call-site anchor inside `func`, or null when it has no traceable call statement. */
export function callAnchor(func: Node, marked: readonly { start: number; end: number }[] = []): Anchor | null {
  const site = callSite(func, marked);
  return site ? { kind: 'function', node: site.stmt, func, call: site.call } : null;
}
