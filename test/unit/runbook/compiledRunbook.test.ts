// The build's JSON copy of the built-in plan (scripts/compile-runbook.mjs) serves activation only while it
// matches the YAML byte for byte (by SHA-256). Compiled without validation it is validated like the YAML;
// compiled by the build (validated there) it is used as it is while its data hash matches — without
// loading the YAML parser or zod — and is the plan where the YAML is not shipped.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILTIN_RUNBOOK_FILE, builtinRunbookInfo, COMPILED_RUNBOOK_FILE, parseRunbook, RunbookError, validateRunbook } from '../../../src/runbook/load';
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
  if (typeof c.data === 'string') {
    const data = JSON.parse(c.data);
    change(data);
    c.data = JSON.stringify(data);
  } else change(c.data);
  fs.writeFileSync(file, JSON.stringify(c));
}

/** A package root compiled the way scripts/build.mjs does it: validated by the schema, format 2. */
async function validatedCopy(): Promise<string> {
  const root = packageCopy({ compile: false });
  // an ES module from CommonJS: tsc would turn a plain import() into require()
  const importEsm = new Function('u', 'return import(u)') as (u: string) => Promise<{ compileRunbook: (r: string, o: string, v: unknown) => string }>;
  const { compileRunbook } = await importEsm(pathToFileURL(path.join(packageRoot(), 'scripts/compile-runbook.mjs')).href);
  compileRunbook(root, root, validateRunbook);
  return root;
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
    assert.equal(info.from, 'validated');
    const fromYaml = parseRunbook(fs.readFileSync(path.join(r, BUILTIN_RUNBOOK_FILE), 'utf8'));
    assert.deepEqual(info.runbook, fromYaml);
  });

  it('is what is read while it matches the YAML (a change made only in the JSON shows)', () => {
    const r = root();
    editCompiled(r, (d) => { d.phases[0]!.title = 'Changed in the compiled copy'; });
    const info = builtinRunbookInfo(r);
    assert.equal(info.from, 'validated');
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

  describe('compiled and validated by the build (format 2)', () => {
    let built: string;
    before(async () => {
      built = await validatedCopy();
      roots.push(built);
    });

    it('is the plan as the schema gave it: the same as the YAML, defaults filled in', () => {
      const info = builtinRunbookInfo(built);
      assert.equal(info.from, 'compiled');
      assert.deepEqual(info.runbook, parseRunbook(fs.readFileSync(path.join(built, BUILTIN_RUNBOOK_FILE), 'utf8')));
    });

    it('loads neither the YAML parser nor zod', () => {
      const script = `const { builtinRunbookInfo } = require(${JSON.stringify(path.join(packageRoot(), 'out/src/runbook/builtin.js'))});
        const info = builtinRunbookInfo(${JSON.stringify(built)});
        const libs = Object.keys(require.cache).filter((f) => /node_modules[\\/](zod|yaml)[\\/]/.test(f));
        console.log(JSON.stringify({ from: info.from, steps: info.runbook.phases.length, libs }));`;
      const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      assert.equal(out.from, 'compiled');
      assert.ok(out.steps >= 6);
      assert.deepEqual(out.libs, []);
    });

    it('is validated again when its data no longer has the hash the build wrote', () => {
      const r = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-rb-'));
      roots.push(r);
      fs.cpSync(built, r, { recursive: true });
      editCompiled(r, (d) => { (d.phases[0] as unknown as { steps: unknown }).steps = 'not a list'; });
      assert.throws(() => builtinRunbookInfo(r), (e: unknown) => e instanceof RunbookError && /at phases\[0\]\.steps: /.test(e.message));
    });

    it('serves alone where the YAML is not shipped (the .vsix, the npm package)', () => {
      const r = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-rb-'));
      roots.push(r);
      fs.cpSync(built, r, { recursive: true });
      fs.rmSync(path.join(r, BUILTIN_RUNBOOK_FILE));
      assert.equal(builtinRunbookInfo(r).from, 'compiled');
    });

    it('with neither file there, says which two files it looked for', () => {
      const r = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-rb-'));
      roots.push(r);
      assert.throws(() => builtinRunbookInfo(r), (e: unknown) => e instanceof RunbookError && e.message.includes(BUILTIN_RUNBOOK_FILE) && e.message.includes(COMPILED_RUNBOOK_FILE));
    });
  });
});
