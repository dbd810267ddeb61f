import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importGraph, importsOf, sourceFiles } from './importGraph';
import { dataProblems, layeringTable, readLayers, violations, type Layers } from './layers';

const ROOT = path.resolve(__dirname, '../../../..');
const SRC = path.join(ROOT, 'src');
const LAYERS = path.join(ROOT, 'docs/layers.json');
const ARCHITECTURE = path.join(ROOT, 'docs/architecture.md');
const BEGIN = '<!-- layering: generated from docs/layers.json (UPDATE_LAYERING=1 npx mocha out/test/unit/architecture rewrites it) -->';
const END = '<!-- /layering -->';

describe('layering', () => {
  const layers = readLayers(LAYERS);
  const files = sourceFiles(SRC);
  const graph = importGraph(SRC, files);

  it('allows every import of src/ (static, type, require, import()), naming file → module', () => {
    assert.ok(graph.edges.length > 500, `only ${graph.edges.length} imports found: the parser lost some`);
    assert.deepEqual(violations(layers, graph), []);
  });

  it('has a row for every folder of src/, and names only files that exist', () => {
    assert.deepEqual(dataProblems(layers, SRC, files), []);
  });

  it('is the table docs/architecture.md shows (UPDATE_LAYERING=1 rewrites it)', () => {
    const doc = fs.readFileSync(ARCHITECTURE, 'utf8');
    const start = doc.indexOf(BEGIN);
    const end = doc.indexOf(END);
    assert.ok(start >= 0 && end > start, `docs/architecture.md lacks the markers ${BEGIN} … ${END}`);
    const want = `${BEGIN}\n\n${layeringTable(layers)}\n\n${END}`;
    const shown = doc.slice(start, end + END.length);
    if (process.env.UPDATE_LAYERING && shown !== want) fs.writeFileSync(ARCHITECTURE, doc.slice(0, start) + want + doc.slice(end + END.length));
    else assert.equal(shown, want);
  });
});

describe('layering: the check itself', () => {
  it('finds every form of import, and which of them are erased from the JavaScript', () => {
    const text = [
      "import * as z from 'zod';",
      "import type { A } from './a';",
      "import { type B, type C } from './b';",
      "import { type D, e } from './d';",
      "import './sideEffect';",
      "export { f } from './f';",
      "export type { G } from './g';",
      "export * from './h';",
      "import TS = require('./i');",
      'function later() {',
      "  const { j } = require('./j') as typeof import('./k');",
      "  return import('./l').then(() => j);",
      '}',
      "let dirent: import('node:fs').Dirent;",
      '// require("./comment") is no import',
      "const s = \"import x from './string'\";",
      'require(name);',
    ].join('\n');
    const refs = importsOf('x.ts', text).map((r) => `${r.specifier} ${r.kind}${r.typeOnly ? ' type' : ''} @${r.line}`);
    assert.deepEqual(refs, [
      'zod import @1',
      './a import type @2',
      './b import type @3',
      './d import @4',
      './sideEffect import @5',
      './f export @6',
      './g export type @7',
      './h export @8',
      './i import-equals @9',
      './j require @11',
      './k type-import type @11',
      './l dynamic-import @12',
      'node:fs type-import type @14',
      'null require @17',
    ]);
  });

  const rules: Layers = {
    layers: [
      { folder: 'base', imports: [] },
      { folder: 'core', imports: ['base'] },
      { folder: 'page', imports: ['base'] },
      { folder: 'draw', imports: ['core', 'base'] },
    ],
    limits: [{ from: 'draw', to: 'core', files: ['draw/write.ts'], why: 'writing only' }],
    packages: [{ name: 'vscode', folders: ['core'], why: 'test' }],
    reach: [{ from: ['page/main.ts'], never: ['node:'], why: 'browser' }],
  };
  const sources: Record<string, string> = {
    'base/util.ts': "export const x = 1;",
    'base/fs.ts': "import * as fs from 'node:fs'; export const y = fs;",
    'core/engine.ts': "import { x } from '../base/util';\nimport * as vscode from 'vscode';",
    'page/main.ts': "import { x } from '../base/util';\nexport function f() { return (require('../base/fs') as typeof import('../base/fs')).y; }",
    'draw/write.ts': "import { engine } from '../core/engine';",
    'draw/show.ts': "import type { engine } from '../core/engine';\nimport { page } from '../page/main';",
    'base/back.ts': "const e = () => import('../core/engine');",
  };
  const graphOf = (extra: Record<string, string> = {}) => {
    const all = { ...sources, ...extra };
    return importGraph('/nowhere', Object.keys(all), (f) => all[f]);
  };

  it('fails on an arrow the table forbids, a limited arrow used elsewhere, a package out of its folder, and a forbidden reach', () => {
    assert.deepEqual(violations(rules, graphOf()), [
      'src/draw/show.ts:1 → src/core/engine.ts (import, type only): only draw/write.ts may import core/',
      'src/draw/show.ts:2 → src/page/main.ts (import): draw/ may not import page/',
      'src/base/back.ts:1 → src/core/engine.ts (dynamic-import): base/ may not import core/',
      'src/page/main.ts loads node:fs (page/main.ts → base/fs.ts → node:fs): browser',
    ]);
    assert.deepEqual(violations(rules, graphOf({ 'base/ui.ts': "import * as vscode from 'vscode';" })).slice(-2, -1), [
      'src/base/ui.ts:1 → vscode (import): only core/ may import vscode',
    ]);
  });

  it('fails on imports it cannot check', () => {
    const v = violations(rules, graphOf({ 'core/odd.ts': "require(process.env.X!);\nimport { q } from './missing';" }));
    assert.deepEqual(v.slice(0, 2), ['src/core/odd.ts:1 → ?: require of a computed name', 'src/core/odd.ts:2 → ?: ./missing is no source file of src/']);
  });
});
