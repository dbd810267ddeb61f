import type { Node, Tree } from 'web-tree-sitter';
import { fileImports } from './imports';
import { packageLevelNames } from './scope';
import { field, fields, namedChildren } from './syntax';

export interface StructField {
  name: string;
  typeText: string;
}

/** What the snippets need to know about the file's package: its struct types and the import paths it uses. */
export interface PackageInfo {
  structs: Map<string, StructField[]>;
  importPaths: string[];
  /** Names declared at the package's top level, in any of its files. */
  topLevel: Set<string>;
}

export function emptyPackageInfo(): PackageInfo {
  return { structs: new Map(), importPaths: [], topLevel: new Set() };
}

function structsOf(root: Node, into: Map<string, StructField[]>): void {
  for (const decl of namedChildren(root)) {
    if (decl.type !== 'type_declaration') continue;
    for (const spec of namedChildren(decl)) {
      if (spec.type !== 'type_spec') continue;
      const name = field(spec, 'name')?.text;
      const type = field(spec, 'type');
      if (!name || !type || type.type !== 'struct_type' || into.has(name)) continue;
      const list = namedChildren(type).find((c) => c.type === 'field_declaration_list');
      const out: StructField[] = [];
      for (const fd of list ? namedChildren(list) : []) {
        if (fd.type !== 'field_declaration') continue;
        const ft = field(fd, 'type');
        if (!ft) continue;
        for (const n of fields(fd, 'name')) out.push({ name: n.text, typeText: ft.text });
      }
      into.set(name, out);
    }
  }
}

/** Collects struct declarations and imports from the file itself and its sibling files (same package). */
export function collectPackageInfo(trees: readonly Tree[]): PackageInfo {
  const info = emptyPackageInfo();
  const paths = new Set<string>();
  for (const t of trees) {
    structsOf(t.rootNode, info.structs);
    for (const n of packageLevelNames(t.rootNode)) info.topLevel.add(n);
    for (const s of fileImports(t.rootNode)) paths.add(s.path);
  }
  info.importPaths = [...paths];
  return info;
}

export function structField(info: PackageInfo, struct: string, name: string): StructField | undefined {
  return info.structs.get(struct)?.find((f) => f.name === name);
}
