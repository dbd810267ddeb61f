// Bundles the extension, the CLI and the simulator's fake tools with esbuild, split into chunks that load
// on first use. Type-checking is separate (`npm run typecheck`).
//   node scripts/build.mjs            development: sourcemaps, not minified
//   node scripts/build.mjs --release  minified, no sourcemaps (what `npm run package` and `npm pack` ship)
//   node scripts/build.mjs --cli-only only what the CLI and the fake tools load (for `npm run demo`)
//
// Why chunks: one bundle per entry made every start pay for every library (undici, zod, yaml, execa,
// tree-sitter) and shipped the core twice (extension + CLI). Now every module lives in exactly one chunk
// (dist/chunk-<name>.js), and a chunk exposes its modules through `load(id)`, which runs a module's code the
// first time it is asked for. A module that another chunk imports is reached through that chunk's `load`.
// Where a chunk ends follows from the code: what an entry imports with `import` statements (its eager
// closure) is in the entry's own chunk; what the code reaches only through `require()` inside a function
// (a lazy boundary) is in a chunk of its own folder, loaded when that function first runs:
//   extension   src/vscode/ modules activate() needs            vscode  the rest of src/vscode/
//   cli         src/cli/ modules `beacon-debug` always needs    commands the rest of src/cli/
//   base        pure modules the extension or the CLI need at start (no library)
//   core        the rest of the pure core (engine, diagnosis, golang, report, sim, runbook)
//   lib-<pkg>   each npm dependency (with what it pulls in)
// The build fails when an entry's eager closure reaches a library: start-up would load it again.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRunbook } from './compile-runbook.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const release = process.argv.includes('--release');
const cliOnly = process.argv.includes('--cli-only');
const verbose = process.argv.includes('--verbose') || !!process.env.BEACON_BUILD_VERBOSE;
const rel = (p) => path.relative(root, p).split(path.sep).join('/');

/** Entry points: `stub` is the file users and VS Code load; it only asks its chunk for the entry module. */
export const ENTRIES = [
  { chunk: 'extension', file: 'src/vscode/extension.ts', out: 'dist/extension.js', stub: (load) => `"use strict";\nmodule.exports = ${load};\n`, vscode: true },
  { chunk: 'cli', file: 'src/cli/main.ts', out: 'dist/cli.js', stub: (load) => `#!/usr/bin/env node\n"use strict";\n${load}.main(process.argv.slice(2));\n` },
  { chunk: 'fakeTools', file: 'src/sim/fakeTools.ts', out: 'dist/fakeTools.js', stub: (load) => `#!/usr/bin/env node\n"use strict";\n${load};\n` },
];
const entries = cliOnly ? ENTRIES.filter((e) => !e.vscode) : ENTRIES;
const isBuiltin = (p) => p === 'vscode' || p.startsWith('node:') || builtinModules.includes(p.split('/')[0]);

