/**
 * The layering of src/ (docs/layers.json): which folder may import which, the arrows that only some
 * files may use or that lead only to some modules, the packages only some folders may import, and
 * the modules some entry points must never load. `violations` checks an import graph against it;
 * `layeringTable` is the table docs/architecture.md shows.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { folderOf, runtimeReach, type ImportGraph } from './importGraph';

export interface Layers {
  layers: { folder: string; imports: string[] }[];
  /** An arrow the table allows only from these `files`, or only to these `modules` (paths relative to src/). */
  limits: { from: string; to: string; files?: string[]; modules?: string[]; why: string }[];
  packages: { name: string; folders: string[]; why: string }[];
  /** What `from` loads when it runs never includes a module starting with one of `never` (`diagnosis/`, `node:`). */
  reach: { from: string[]; never: string[]; why: string }[];
}

export function readLayers(file: string): Layers {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Layers;
}

/** What is wrong with the data itself: folders that are not in src/, files it names that do not exist. */
export function dataProblems(layers: Layers, srcDir: string, files: readonly string[]): string[] {
  const out: string[] = [];
  const rows = layers.layers.map((l) => l.folder);
  const present = new Set(files.map(folderOf));
  for (const f of present) if (!rows.includes(f)) out.push(f ? `src/${f}/ has no row in docs/layers.json` : `a file directly in src/ belongs to no layer`);
  for (const r of rows) if (!present.has(r)) out.push(`docs/layers.json has a row for ${r}, which is not a folder of src/ with sources`);
  for (const l of layers.layers) for (const to of l.imports) if (!rows.includes(to)) out.push(`${l.folder} may import ${to}, which has no row`);
  const named = [
    ...layers.limits.flatMap((l) => [...(l.files ?? []), ...(l.modules ?? [])]),
    ...layers.reach.flatMap((r) => r.from),
  ];
  for (const f of named) if (!fs.existsSync(path.join(srcDir, f))) out.push(`docs/layers.json names src/${f}, which does not exist`);
  for (const l of layers.limits) {
    if (!mayImport(layers, l.from, l.to)) out.push(`a limit on ${l.from} → ${l.to}, an arrow the table does not allow`);
    if (!l.files && !l.modules) out.push(`the limit on ${l.from} → ${l.to} names no files and no modules`);
  }
  return out;
}

function mayImport(layers: Layers, from: string, to: string): boolean {
  return from === to || !!layers.layers.find((l) => l.folder === from)?.imports.includes(to);
}

/** Every import the layering does not allow, one line each: `file:line → module: why`. */
export function violations(layers: Layers, graph: ImportGraph): string[] {
  const out: string[] = [];
  for (const u of graph.unresolved) out.push(`src/${u.from}:${u.line} → ?: ${u.why}`);
  for (const e of graph.edges) {
    const at = `src/${e.from}:${e.line} → ${e.local ? `src/${e.to}` : e.to} (${e.typeOnly ? `${e.kind}, type only` : e.kind})`;
    const from = folderOf(e.from);
    if (!e.local) {
      const pkg = layers.packages.find((p) => e.to === p.name || e.to.startsWith(`${p.name}/`));
      if (pkg && !pkg.folders.includes(from)) out.push(`${at}: only ${pkg.folders.join(', ')}/ may import ${pkg.name}`);
      continue;
    }
    const to = folderOf(e.to);
    if (from === to) continue;
    if (!mayImport(layers, from, to)) {
      out.push(`${at}: ${from || 'src'}/ may not import ${to || 'src'}/`);
      continue;
    }
    for (const l of layers.limits.filter((x) => x.from === from && x.to === to)) {
      if (l.files && !l.files.includes(e.from)) out.push(`${at}: only ${l.files.join(', ')} may import ${to}/`);
      if (l.modules && !l.modules.includes(e.to)) out.push(`${at}: ${from}/ may import only ${l.modules.join(', ')} of ${to}/`);
    }
  }
  for (const r of layers.reach) {
    for (const start of r.from) {
      for (const [module, chain] of runtimeReach(graph, start)) {
        if (r.never.some((n) => module.startsWith(n))) out.push(`src/${start} loads ${module} (${chain.join(' → ')}): ${r.why}`);
      }
    }
  }
  return out;
}

const SUPERSCRIPTS = ['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/** The markdown docs/architecture.md shows between its layering markers. */
export function layeringTable(layers: Layers): string {
  const folders = layers.layers.map((l) => l.folder);
  const notes: string[] = [];
  const cell = (from: string, to: string): string => {
    if (!mayImport(layers, from, to)) return '';
    const limit = layers.limits.find((l) => l.from === from && l.to === to);
    if (!limit) return '✓';
    const mark = SUPERSCRIPTS[notes.length] ?? `(${notes.length + 1})`;
    const who = limit.files ? `only ${limit.files.map((f) => `\`${f}\``).join(', ')}` : `only ${limit.modules!.map((f) => `\`${f}\``).join(', ')}`;
    notes.push(`${mark} ${from} → ${to}: ${who} — ${limit.why}.`);
    return `✓${mark}`;
  };
  const rows = folders.map((from) => `| ${from} | ${folders.map((to) => cell(from, to)).join(' | ')} |`.replace(/ {2}\|/g, ' |'));
  return [
    `| from \\ to | ${folders.join(' | ')} |`,
    `|${'---|'.repeat(folders.length + 1)}`,
    ...rows,
    '',
    ...notes.flatMap((n) => [n, '']),
    ...layers.packages.map((p) => `The \`${p.name}\` package: only from ${p.folders.map((f) => `${f}/`).join(', ')} — ${p.why}.`),
    '',
    ...layers.reach.map((r) => `${r.from.map((f) => `\`${f}\``).join(', ')} never load${r.from.length === 1 ? 's' : ''} ${r.never.map((n) => `\`${n}\``).join(', ')} when ${r.from.length === 1 ? 'it runs' : 'they run'}: ${r.why}.`),
  ].join('\n');
}
