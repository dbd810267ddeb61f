// Compiles the built-in runbook's YAML to JSON next to the bundle. Parsing the 90 KB plan with the YAML
// library is most of what activation costs; JSON.parse of the same data takes about a millisecond. The JSON
// carries the SHA-256 of the YAML it came from: src/runbook/load.ts uses it only while that still matches
// (an edited YAML is read as YAML), and validates it with the same zod schema either way.
//   node scripts/compile-runbook.mjs [ROOT [OUT_ROOT]]   (build.mjs calls compileRunbook())
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const RUNBOOK_SOURCE = 'runbooks/execution-failure.yaml';
export const COMPILED_RUNBOOK = 'dist/execution-failure.runbook.json';

export function compileRunbook(root, outRoot = root) {
  const text = fs.readFileSync(path.join(root, RUNBOOK_SOURCE), 'utf8');
  const compiled = { format: 1, source: RUNBOOK_SOURCE, sha256: crypto.createHash('sha256').update(text).digest('hex'), data: parse(text) };
  const out = path.join(outRoot, COMPILED_RUNBOOK);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(compiled));
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  console.log(compileRunbook(root, path.resolve(process.argv[3] ?? root)));
}
