/**
 * What a tree of Go code offers that a runbook may rely on, read with tree-sitter: HTTP routes (gin
 * and net/http registrations, gin groups followed through variables), Prometheus collector names,
 * environment variables read with os.Getenv / os.LookupEnv, log messages (zerolog `Msg`/`Msgf`,
 * log / fmt `Print*`, `Errorf`), every string constant, and the files themselves.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Node } from 'web-tree-sitter';
import type { GoParser } from './parser';
import { field, namedChildren } from './syntax';
import { errorMessage } from '../shared/errorMessage';

export interface Located {
  file: string;
  line: number;
}

export interface CodeFacts {
  routes: (Located & { method: string; path: string })[];
  metrics: (Located & { name: string })[];
  env: (Located & { name: string })[];
  logs: (Located & { message: string })[];
  strings: (Located & { value: string })[];
  /** Go files, relative to the scanned folder, with `/` separators. */
  files: string[];
  /** Files not read (too large, unreadable), with why. */
  skipped: { file: string; why: string }[];
}

export const CODE_LIMITS = { maxFiles: 20_000, maxFileBytes: 2_000_000 } as const;

const ROUTE_METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'Any', 'Handle', 'HandleFunc', 'Static', 'StaticFile', 'StaticFS', 'Match']);
const LOG_CALLS = new Set([
  'Msg', 'Msgf', 'Print', 'Printf', 'Println', 'Fatal', 'Fatalf', 'Fatalln', 'Panic', 'Panicf', 'Panicln',
  'Errorf', 'Infof', 'Warnf', 'Warningf', 'Debugf', 'Tracef', 'Info', 'Warn', 'Error', 'Debug', 'Sprintf', 'Fprintf', 'Fprintln', 'Fprint',
]);
const COLLECTORS = /^New(?:Counter|Gauge|Histogram|Summary|Untyped)(?:Vec|Func)?$/;

/** Go files under `dir` (vendor and testdata and dot-folders skipped, tests skipped unless asked). */
export function goFilesUnder(dir: string, opts: { tests?: boolean } = {}): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name.startsWith('.') || e.name === 'vendor' || e.name === 'testdata' || e.name === 'node_modules') continue;
        stack.push(full);
      } else if (e.isFile() && e.name.endsWith('.go') && (opts.tests || !e.name.endsWith('_test.go'))) {
        out.push(full);
        if (out.length > CODE_LIMITS.maxFiles) throw new Error(`more than ${CODE_LIMITS.maxFiles} Go files under ${dir}: point --code at the service's own folder`);
      }
    }
  }
  return out.sort();
}

/** A Go string literal's value (interpreted or raw), or undefined for anything else. */
export function goStringValue(n: Node): string | undefined {
  if (n.type === 'raw_string_literal') return n.text.slice(1, -1);
  if (n.type !== 'interpreted_string_literal') return undefined;
  const body = n.text.slice(1, -1);
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (_, e: string) => {
    switch (e[0]) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      case 'x': return String.fromCharCode(parseInt(e.slice(1), 16));
      case 'u': case 'U': return String.fromCodePoint(parseInt(e.slice(1), 16));
      default: return /^[0-7]{3}$/.test(e) ? String.fromCharCode(parseInt(e, 8)) : e;
    }
  });
}

