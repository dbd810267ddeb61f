import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: string | undefined;
/**
 * The folder holding this package's package.json — the same answer from the esbuild bundle
 * (`dist/`), the compiled tests (`out/src/...`) and the CLI.
 */
export function packageRoot(start = __dirname): string {
  if (cached) return cached;
  let dir = start;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if (JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'beacon-debug') return (cached = dir);
      } catch {
        /* not ours; keep looking */
      }
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find the beacon-debug package root above ${start}`);
    dir = up;
  }
}
