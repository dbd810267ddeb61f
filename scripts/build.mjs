// Bundles the extension and the CLI with esbuild. Type-checking is separate (`npm run typecheck`).
//   node scripts/build.mjs            development: sourcemaps, not minified
//   node scripts/build.mjs --release  minified, no sourcemaps (what `npm run package` ships)
//   node scripts/build.mjs --cli-only only the CLI and the simulator's fakes (for `npm run demo`)
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRunbook } from './compile-runbook.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const release = process.argv.includes('--release');
const cliOnly = process.argv.includes('--cli-only');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: release,
  sourcemap: release ? false : 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
};

const entries = [
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['src/sim/fakeTools.ts'], outfile: 'dist/fakeTools.js' },
];
if (!cliOnly) entries.unshift({ entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] });

fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
for (const e of entries) {
  if (!fs.existsSync(path.join(root, e.entryPoints[0]))) continue;
  await esbuild.build({ ...common, ...e });
}
// web-tree-sitter and the Go grammar are loaded at run time as WASM files next to the bundle
for (const [from, to] of [
  ['node_modules/web-tree-sitter/tree-sitter.wasm', 'dist/tree-sitter.wasm'],
  ['node_modules/tree-sitter-go/tree-sitter-go.wasm', 'dist/tree-sitter-go.wasm'],
]) {
  if (fs.existsSync(path.join(root, from))) fs.copyFileSync(path.join(root, from), path.join(root, to));
}
// the built-in plan as JSON: activation then skips the slow YAML parse (the YAML stays the source)
compileRunbook(root);
if (!cliOnly && fs.existsSync(path.join(root, 'scripts/copy-webview-assets.mjs'))) {
  await import('./copy-webview-assets.mjs');
}