/** Scans one file's text; `rel` is how findings name it. */
export function scanGoSource(parser: GoParser, text: string, rel: string, into: CodeFacts): void {
  const tree = parser.parse(text);
  try {
    const root = tree.rootNode;
    const consts = new Map<string, string>();
    for (const spec of root.descendantsOfType('const_spec')) {
      if (!spec) continue;
      const names = spec.childrenForFieldName('name').filter((x): x is Node => !!x);
      const values = namedChildren(field(spec, 'value') ?? spec).filter((v) => v.type.endsWith('string_literal'));
      names.forEach((nm, i) => {
        const v = values[i] ? goStringValue(values[i]) : undefined;
        if (v !== undefined) consts.set(nm.text, v);
      });
    }
    const str = (n: Node | null | undefined): string | undefined => {
      if (!n) return undefined;
      if (n.type === 'identifier') return consts.get(n.text);
      if (n.type === 'binary_expression' && field(n, 'operator')?.text === '+') {
        const a = str(field(n, 'left'));
        const b = str(field(n, 'right'));
        return a !== undefined && b !== undefined ? a + b : undefined;
      }
      return goStringValue(n);
    };
    const line = (n: Node) => n.startPosition.row + 1;
    // gin groups: variable → prefix, in source order (a group is declared before it is used)
    const prefixes = new Map<string, string>();
    const prefixOf = (operand: Node | null): string => {
      if (!operand) return '';
      if (operand.type === 'identifier') return prefixes.get(operand.text) ?? '';
      if (operand.type === 'call_expression') {
        const fn = field(operand, 'function');
        if (fn?.type === 'selector_expression' && field(fn, 'field')?.text === 'Group') {
          const args = namedChildren(field(operand, 'arguments') ?? operand);
          return prefixOf(field(fn, 'operand')) + (str(args[0]) ?? '');
        }
      }
      return '';
    };
    const nodes = root.descendantsOfType(['call_expression', 'interpreted_string_literal', 'raw_string_literal']);
    for (const n of nodes) {
      if (!n) continue;
      if (n.type !== 'call_expression') {
        const v = goStringValue(n);
        if (v !== undefined && v.length > 0 && v.length < 2000) into.strings.push({ file: rel, line: line(n), value: v });
        continue;
      }
      const fn = field(n, 'function');
      if (!fn || fn.type !== 'selector_expression') continue;
      const name = field(fn, 'field')?.text ?? '';
      const operand = field(fn, 'operand');
      const args = namedChildren(field(n, 'arguments') ?? n);
      if (name === 'Group') {
        const holder = n.parent?.type === 'expression_list' ? n.parent.parent : n.parent;
        if (holder && (holder.type === 'short_var_declaration' || holder.type === 'assignment_statement')) {
          const left = namedChildren(field(holder, 'left') ?? holder)[0];
          if (left?.type === 'identifier') prefixes.set(left.text, prefixOf(n));
        }
        continue;
      }
      if (ROUTE_METHODS.has(name)) {
        const a0 = str(args[0]);
        const a1 = str(args[1]);
        let method = name;
        let p: string | undefined;
        if (a0 !== undefined && (a0.startsWith('/') || /^[A-Z]+ \//.test(a0))) p = a0;
        else if (a0 !== undefined && a1 !== undefined && a1.startsWith('/')) {
          method = a0;
          p = a1;
        }
        if (p !== undefined) {
          const m = /^([A-Z]+) (\/.*)$/.exec(p);
          if (m) {
            method = m[1];
            p = m[2];
          }
          into.routes.push({ file: rel, line: line(n), method, path: joinPath(prefixOf(operand), p) });
          continue;
        }
      }
      if ((name === 'Getenv' || name === 'LookupEnv') && (operand?.text === 'os' || operand?.text === 'syscall')) {
        const v = str(args[0]);
        if (v !== undefined) into.env.push({ file: rel, line: line(n), name: v });
        continue;
      }
      if (name === 'New' && operand?.text === 'errors') {
        const v = str(args[0]);
        if (v !== undefined && v.trim()) into.logs.push({ file: rel, line: line(n), message: v });
        continue;
      }
      if (name === 'BuildFQName' && n.parent?.parent?.type === 'call_expression') continue; // counted by its NewDesc
      if (COLLECTORS.test(name) || name === 'NewDesc' || name === 'BuildFQName') {
        const metric = name === 'NewDesc' ? (str(args[0]) ?? fqName(args[0], str)) : name === 'BuildFQName' ? fqName(n, str) : optsName(args[0], str);
        if (metric) into.metrics.push({ file: rel, line: line(n), name: metric });
        continue;
      }
      if (LOG_CALLS.has(name)) {
        const first = name.startsWith('F') && name !== 'Fatal' && name !== 'Fatalf' && name !== 'Fatalln' ? args[1] : args[0];
        const v = str(first);
        if (v !== undefined && v.trim()) into.logs.push({ file: rel, line: line(n), message: v });
      }
    }
  } finally {
    tree.delete();
  }
}

function joinPath(prefix: string, p: string): string {
  if (!prefix) return p;
  return (prefix.replace(/\/+$/, '') + '/' + p.replace(/^\/+/, '')).replace(/\/+$/, '') || '/';
}

/** `prometheus.GaugeOpts{Namespace: "a", Subsystem: "b", Name: "c"}` → `a_b_c`. */
function optsName(arg: Node | undefined, str: (n: Node | null | undefined) => string | undefined): string | undefined {
  if (!arg) return undefined;
  const lit = arg.type === 'unary_expression' ? namedChildren(arg)[0] : arg;
  if (!lit || lit.type !== 'composite_literal') return undefined;
  const parts: Record<string, string> = {};
  for (const el of namedChildren(field(lit, 'body') ?? lit)) {
    if (el.type !== 'keyed_element') continue;
    const [k, v] = namedChildren(el);
    const unwrap = (x: Node | undefined) => (x?.type === 'literal_element' ? namedChildren(x)[0] : x);
    const key = unwrap(k)?.text;
    const value = str(unwrap(v));
    if (key && value !== undefined) parts[key] = value;
  }
  if (!parts.Name) return undefined;
  return [parts.Namespace, parts.Subsystem, parts.Name].filter(Boolean).join('_');
}

/** `prometheus.BuildFQName(ns, sub, name)` → the joined name when its parts are constants. */
function fqName(call: Node | undefined, str: (n: Node | null | undefined) => string | undefined): string | undefined {
  if (!call || call.type !== 'call_expression') return undefined;
  const fn = field(call, 'function');
  if (fn?.type !== 'selector_expression' || field(fn, 'field')?.text !== 'BuildFQName') return undefined;
  const parts = namedChildren(field(call, 'arguments') ?? call).map((a) => str(a));
  if (parts.length !== 3 || parts.some((p) => p === undefined) || !parts[2]) return undefined;
  return parts.filter(Boolean).join('_');
}

export function emptyCodeFacts(): CodeFacts {
  return { routes: [], metrics: [], env: [], logs: [], strings: [], files: [], skipped: [] };
}

/** Every Go file under `dir` (not tests), scanned. */
export function scanGoTree(parser: GoParser, dir: string): CodeFacts {
  const facts = emptyCodeFacts();
  for (const file of goFilesUnder(dir)) {
    const rel = path.relative(dir, file).split(path.sep).join('/');
    let text: string;
    try {
      const size = fs.statSync(file).size;
      if (size > CODE_LIMITS.maxFileBytes) {
        facts.skipped.push({ file: rel, why: `${size} bytes (generated?)` });
        continue;
      }
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      facts.skipped.push({ file: rel, why: errorMessage(e) });
      continue;
    }
    facts.files.push(rel);
    scanGoSource(parser, text, rel, facts);
  }
  return facts;
}

/**
 * Go code shown in a plan (a fragment: statements, or a function cut short), scanned like a file:
 * wrapped in a package, and in a function when it does not start with a declaration.
 */
export function scanGoFragment(parser: GoParser, code: string, label: string, into: CodeFacts): void {
  const body = code.replace(/^\s*(?:\/\/[^\n]*\n\s*)*/, '');
  const declares = /^(?:package|func|type|var|const|import)\b/.test(body);
  const text = /^\s*package\s/m.test(code) ? code : declares ? `package fragment\n${code}` : `package fragment\nfunc _() {\n${code}\n}\n`;
  scanGoSource(parser, text, label, into);
}
