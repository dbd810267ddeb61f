import type { Node } from 'web-tree-sitter';
import { blockItems, declaredNames, field, freshName, namedChildren, params, typeBaseName, usable, type Param } from '../syntax';
import { firstOnLine, lastOnLine, leadingWhitespace, lineStart, nextLineStart } from '../textStyle';
import type { ScopePoint } from '../scope';
import type { SnippetContext } from './context';

/** A name for new code that collides with nothing in the function. */
export function fresh(c: SnippetContext, name: string): string {
  return freshName(name, c.taken);
}

/** A Go interpreted string literal (JSON's escapes are a subset of Go's). */
export function goString(s: string): string {
  return JSON.stringify(s);
}

/** `l.Info().` / `\tStr(…).` / `\tMsg("…")` — one call per line, as the plan writes them. */
export function zerologChain(logger: string, level: 'Info' | 'Warn' | 'Error', calls: readonly string[], msg: string): string[] {
  return [`${logger}.${level}().`, ...calls.map((c) => `\t${c}.`), `\tMsg(${goString(msg)})`];
}

/** `Key: value,` lines with values aligned the way gofmt aligns them. */
export function alignedPairs(pairs: readonly [string, string][]): string[] {
  const width = Math.max(...pairs.map(([k]) => k.length + 1));
  return pairs.map(([k, v]) => `${k}:${' '.repeat(width - k.length - 1 + 1)}${v},`);
}

/** Prefix every template line with `depth` more levels. */
export function indent(lines: readonly string[], depth = 1): string[] {
  return lines.map((l) => (l === '' ? l : '\t'.repeat(depth) + l));
}

export function isContextParam(p: Param): boolean {
  return p.type.type === 'qualified_type' && typeBaseName(p.type) === 'Context';
}

export function isStringParam(p: Param): boolean {
  return p.type.type === 'type_identifier' && p.type.text === 'string';
}

/** The parameters executeQuestion works with, by type and position, whatever they are called. */
export interface QuestionNames {
  ctx?: string;
  jobID?: string;
  region?: string;
  modelID?: string;
  questionID?: string;
  spec?: string;
  executor?: string;
}

export function questionNames(func: Node): QuestionNames {
  const ps = params(field(func, 'parameters'));
  const out: QuestionNames = {};
  const ctx = ps.find(isContextParam);
  if (usable(ctx?.name)) out.ctx = ctx.name;
  const spec = ps.find((p) => typeBaseName(p.type) === 'JobSpec');
  if (usable(spec?.name)) out.spec = spec.name;
  const exec = ps.find((p) => (typeBaseName(p.type) ?? '').endsWith('Executor'));
  if (usable(exec?.name)) out.executor = exec.name;
  const strings = ps.filter(isStringParam);
  const keys = ['jobID', 'region', 'modelID', 'questionID'] as const;
  if (strings.length === 4) {
    strings.forEach((p, i) => {
      if (usable(p.name)) out[keys[i]] = p.name;
    });
  } else {
    const hints: [typeof keys[number], string][] = [['jobID', 'job'], ['region', 'region'], ['modelID', 'model'], ['questionID', 'question']];
    for (const [key, hint] of hints) {
      const p = strings.find((s) => usable(s.name) && s.name.toLowerCase().includes(hint));
      if (p?.name) out[key] = p.name;
    }
  }
  return out;
}

/** zerolog field calls for the question's identity (only the names the function has). */
export function questionFields(q: QuestionNames, with_: readonly (keyof QuestionNames)[] = ['jobID', 'region', 'modelID', 'questionID']): string[] {
  const keys: Record<string, string> = { jobID: 'job_id', region: 'region', modelID: 'model_id', questionID: 'question_id' };
  return with_.filter((k) => q[k] && keys[k]).map((k) => `Str(${goString(keys[k])}, ${q[k]})`);
}

/** A top-level `x := pkg.FromContext(…)` statement of the body (the logger the function already has). */
export function existingLogger(func: Node, before = Infinity): { name: string; stmt: Node } | null {
  const body = field(func, 'body');
  if (!body) return null;
  for (const s of blockItems(body)) {
    if (s.startIndex >= before) break;
    if (s.type !== 'short_var_declaration') continue;
    const names = declaredNames(s);
    if (names.length !== 1 || !usable(names[0])) continue;
    const right = field(s, 'right');
    const calls = right ? right.descendantsOfType('selector_expression') : [];
    if (calls.some((sel) => sel && field(sel, 'field')?.text === 'FromContext')) return { name: names[0], stmt: s };
  }
  return null;
}

/** The import path of the runner's logging package, from this file or its package. */
export function loggingImportPath(c: SnippetContext): string | null {
  const inFile = c.imports.has.bind(c.imports);
  const all = c.pkg.importPaths.filter((p) => p === 'logging' || p.endsWith('/logging'));
  const here = all.find((p) => inFile(p));
  return here ?? all[0] ?? null;
}

/** Where a block goes: the line start `at`, its indentation, and the point in the tree (for scopes). */
export interface Place {
  at: number;
  base: string;
  scope: ScopePoint;
}

