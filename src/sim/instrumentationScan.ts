/**
 * What `flyctl deploy` ships: the fake deploy reads the Go sources under the working directory and
 * notes which of the plan's instrumentation snippets they contain (by the lines each one prints,
 * shared/instrumentationLines.ts, the texts the snippets are written with),
 * so the simulated runner logs exactly what the deployed code would log.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SNIPPET_MARKERS } from '../shared/instrumentationLines';

const SKIP = new Set(['node_modules', '.git', 'vendor', 'out', 'dist', 'testdata', '.vscode-test']);

/** The snippet ids found in the Go files under `dir`, or null when there is no Go source there. */
export function scanInstrumentation(dir: string, limits = { depth: 8, files: 3000 }): string[] | null {
  const found = new Set<string>();
  let goFiles = 0;
  const walk = (d: string, depth: number) => {
    if (depth > limits.depth || goFiles >= limits.files) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (goFiles >= limits.files) return;
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!SKIP.has(e.name) && !e.name.startsWith('.')) walk(p, depth + 1);
      } else if (e.isFile() && e.name.endsWith('.go') && !e.name.endsWith('_test.go')) {
        goFiles++;
        let text: string;
        try {
          if (fs.statSync(p).size > 2 << 20) continue;
          text = fs.readFileSync(p, 'utf8');
        } catch {
          continue;
        }
        for (const [id, texts] of SNIPPET_MARKERS) if (texts.some((t) => text.includes(t))) found.add(id);
      }
    }
  };
  walk(dir, 0);
  return goFiles === 0 ? null : SNIPPET_MARKERS.map(([id]) => id).filter((id) => found.has(id));
}
