// Compiles the built-in runbook's YAML to JSON next to the bundle. Parsing the 90 KB plan with the YAML
// library and validating it with zod is most of what activation would cost; JSON.parse of the same data takes
// about a millisecond. build.mjs passes `validate` (the zod schema and the cross-checks of src/runbook/load.ts),
// so the JSON holds the schema's output (defaults filled in; format 2, with the build's id, which the bundles
// also carry) and a plan that does not validate fails the build. The JSON carries the SHA-256 of the YAML it came from: src/runbook/builtin.ts uses it as it is
// while that still matches, or when the YAML is not there (the packages ship only the JSON); an edited YAML
// is read as YAML and validated.
//   node scripts/compile-runbook.mjs [ROOT [OUT_ROOT]]   (unvalidated; build.mjs calls compileRunbook())
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const RUNBOOK_SOURCE = 'runbooks/execution-failure.yaml';
export const COMPILED_RUNBOOK = 'dist/execution-failure.runbook.json';

export function compileRunbook(root, outRoot = root, validate = undefined, buildId = undefined) {
  const text = fs.readFileSync(path.join(root, RUNBOOK_SOURCE), 'utf8');
  const sha256 = (s) => crypto.createHash('sha256').update(s).digest('hex');
  const raw = parse(text);
  let compiled;
  if (validate) {
    compiled = { format: 2, source: RUNBOOK_SOURCE, sha256: sha256(text), buildId, data: validate(raw, RUNBOOK_SOURCE) };
  } else {
    compiled = { format: 1, source: RUNBOOK_SOURCE, sha256: sha256(text), data: raw };
  }
  const out = path.join(outRoot, COMPILED_RUNBOOK);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(compiled));
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  console.log(compileRunbook(root, path.resolve(process.argv[3] ?? root)));
}
