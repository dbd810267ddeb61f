/**
 * Every import of a TypeScript source, read from its syntax tree (the TypeScript compiler's parser,
 * so comments and strings never count): `import … from`, `import type`, `export … from`,
 * `import x = require(…)`, `require(…)` anywhere (the build's lazy boundaries), `import(…)`, and
 * `import('…')` in a type (`typeof import('./x')`). A `require` / `import()` whose argument is not a
 * string literal is kept with a null specifier: nobody can check where it leads.
 */
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import * as ts from 'typescript';

export type ImportKind = 'import' | 'export' | 'import-equals' | 'require' | 'dynamic-import' | 'type-import';

export interface ImportRef {
  specifier: string | null;
  kind: ImportKind;
  /** Erased from the JavaScript: `import type`, `export type`, every named import marked `type`, `import('…')` in a type. */
  typeOnly: boolean;
  line: number;
}

export function importsOf(fileName: string, text: string): ImportRef[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: ImportRef[] = [];
  const add = (node: ts.Node, spec: ts.Expression | undefined, kind: ImportKind, typeOnly: boolean) => {
    out.push({
      specifier: spec && ts.isStringLiteralLike(spec) ? spec.text : null,
      kind,
      typeOnly,
      line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
    });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      add(node, node.moduleSpecifier, 'import', importIsTypeOnly(node.importClause));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      add(node, node.moduleSpecifier, 'export', node.isTypeOnly || (!!named?.length && named.every((e) => e.isTypeOnly)));
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression, 'import-equals', node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node, node.arguments[0], 'dynamic-import', false);
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require') {
      add(node, node.arguments[0], 'require', false);
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      add(node, ts.isLiteralTypeNode(arg) ? arg.literal : undefined, 'type-import', true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function importIsTypeOnly(clause: ts.ImportClause | undefined): boolean {
  if (!clause) return false; // `import './x'` runs the module
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const b = clause.namedBindings;
  return !!b && ts.isNamedImports(b) && b.elements.length > 0 && b.elements.every((e) => e.isTypeOnly);
}

/** One import of a file of src/, resolved. `to` is a path relative to src/ (`report/runRecord.ts`), or a package (`zod`, `node:fs`). */
export interface Edge {
  from: string;
  to: string;
  /** A module of src/ (false: a package or a Node built-in). */
  local: boolean;
  kind: ImportKind;
  typeOnly: boolean;
  line: number;
}

export interface ImportGraph {
  files: string[];
  edges: Edge[];
  /** Imports nobody can check: a computed specifier, a relative path that leads to no source of src/. */
  unresolved: { from: string; line: number; why: string }[];
}

const BUILTINS = new Set(builtinModules);

/** Every `.ts` file under `srcDir`, relative to it, with `/` separators, sorted. */
export function sourceFiles(srcDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith('.ts')) out.push(path.relative(srcDir, p).split(path.sep).join('/'));
    }
  };
  walk(srcDir);
  return out.sort();
}

/** The graph of `files` (relative to `srcDir`); `read` defaults to the disk (tests pass sources of their own). */
export function importGraph(srcDir: string, files: readonly string[], read: (file: string) => string = (f) => fs.readFileSync(path.join(srcDir, f), 'utf8')): ImportGraph {
  const known = new Set(files);
  const edges: Edge[] = [];
  const unresolved: ImportGraph['unresolved'] = [];
  for (const from of files) {
    for (const ref of importsOf(from, read(from))) {
      const base = { from, kind: ref.kind, typeOnly: ref.typeOnly, line: ref.line };
      if (ref.specifier === null) {
        unresolved.push({ from, line: ref.line, why: `${ref.kind} of a computed name` });
        continue;
      }
      if (!ref.specifier.startsWith('.')) {
        const bare = ref.specifier.replace(/^node:/, '');
        const to = ref.specifier.startsWith('node:') || BUILTINS.has(bare.split('/')[0]) ? `node:${bare}` : ref.specifier;
        edges.push({ ...base, to, local: false });
        continue;
      }
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), ref.specifier));
      const to = [`${target}.ts`, `${target}/index.ts`].find((c) => known.has(c));
      if (!to) unresolved.push({ from, line: ref.line, why: `${ref.specifier} is no source file of src/` });
      else edges.push({ ...base, to, local: true });
    }
  }
  return { files: [...files], edges, unresolved };
}

/** The folder of src/ a file belongs to (its first path segment); '' for a file directly in src/. */
export function folderOf(file: string): string {
  const i = file.indexOf('/');
  return i < 0 ? '' : file.slice(0, i);
}

/**
 * What `from` loads when it runs: its imports that are not erased, transitively, with the chain
 * that leads to each (`a.ts → b.ts → c.ts`). Packages are leaves.
 */
export function runtimeReach(graph: ImportGraph, from: string): Map<string, string[]> {
  const byFrom = new Map<string, Edge[]>();
  for (const e of graph.edges) if (!e.typeOnly) byFrom.set(e.from, [...(byFrom.get(e.from) ?? []), e]);
  const chains = new Map<string, string[]>([[from, [from]]]);
  const queue = [from];
  while (queue.length) {
    const f = queue.shift()!;
    for (const e of byFrom.get(f) ?? []) {
      if (chains.has(e.to)) continue;
      chains.set(e.to, [...chains.get(f)!, e.to]);
      if (e.local) queue.push(e.to);
    }
  }
  chains.delete(from);
  return chains;
}