// the compiled plan (dist/execution-failure.runbook.json) is trusted only by the bundles of the same build
const buildId = randomUUID();
const common = {
  bundle: true,
  define: { BEACON_COMPILED_RUNBOOK_ID: JSON.stringify(buildId) },
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  absWorkingDir: root,
  logLevel: 'warning',
  legalComments: release ? 'none' : 'eof',
  // jsonc-parser's "main" is a UMD build whose require() calls esbuild cannot follow; its ESM build bundles
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

// ---------------------------------------------------------------------------------------------------------
// 1. Analysis: one throw-away bundle of every entry, for its module graph (who imports whom, and how).
const analysis = await esbuild.build({
  ...common,
  entryPoints: ENTRIES.map((e) => e.file),
  outdir: path.join(root, 'dist-analysis'),
  write: false,
  metafile: true,
  external: ['vscode'],
});
const inputs = analysis.metafile.inputs;

function packageOf(file) {
  const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  return m ? m[1] : undefined;
}
const isSrc = (f) => f.startsWith('src/');

/** Modules an entry runs at start: `import` statements from the entry, transitively (not `require()` calls). */
function eagerClosure(entryFile) {
  const seen = new Set([entryFile]);
  const chain = new Map([[entryFile, [entryFile]]]);
  const libraries = [];
  const queue = [entryFile];
  while (queue.length) {
    const f = queue.shift();
    for (const imp of inputs[f]?.imports ?? []) {
      if (imp.external || !inputs[imp.path]) continue;
      // inside a library every edge is eager; from our code only `import` statements are
      if (isSrc(f) && imp.kind !== 'import-statement') continue;
      if (seen.has(imp.path)) continue;
      seen.add(imp.path);
      chain.set(imp.path, [...chain.get(f), imp.path]);
      if (!isSrc(imp.path)) {
        if (isSrc(f)) libraries.push(chain.get(imp.path));
        continue; // what a library pulls in is the library's chunk's business
      }
      queue.push(imp.path);
    }
  }
  return { modules: seen, libraries };
}

const eager = new Map(ENTRIES.map((e) => [e.chunk, eagerClosure(e.file)]));
const startupProblems = [];
for (const e of ENTRIES.filter((x) => x.chunk !== 'fakeTools')) {
  for (const c of eager.get(e.chunk).libraries) startupProblems.push(`${e.file} loads ${packageOf(c.at(-1))} at start: ${c.join(' → ')}`);
}
if (startupProblems.length) {
  console.error(`build: an entry's start-up reaches a library (reach it through require() on first use instead):\n  ${startupProblems.join('\n  ')}`);
  process.exit(1);
}

// Libraries: each package our code imports is a chunk; a package it pulls in belongs to the first that reaches it.
const libraryChunk = new Map();
const libraryName = (pkg) => `lib-${pkg.replace(/^@/, '').replace(/\//g, '-')}`;
for (const [f, info] of Object.entries(inputs)) {
  if (!isSrc(f)) continue;
  for (const imp of info.imports) {
    const pkg = !imp.external && packageOf(imp.path);
    if (pkg && !libraryChunk.has(pkg)) libraryChunk.set(pkg, libraryName(pkg));
  }
}
{
  const queue = Object.keys(inputs).filter(isSrc);
  const seen = new Set(queue);
  while (queue.length) {
    const f = queue.shift();
    const from = packageOf(f);
    for (const imp of inputs[f]?.imports ?? []) {
      if (imp.external || !inputs[imp.path] || seen.has(imp.path)) continue;
      seen.add(imp.path);
      queue.push(imp.path);
      const pkg = packageOf(imp.path);
      if (pkg && !libraryChunk.has(pkg)) libraryChunk.set(pkg, libraryChunk.get(from) ?? libraryName(pkg));
    }
  }
}

const extensionEager = eager.get('extension').modules;
const cliEager = eager.get('cli').modules;
/** The chunk that holds a module (paths relative to the root, as in the metafile). */
function ownerOf(file) {
  const entry = ENTRIES.find((e) => e.file === file);
  if (entry) return entry.chunk;
  const pkg = packageOf(file);
  if (pkg) return libraryChunk.get(pkg) ?? libraryName(pkg);
  if (file.startsWith('src/vscode/')) return extensionEager.has(file) ? 'extension' : 'vscode';
  if (file.startsWith('src/cli/')) return cliEager.has(file) ? 'cli' : 'commands';
  return extensionEager.has(file) || cliEager.has(file) ? 'base' : 'core';
}

const owner = new Map(Object.keys(inputs).map((f) => [f, ownerOf(f)]));
/** For every chunk: its modules, and which of them other chunks import (what its `load` must offer). */
const chunks = new Map();
const chunkOf = (name) => {
  if (!chunks.has(name)) chunks.set(name, { name, modules: new Set(), exported: new Set() });
  return chunks.get(name);
};
for (const [f, c] of owner) chunkOf(c).modules.add(f);
for (const e of ENTRIES) chunkOf(e.chunk).exported.add(e.file);
for (const [f, info] of Object.entries(inputs)) {
  for (const imp of info.imports) {
    if (imp.external || !owner.has(imp.path)) continue;
    if (owner.get(imp.path) !== owner.get(f)) chunkOf(owner.get(imp.path)).exported.add(imp.path);
  }
}

// Which chunks this build writes: everything reachable from the entries it builds.
function chunksNeeded() {
  const need = new Set(entries.map((e) => e.chunk));
  const queue = [...need];
  while (queue.length) {
    const c = chunks.get(queue.shift());
    for (const f of c.modules) {
      for (const imp of inputs[f]?.imports ?? []) {
        const o = owner.get(imp.path);
        if (o && !need.has(o)) {
          need.add(o);
          queue.push(o);
        }
      }
    }
  }
  return [...need];
}

// ---------------------------------------------------------------------------------------------------------
// 2. One esbuild run per chunk. Imports of modules in other chunks become `require("./chunk-X.js").load(id)`.
const chunkFile = (name) => `chunk-${name}.js`;

function chunkPlugin(chunk) {
  return {
    name: 'beacon-chunks',
    setup(build) {
      build.onResolve({ filter: /^beacon-chunk-entry$/ }, () => ({ path: chunk.name, namespace: 'beacon-chunk-entry' }));
      build.onLoad({ filter: /.*/, namespace: 'beacon-chunk-entry' }, () => {
        const ids = [...chunk.exported].sort();
        const table = ids.map((id) => `  ${JSON.stringify(id)}: () => require(${JSON.stringify(path.join(root, id))}),`).join('\n');
        return {
          resolveDir: root,
          loader: 'js',
          contents: `const modules = {\n${table}\n};\nconst loaded = Object.create(null);\n` +
            `exports.load = function load(id) {\n  if (id in loaded) return loaded[id];\n  const m = modules[id];\n` +
            `  if (!m) throw new Error("beacon-debug: " + id + " is not in ${chunkFile(chunk.name)} (rebuild: npm run build)");\n` +
            `  return (loaded[id] = m());\n};\n`,
        };
      });
      build.onResolve({ filter: /.*/, namespace: 'beacon-chunk-ref' }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: 'beacon-chunk-ref' }, (args) => {
        const [other, id] = args.path.split('|');
        return { loader: 'js', contents: `module.exports = require(${JSON.stringify('./' + chunkFile(other))}).load(${JSON.stringify(id)});\n` };
      });
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData?.beaconResolving || args.namespace !== 'file' || isBuiltin(args.path)) return undefined;
        const r = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { beaconResolving: true } });
        if (r.errors.length || r.external || !r.path) return undefined;
        const id = rel(r.path);
        const o = owner.get(id);
        if (o === undefined) throw new Error(`${id} (imported by ${rel(args.importer)}) is not in the module graph: rebuild`);
        if (o === chunk.name) return { path: r.path };
        return { path: `${o}|${id}`, namespace: 'beacon-chunk-ref' };
      });
    },
  };
}

