// The build's JSON copy of the built-in plan (scripts/compile-runbook.mjs) serves activation only while it
// matches the YAML byte for byte (by SHA-256), and is validated like the YAML.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BUILTIN_RUNBOOK_FILE, builtinRunbookInfo, COMPILED_RUNBOOK_FILE, parseRunbook, RunbookError } from '../../../src/runbook/load';
import { packageRoot } from '../../../src/runbook/paths';

/** A package root holding a copy of the plan's YAML, compiled by the real build script unless `compile` is false. */
function packageCopy(opts: { compile?: boolean; yaml?: (text: string) => string } = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-rb-'));
  const yaml = fs.readFileSync(path.join(packageRoot(), BUILTIN_RUNBOOK_FILE), 'utf8');
  fs.mkdirSync(path.join(root, 'runbooks'));
  fs.writeFileSync(path.join(root, BUILTIN_RUNBOOK_FILE), yaml);
  if (opts.compile !== false) {
    const r = spawnSync(process.execPath, [path.join(packageRoot(), 'scripts/compile-runbook.mjs'), root], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), path.join(root, COMPILED_RUNBOOK_FILE));
  }
  if (opts.yaml) fs.writeFileSync(path.join(root, BUILTIN_RUNBOOK_FILE), opts.yaml(yaml));
  return root;
}

function editCompiled(root: string, change: (data: { phases: { title: string }[] }) => void): void {
  const file = path.join(root, COMPILED_RUNBOOK_FILE);
  const c = JSON.parse(fs.readFileSync(file, 'utf8'));
  change(c.data);
  fs.writeFileSync(file, JSON.stringify(c));
}

describe('runbook: the compiled copy of the built-in plan', () => {
  const roots: string[] = [];
  const root = (opts?: Parameters<typeof packageCopy>[0]) => {
    const r = packageCopy(opts);
    roots.push(r);
    return r;
  };
  after(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

  it('serves the same plan as the YAML', () => {
    const r = root();
    const info = builtinRunbookInfo(r);
    assert.equal(info.from, 'compiled');
    const fromYaml = parseRunbook(fs.readFileSync(path.join(r, BUILTIN_RUNBOOK_FILE), 'utf8'));
    assert.deepEqual(info.runbook, fromYaml);
  });

  it('is what is read while it matches the YAML (a change made only in the JSON shows)', () => {
    const r = root();
    editCompiled(r, (d) => { d.phases[0]!.title = 'Changed in the compiled copy'; });
    const info = builtinRunbookInfo(r);
    assert.equal(info.from, 'compiled');
    assert.equal(info.runbook.phases[0]!.title, 'Changed in the compiled copy');
  });

  it('is ignored once the YAML changed: the YAML is the source', () => {
    const r = root({ yaml: (t) => t.replace(/\n$/, '\n# edited after the build\n') });
    editCompiled(r, (d) => { d.phases[0]!.title = 'Stale compiled copy'; });
    const info = builtinRunbookInfo(r);
    assert.equal(info.from, 'yaml');
    assert.notEqual(info.runbook.phases[0]!.title, 'Stale compiled copy');
  });

  it('is ignored when missing or unreadable', () => {
    assert.equal(builtinRunbookInfo(root({ compile: false })).from, 'yaml');
    const r = root();
    fs.writeFileSync(path.join(r, COMPILED_RUNBOOK_FILE), '{"format": 1, "sha256": ');
    assert.equal(builtinRunbookInfo(r).from, 'yaml');
  });

  it('is validated like the YAML: a bad field is an error with its path', () => {
    const r = root();
    editCompiled(r, (d) => { (d.phases[0] as unknown as { steps: unknown }).steps = 'not a list'; });
    assert.throws(() => builtinRunbookInfo(r), (e: unknown) => e instanceof RunbookError && /at phases\[0\]\.steps: /.test(e.message));
  });
});
