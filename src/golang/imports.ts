import type { Node } from 'web-tree-sitter';
import { field, namedChildren } from './syntax';
import { lineEnd, nextLineStart } from './textStyle';

export interface ImportSpec {
  path: string;
  /** The alias as written (`_`, `.`, or a name), null when none. */
  alias: string | null;
  /** The name code uses to refer to the package, null for `_` and `.` imports. */
  localName: string | null;
  node: Node;
  decl: Node;
}

/** The default package name of an import path: its last element, skipping a `/vN` major version suffix. */
export function defaultPackageName(path: string): string {
  const parts = path.split('/');
  let last = parts[parts.length - 1];
  if (/^v[0-9]+$/.test(last) && parts.length > 1) last = parts[parts.length - 2];
  return last.replace(/^go-/, '').replace(/[.-].*$/, '');
}

function unquote(lit: string): string {
  if (lit.startsWith('`')) return lit.slice(1, -1);
  try {
    return JSON.parse(lit) as string;
  } catch {
    return lit.slice(1, -1);
  }
}

export function fileImports(root: Node): ImportSpec[] {
  const out: ImportSpec[] = [];
  for (const decl of namedChildren(root)) {
    if (decl.type !== 'import_declaration') continue;
    for (const spec of decl.descendantsOfType('import_spec')) {
      if (!spec) continue;
      const pathNode = field(spec, 'path');
      if (!pathNode) continue;
      const path = unquote(pathNode.text);
      const alias = field(spec, 'name')?.text ?? null;
      const localName = alias === '_' || alias === '.' ? null : alias ?? defaultPackageName(path);
      out.push({ path, alias, localName, node: spec, decl });
    }
  }
  return out;
}

/**
 * Where a new import declaration goes: the start of the line after the file's own last import (or
 * its package clause) — never inside another step's import block (`marked` are those blocks' ranges).
 */
export function importInsertionPoint(root: Node, text: string, marked: readonly { start: number; end: number }[] = []): { at: number; needsLeadingEol: boolean } {
  const tops = namedChildren(root);
  const lastImport = [...tops].reverse().find((c) => c.type === 'import_declaration' && !marked.some((m) => c.startIndex >= m.start && c.endIndex <= m.end));
  const anchor = lastImport ?? tops.find((c) => c.type === 'package_clause');
  const after = anchor ? anchor.endIndex : 0;
  const end = lineEnd(text, after);
  if (end === text.length) return { at: text.length, needsLeadingEol: true };
  return { at: nextLineStart(text, after), needsLeadingEol: false };
}

/**
 * Resolves the packages a snippet needs to the names this file knows them by, and collects the ones
 * it must import. Imports inside other steps' blocks count as present (removal moves them when needed).
 */
export class ImportResolver {
  private readonly byPath = new Map<string, string>();
  private readonly usedNames = new Set<string>();
  private readonly added = new Map<string, string | null>();
  private readonly returned = new Set<string>();

  constructor(existing: readonly ImportSpec[], private readonly reserved: ReadonlySet<string> = new Set()) {
    for (const s of existing) {
      if (s.localName) {
        if (!this.byPath.has(s.path)) this.byPath.set(s.path, s.localName);
        this.usedNames.add(s.localName);
      }
    }
  }

  /** The local name to write for `path`, importing it if needed. */
  use(path: string): string {
    const known = this.byPath.get(path);
    if (known) {
      this.returned.add(known);
      return known;
    }
    let name = defaultPackageName(path);
    let alias: string | null = null;
    if (this.usedNames.has(name) || this.reserved.has(name)) {
      alias = `beacon${name[0].toUpperCase()}${name.slice(1)}`;
      name = alias;
    }
    this.byPath.set(path, name);
    this.usedNames.add(name);
    this.added.set(path, alias);
    this.returned.add(name);
    return name;
  }

  /** Every package name handed out so far. */
  namesUsed(): ReadonlySet<string> {
    return this.returned;
  }

  has(path: string): boolean {
    return this.byPath.has(path);
  }

  /** Imports to add, sorted by path as gofmt sorts them. */
  additions(): { path: string; alias: string | null }[] {
    return [...this.added.entries()].map(([path, alias]) => ({ path, alias })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

/** `import (` … `)` template lines for specs (tab-relative, see renderLines). */
export function importDeclLines(specs: readonly { path: string; alias: string | null }[]): string[] {
  return ['import (', ...specs.map((s) => `\t${s.alias ? s.alias + ' ' : ''}${JSON.stringify(s.path)}`), ')'];
}
