import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Edit, Language, Parser, Tree } from 'web-tree-sitter';
// A CommonJS require on purpose: esbuild then bundles web-tree-sitter's CommonJS build. Its ES module
// build locates itself through import.meta.url, which a CommonJS bundle (dist/*.js) does not have.
import TreeSitter = require('web-tree-sitter');
import { packageRoot } from '../runbook/paths';

/** Where the two WASM files live: web-tree-sitter's runtime and the Go grammar. */
export interface WasmPaths {
  runtime: string;
  go: string;
}

/** The two files inside one folder, as `scripts/build.mjs` lays them out in `dist/`. */
export function wasmPathsIn(dir: string): WasmPaths {
  return { runtime: path.join(dir, 'tree-sitter.wasm'), go: path.join(dir, 'tree-sitter-go.wasm') };
}

/** The two files straight from the npm packages (unit tests, benchmarks). */
export function wasmPathsFromNodeModules(root = packageRoot()): WasmPaths {
  return {
    runtime: path.join(root, 'node_modules', 'web-tree-sitter', 'tree-sitter.wasm'),
    go: path.join(root, 'node_modules', 'tree-sitter-go', 'tree-sitter-go.wasm'),
  };
}

/** Next to the running bundle when they are there (the CLI in `dist/`), else from node_modules. */
export function defaultWasmPaths(): WasmPaths {
  const here = wasmPathsIn(__dirname);
  if (fs.existsSync(here.runtime) && fs.existsSync(here.go)) return here;
  const dist = wasmPathsIn(path.join(packageRoot(), 'dist'));
  const modules = wasmPathsFromNodeModules();
  if (fs.existsSync(modules.runtime) && fs.existsSync(modules.go)) return modules;
  return dist;
}

/** A tree-sitter parser for Go. One per process: the WASM is loaded once, lazily. */
export class GoParser {
  private constructor(private readonly parser: Parser, readonly language: Language) {}

  /**
   * Parses `text` — or the text `read(offset)` hands out piece by piece, '' at the end; with `oldTree`
   * (already `edit`ed) the parse is incremental.
   */
  parse(text: string | ((offset: number) => string), oldTree?: Tree): Tree {
    const tree = this.parser.parse(text, oldTree ?? null);
    if (!tree) throw new Error('tree-sitter returned no tree for a Go file');
    return tree;
  }

  /** @internal used by `loadGoParser` only. */
  static async create(paths: WasmPaths): Promise<GoParser> {
    for (const file of [paths.runtime, paths.go]) {
      if (!fs.existsSync(file)) throw new Error(`tree-sitter WASM file missing: ${file}`);
    }
    await TreeSitter.Parser.init({ locateFile: () => paths.runtime });
    const language = await TreeSitter.Language.load(new Uint8Array(fs.readFileSync(paths.go)));
    const parser = new TreeSitter.Parser();
    parser.setLanguage(language);
    return new GoParser(parser, language);
  }
}

let loading: Promise<GoParser> | undefined;

/**
 * The process-wide Go parser, loaded on first use from `paths` (later calls reuse it, whatever
 * paths they pass). A failed load is not cached, so a later call can retry.
 */
export function loadGoParser(paths: WasmPaths = defaultWasmPaths()): Promise<GoParser> {
  if (!loading) {
    loading = GoParser.create(paths).catch((e: unknown) => {
      loading = undefined;
      throw e;
    });
  }
  return loading;
}

export type { Edit, Tree };
