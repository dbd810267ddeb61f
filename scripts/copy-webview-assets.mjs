// The results webview's assets, all under media/ (the webview's only local resource root):
//   media/results/results.js       the page script (src/webview/results/main.ts, with the
//                                   @vscode-elements components it uses and zod), bundled by esbuild
//   media/vendor/codicons/          codicon.css + codicon.ttf from @vscode/codicons (gitignored)
// Run by scripts/build.mjs (which imports this file when it exists), or alone:
//   node scripts/copy-webview-assets.mjs [--release]
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const release = process.argv.includes('--release');
const rel = (p) => path.relative(root, p);

await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['src/webview/results/main.ts'],
  outfile: 'media/results/results.js',
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: ['chrome114'],
  minify: release,
  sourcemap: release ? false : 'linked',
  legalComments: release ? 'none' : 'eof',
  logLevel: 'warning',
  // the page never reaches the network or Node: anything that tries to is a build error
  external: [],
});
if (release) fs.rmSync(path.join(root, 'media/results/results.js.map'), { force: true });

const vendor = path.join(root, 'media/vendor/codicons');
fs.mkdirSync(vendor, { recursive: true });
for (const f of ['codicon.css', 'codicon.ttf']) {
  fs.copyFileSync(path.join(root, 'node_modules/@vscode/codicons/dist', f), path.join(vendor, f));
}

const sizes = [path.join(root, 'media/results/results.js'), path.join(root, 'media/results/results.css'), path.join(vendor, 'codicon.css'), path.join(vendor, 'codicon.ttf')]
  .map((f) => `${rel(f)} ${(fs.statSync(f).size / 1024).toFixed(1)} KB`);
if (process.env.BEACON_BUILD_VERBOSE || import.meta.url === `file://${process.argv[1]}`) console.log(`webview assets: ${sizes.join(', ')}`);
