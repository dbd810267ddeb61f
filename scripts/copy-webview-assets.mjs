// The results webview's assets, all under media/ (the webview's only local resource root):
//   media/results/results.js       the page script (src/webview/results/main.ts, with the
//                                   @vscode-elements components it uses and zod), bundled by esbuild
//   media/vendor/codicons/          codicon.css + codicon.ttf from @vscode/codicons, cut down to the icons the page
//                                   uses (gitignored)
// Run by scripts/build.mjs (which imports this file when it exists), or alone:
//   node scripts/copy-webview-assets.mjs [--release]
import * as esbuild from 'esbuild';
import fonteditor from 'fonteditor-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const { Font } = fonteditor;
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

// Codicons: only the glyphs the page names. The font has 650 (126 KB); the page and the @vscode-elements parts
// it uses name a few dozen, always as string literals ('pass', "chevron-down", …), so a name counts as used
// when it appears quoted in the page's bundle or as a class in its stylesheet. The font is cut down to those
// glyphs and the stylesheet to their rules (the webview test checks every icon on the page has its glyph).
const vendor = path.join(root, 'media/vendor/codicons');
fs.mkdirSync(vendor, { recursive: true });
const codicons = path.join(root, 'node_modules/@vscode/codicons/dist');
const glyphRule = /^\.codicon-([a-z0-9-]+):before \{ content: "\\([0-9a-f]+)" \}$/;
const pageText = fs.readFileSync(path.join(root, 'media/results/results.js'), 'utf8') + fs.readFileSync(path.join(root, 'media/results/results.css'), 'utf8');
const quoted = new Set([...pageText.matchAll(/["'`]([a-z0-9-]+)["'`]|codicon-([a-z0-9-]+)/g)].map((m) => m[1] ?? m[2]));
const keptLines = [];
const codepoints = [];
for (const line of fs.readFileSync(path.join(codicons, 'codicon.css'), 'utf8').split('\n')) {
  const m = glyphRule.exec(line.trim());
  if (m && !quoted.has(m[1])) continue;
  if (m) codepoints.push(parseInt(m[2], 16));
  keptLines.push(line);
}
if (codepoints.length < 10) throw new Error(`copy-webview-assets: only ${codepoints.length} codicons found in the page; the pattern in codicon.css changed?`);
fs.writeFileSync(path.join(vendor, 'codicon.css'), keptLines.join('\n'));
const font = Font.create(fs.readFileSync(path.join(codicons, 'codicon.ttf')), { type: 'ttf', subset: [...new Set(codepoints)], hinting: false });
fs.writeFileSync(path.join(vendor, 'codicon.ttf'), Buffer.from(font.write({ type: 'ttf' })));

const sizes = [path.join(root, 'media/results/results.js'), path.join(root, 'media/results/results.css'), path.join(vendor, 'codicon.css'), path.join(vendor, 'codicon.ttf')]
  .map((f) => `${rel(f)} ${(fs.statSync(f).size / 1024).toFixed(1)} KB`);
if (process.env.BEACON_BUILD_VERBOSE || import.meta.url === `file://${process.argv[1]}`) console.log(`webview assets: ${sizes.join(', ')}`);
