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
import { parseRunbook, RunbookError, validateRunbook } from '../../../src/runbook/load';
import { BUILTIN_RUNBOOK_FILE, builtinRunbookInfo, COMPILED_RUNBOOK_FILE } from '../../../src/runbook/builtin';
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

/** The build id the copies below are compiled with; scripts/build.mjs writes its own into the bundles. */
const BUILD_ID = 'test-build';

/** A package root compiled the way scripts/build.mjs does it: validated by the schema, format 2. */
async function validatedCopy(): Promise<string> {
  const root = packageCopy({ compile: false });
  // an ES module from CommonJS: tsc would turn a plain import() into require()
  const importEsm = new Function('u', 'return import(u)') as (u: string) => Promise<{ compileRunbook: (r: string, o: string, v: unknown, id: string) => string }>;
  const { compileRunbook } = await importEsm(pathToFileURL(path.join(packageRoot(), 'scripts/compile-runbook.mjs')).href);
  compileRunbook(root, root, validateRunbook, BUILD_ID);
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
    const global = globalThis as { BEACON_COMPILED_RUNBOOK_ID?: string };
    before(async () => {
      built = await validatedCopy();
      roots.push(built);
    });
    // in the bundles, esbuild writes the build id in; tsc's output reads it from the global
    beforeEach(() => {
      global.BEACON_COMPILED_RUNBOOK_ID = BUILD_ID;
    });
    afterEach(() => {
      delete global.BEACON_COMPILED_RUNBOOK_ID;
    });

    it('is the plan as the schema gave it: the same as the YAML, defaults filled in', () => {
      const info = builtinRunbookInfo(built);
      assert.equal(info.from, 'compiled');
      assert.deepEqual(info.runbook, parseRunbook(fs.readFileSync(path.join(built, BUILTIN_RUNBOOK_FILE), 'utf8')));
    });

    it('is validated when the code is not of the build that wrote it (a schema changed since: the tests, a stale dist/)', () => {
      global.BEACON_COMPILED_RUNBOOK_ID = 'another-build';
      const r = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-rb-'));
      roots.push(r);
      fs.cpSync(built, r, { recursive: true });
      assert.equal(builtinRunbookInfo(r).from, 'validated');
      delete global.BEACON_COMPILED_RUNBOOK_ID;
      const r2 = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-rb-'));
      roots.push(r2);
      fs.cpSync(built, r2, { recursive: true });
      assert.equal(builtinRunbookInfo(r2).from, 'validated');
    });

    it('loads neither the YAML parser nor zod, and without the YAML not node:crypto either', () => {
      const packaged = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-rb-'));
      roots.push(packaged);
      fs.cpSync(built, packaged, { recursive: true });
      fs.rmSync(path.join(packaged, BUILTIN_RUNBOOK_FILE));
      for (const [root, withYaml] of [[built, true], [packaged, false]] as const) {
        const script = `globalThis.BEACON_COMPILED_RUNBOOK_ID = ${JSON.stringify(BUILD_ID)};
          const { builtinRunbookInfo } = require(${JSON.stringify(path.join(packageRoot(), 'out/src/runbook/builtin.js'))});
          const info = builtinRunbookInfo(${JSON.stringify(root)});
          const libs = Object.keys(require.cache).filter((f) => /node_modules[\\/](zod|yaml)[\\/]/.test(f));
          const crypto = process.moduleLoadList.includes('NativeModule crypto');
          console.log(JSON.stringify({ from: info.from, steps: info.runbook.phases.length, libs, crypto }));`;
        // a file, not node -e: -e loads node:crypto itself
        const file = path.join(packaged, 'probe.js');
        fs.writeFileSync(file, script);
        const r = spawnSync(process.execPath, [file], { encoding: 'utf8' });
        assert.equal(r.status, 0, r.stderr);
        const out = JSON.parse(r.stdout);
        assert.equal(out.from, 'compiled');
        assert.ok(out.steps >= 6);
        assert.deepEqual(out.libs, []);
        assert.equal(out.crypto, withYaml, `node:crypto loaded: ${out.crypto}; the YAML is there: ${withYaml}`);
      }
    });

    it('is still ignored once the YAML changed', () => {
      const r = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-rb-'));
      roots.push(r);
      fs.cpSync(built, r, { recursive: true });
      editCompiled(r, (d) => { d.phases[0]!.title = 'Stale compiled copy'; });
      fs.appendFileSync(path.join(r, BUILTIN_RUNBOOK_FILE), '# edited after the build\n');
      const info = builtinRunbookInfo(r);
      assert.equal(info.from, 'yaml');
      assert.notEqual(info.runbook.phases[0]!.title, 'Stale compiled copy');
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