/**
 * undici carries its HTTP parser twice, as WebAssembly with and without SIMD (70 KB each, base64), and uses the
 * second only where SIMD is missing or broken: Node on ppc64 before 24.12, or UNDICI_NO_WASM_SIMD=1. VS Code runs
 * on x64 and arm64, where Node 20+ always has it; the copy without SIMD is left out of the bundle, and asking
 * for it says why instead of failing somewhere inside undici.
 */
const withoutNonSimdParser = {
  name: 'undici-simd-parser-only',
  setup(build) {
    build.onResolve({ filter: /llhttp\/llhttp-wasm\.js$/ }, () => ({ path: 'llhttp-wasm', namespace: 'beacon-no-simd' }));
    build.onLoad({ filter: /.*/, namespace: 'beacon-no-simd' }, () => ({
      loader: 'js',
      contents: 'throw new Error("beacon-debug: HTTP needs WebAssembly SIMD (undici\'s parser without SIMD is not bundled); unset UNDICI_NO_WASM_SIMD, or use Node on x64 or arm64");',
    }));
  },
};

fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
fs.mkdirSync(path.join(root, 'dist'));
const built = [];
for (const name of chunksNeeded()) {
  const chunk = chunks.get(name);
  const r = await esbuild.build({
    ...common,
    entryPoints: ['beacon-chunk-entry'],
    outfile: path.join(root, 'dist', chunkFile(name)),
    minify: release,
    sourcemap: release ? false : 'linked',
    external: ['vscode'],
    metafile: true,
    plugins: [withoutNonSimdParser, chunkPlugin(chunk)],
  });
  built.push({ name, metafile: r.metafile });
}
// nothing bundled twice: every source file is in exactly one chunk
const placed = new Map();
for (const b of built) {
  for (const f of Object.keys(b.metafile.inputs)) {
    if (f.startsWith('beacon-chunk-')) continue;
    if (placed.has(f)) throw new Error(`${f} is bundled into both ${placed.get(f)} and ${b.name}`);
    placed.set(f, b.name);
  }
}
for (const e of entries) {
  fs.writeFileSync(path.join(root, e.out), e.stub(`require("./${chunkFile(e.chunk)}").load(${JSON.stringify(e.file)})`), { mode: 0o755 });
}