/** Insert at the start of the body (after the `{` line), indented like the body's statements. */
export function atBodyTop(c: SnippetContext, func: Node): Place | { skip: string } {
  const body = field(func, 'body');
  if (!body) return { skip: 'the function has no body' };
  if (!lastOnLine(c.text, body.startIndex + 1)) return { skip: 'the function body starts on the same line as code; format the file first' };
  const at = nextLineStart(c.text, body.startIndex);
  const first = blockItems(body)[0];
  const base = first && first.startIndex >= at ? leadingWhitespace(c.text, first.startIndex) : leadingWhitespace(c.text, func.startIndex) + c.unit;
  return { at, base, scope: { holder: body, offset: body.startIndex + 1 } };
}

export function beforeStatement(c: SnippetContext, stmt: Node): Place | { skip: string } {
  if (!firstOnLine(c.text, stmt.startIndex)) return { skip: 'the statement shares its line with other code; format the file first' };
  return { at: lineStart(c.text, stmt.startIndex), base: leadingWhitespace(c.text, stmt.startIndex), scope: { holder: stmt.parent ?? stmt, offset: stmt.startIndex } };
}

export function afterStatement(c: SnippetContext, stmt: Node): Place | { skip: string } {
  if (!lastOnLine(c.text, stmt.endIndex)) return { skip: 'the statement shares its line with other code; format the file first' };
  return { at: nextLineStart(c.text, stmt.endIndex), base: leadingWhitespace(c.text, stmt.startIndex), scope: { holder: stmt.parent ?? stmt, offset: stmt.endIndex } };
}

/** `uses` entries for the names that are set (undefined and `_` left out). */
export function usesOf(pairs: readonly [string | null | undefined, string][]): { name: string; what: string }[] {
  const out: { name: string; what: string }[] = [];
  for (const [name, what] of pairs) if (usable(name) && !out.some((u) => u.name === name)) out.push({ name, what });
  return out;
}

/** The parameters of executeQuestion a snippet refers to, as uses. */
export function questionUses(q: QuestionNames): { name: string; what: string }[] {
  return usesOf([
    [q.ctx, 'the context'],
    [q.jobID, 'the job id'],
    [q.region, 'the region'],
    [q.modelID, 'the model id'],
    [q.questionID, 'the question id'],
    [q.executor, 'the executor'],
    [q.spec, 'the job spec'],
  ]);
}

/** Was `name` declared before `stmt` in a block enclosing it (or as a parameter of `func`)? */
export function declaredBefore(func: Node, stmt: Node, name: string): boolean {
  const all = [...params(field(func, 'parameters')), ...params(field(func, 'result')), ...params(field(func, 'receiver'))];
  if (all.some((p) => p.name === name)) return true;
  for (let n: Node | null = stmt; n && n.startIndex >= func.startIndex; n = n.parent) {
    const holder = n.parent;
    if (!holder || (holder.type !== 'statement_list' && holder.type !== 'block')) continue;
    for (const sib of namedChildren(holder)) {
      if (sib.startIndex >= n.startIndex) break;
      if (declaredNames(sib).includes(name)) return true;
    }
  }
  return false;
}

const SIMPLE = new Set(['short_var_declaration', 'assignment_statement', 'expression_statement', 'var_declaration', 'inc_statement', 'dec_statement', 'comment']);

/**
 * The statements right after `stmt` that only compute values (no control flow, no closures):
 * `executionEnd := time.Now()` and the like.
 */
export function simpleFollowers(stmt: Node): Node[] {
  const holder = stmt.parent;
  if (!holder) return [];
  const out: Node[] = [];
  let seen = false;
  for (const sib of namedChildren(holder)) {
    if (!seen) {
      seen = sib.startIndex === stmt.startIndex;
      continue;
    }
    if (!SIMPLE.has(sib.type) || sib.descendantsOfType('func_literal').length > 0) break;
    out.push(sib);
  }
  return out;
}

/** The results of a function, flattened; and whether they are unnamed. */
export function resultsOf(func: Node): { results: Param[]; unnamed: boolean } {
  const results = params(field(func, 'result'));
  return { results, unnamed: results.length > 0 && results.every((r) => r.name === null) };
}

/** `reflect` code that finds, by type, the runner's executor field and its hybrid client field. */
export function executorReflection(jr: string, typeVar: string, setVar: string, reflectPkg: string, stringsPkg: string): string[] {
  return [
    `${typeVar}, ${setVar} := "nil", false`,
    `if v := ${reflectPkg}.Indirect(${reflectPkg}.ValueOf(${jr})); v.Kind() == ${reflectPkg}.Struct {`,
    '\tfor i := 0; i < v.NumField(); i++ {',
    '\t\tf := v.Field(i)',
    '\t\tswitch {',
    `\t\tcase f.Kind() == ${reflectPkg}.Interface && ${stringsPkg}.HasSuffix(f.Type().Name(), "Executor"):`,
    '\t\t\tif !f.IsNil() {',
    `\t\t\t\t${typeVar} = f.Elem().Type().String()`,
    '\t\t\t}',
    `\t\tcase f.Kind() == ${reflectPkg}.Ptr && f.Type().Elem().Name() == "Client" && ${stringsPkg}.HasSuffix(f.Type().Elem().PkgPath(), "hybrid"):`,
    `\t\t\t${setVar} = !f.IsNil()`,
    '\t\t}',
    '\t}',
    '}',
  ];
}