// ---------------------------------------------------------------------------------------------------------
// 3. Assets: web-tree-sitter and the Go grammar as WASM next to the chunks; the built-in plan as JSON
//    (validated here, so start-up needs neither the YAML parser nor zod); the results page.
for (const [from, to] of [
  ['node_modules/web-tree-sitter/tree-sitter.wasm', 'dist/tree-sitter.wasm'],
  ['node_modules/tree-sitter-go/tree-sitter-go.wasm', 'dist/tree-sitter-go.wasm'],
]) {
  if (fs.existsSync(path.join(root, from))) fs.copyFileSync(path.join(root, from), path.join(root, to));
}
const requireDist = createRequire(path.join(root, 'dist', 'build.cjs'));
const { validateRunbook } = requireDist('./' + chunkFile(owner.get('src/runbook/load.ts'))).load('src/runbook/load.ts');
compileRunbook(root, root, (data, source) => validateRunbook(data, source), buildId);
// the runbook schema for the editor's JSON / YAML validation of workspace runbooks (package.json points here)
const { runbookJsonSchema } = requireDist('./' + chunkFile(owner.get('src/runbook/load.ts'))).load('src/runbook/load.ts');
fs.writeFileSync(path.join(root, 'dist/runbook.schema.json'), JSON.stringify(runbookJsonSchema()));
if (!cliOnly) await import('./copy-webview-assets.mjs');

// The entry must load without touching the vscode API (VS Code may load it before the workbench is ready, and
// the start-up bench loads it without VS Code): in a fresh Node, every vscode function throws when called.
if (!cliOnly) {
  const probe = `const Module = require('module'); const load = Module._load;
    const used = (n) => { throw new Error('the vscode API is used while dist/extension.js loads: ' + n); };
    const deep = (n) => new Proxy(function () {}, { get: (_, p) => (p === 'then' || typeof p === 'symbol') ? undefined : deep(n + '.' + String(p)), apply: () => used(n), construct: () => used(n) });
    const stub = new Proxy({}, { get: (_, p) => (p === '__esModule' || typeof p === 'symbol') ? undefined : deep('vscode.' + String(p)) });
    Module._load = function (r, ...a) { return r === 'vscode' ? stub : load.call(this, r, ...a); };
    const m = require(${JSON.stringify(path.join(root, 'dist/extension.js'))});
    if (typeof m.activate !== 'function') throw new Error('dist/extension.js exports no activate()');`;
  const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  if (r.status !== 0) {
    const error = (r.stderr || r.stdout).split('\n').find((l) => /Error/.test(l)) ?? r.stderr;
    console.error(`build: dist/extension.js does not load on its own (is the vscode API used at a module's top level?): ${error}`);
    process.exit(1);
  }
}

// ---------------------------------------------------------------------------------------------------------
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const report = built
  .map((b) => ({ name: b.name, bytes: fs.statSync(path.join(root, 'dist', chunkFile(b.name))).size, modules: Object.keys(b.metafile.inputs).length - 1 }))
  .sort((a, b) => b.bytes - a.bytes);
if (verbose) {
  for (const r of report) console.log(`${chunkFile(r.name).padEnd(28)} ${kb(r.bytes).padStart(10)}  ${r.modules} modules`);
  for (const e of entries) console.log(`${e.file} starts with ${eager.get(e.chunk).modules.size} modules`);
}
const entrySize = (name) => report.find((r) => r.name === name)?.bytes ?? 0;
console.log(`built ${report.length} chunks (${kb(report.reduce((a, r) => a + r.bytes, 0))}${release ? ', release' : ''}); start-up: extension ${kb(entrySize('extension') + entrySize('base'))} (extension + base), cli ${kb(entrySize('cli') + entrySize('base'))}`);
