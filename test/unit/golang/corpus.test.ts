// Real Go code nobody here wrote: a seeded sample of functions from Debian's Go sources gets a
// generic entry/exit trace and a call-site trace, put in by the machinery the plan's steps use
// (placement, names in scope, imports, markers); the instrumented packages are built and vetted;
// removal must give every file back byte for byte. Prints built/total, identical/total and
// refused/total (with the reasons).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { GoInstrumenter } from '../../../src/golang/instrumenter';
import type { TraceId } from '../../../src/golang/markers';
import { decodeSource, encodeSource } from '../../../src/golang/sourceBytes';
import { functionAnchors } from '../../../src/golang/snippets/genericTrace';
import { applyEdits } from '../../../src/golang/textEdits';
import { CORPUS, GOCODE, missingCorpus, PER_PACKAGE, SEED, seeded, shuffle } from './corpus';
import { instrumenter, parser } from './fixture';
import { findGo, run } from './goTree';

interface Sampled {
  pkg: string;
  file: string;
  index: number;
  name: string;
  outcome: Partial<Record<TraceId, 'inserted' | 'n/a' | { refused: string }>>;
}

describe('golang: instrumentation on Debian’s Go sources (a seeded corpus sample)', function () {
  this.timeout(20 * 60_000);
  let ins: GoInstrumenter;
  let go: string;
  let gopath: string;
  const sample: Sampled[] = [];
  /** file → [original bytes, instrumented text] */
  const changed = new Map<string, { original: Buffer; text: string; pkg: string }>();
  const env = () => ({ ...process.env, GO111MODULE: 'off', GOFLAGS: '', GOPROXY: 'off', GOTOOLCHAIN: 'local', GOPATH: `${gopath}${path.delimiter}${GOCODE}` });

  before(async () => {
    const tools = findGo();
    if (tools instanceof Error) throw tools;
    go = tools.go;
    const { missing, hint } = missingCorpus();
    if (missing.length) throw new Error(`corpus packages missing under ${GOCODE}: ${missing.join(', ')} — ${hint}`);
    ins = await instrumenter();
    gopath = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-corpus-'));
  });

  after(() => {
    if (gopath && !process.env.BEACON_KEEP_GO_TREE) fs.rmSync(gopath, { recursive: true, force: true });
  });

  it('draws ≥ 200 functions across ≥ 20 packages with a fixed seed and instruments each with both traces', async () => {
    const list = await run(go, ['list', '-f', '{{.ImportPath}}\t{{.Dir}}\t{{join .GoFiles " "}}', ...CORPUS.map((c) => c.pkg)], {
      cwd: os.tmpdir(),
      env: { ...process.env, GO111MODULE: 'off', GOFLAGS: '', GOPATH: GOCODE },
    });
    assert.equal(list.code, 0, list.stderr);
    const p = await parser();
    const rand = seeded(SEED);
    for (const line of list.stdout.trim().split('\n')) {
      const [pkg, dir, files] = line.split('\t');
      const names = files.split(' ').filter(Boolean).sort();
      const texts = new Map(names.map((f) => [f, decodeSource(fs.readFileSync(path.join(dir, f)))]));
      const candidates: { file: string; index: number; name: string }[] = [];
      for (const f of names) {
        const tree = p.parse(texts.get(f)!);
        functionAnchors(tree.rootNode).forEach((a, index) => candidates.push({ file: path.join(dir, f), index, name: a.func.childForFieldName('name')?.text ?? '?' }));
        tree.delete();
      }
      const picked = shuffle(candidates, rand).slice(0, PER_PACKAGE);
      const info = ins.packageInfo([...texts.values()]);
      // per file, the picked functions in any order: indexes stay valid (no function is added)
      for (const s of picked) {
        const entry: Sampled = { pkg, ...s, outcome: {} };
        sample.push(entry);
        const cur = changed.get(s.file) ?? { original: fs.readFileSync(s.file), text: texts.get(path.basename(s.file))!, pkg };
        for (const id of ['trace-entry', 'trace-call'] as const) {
          const a = ins.planTrace(cur.text, id, s.index, info);
          if ('edits' in a) {
            cur.text = applyEdits(cur.text, a.edits);
            entry.outcome[id] = 'inserted';
          } else entry.outcome[id] = a.refused ? { refused: a.skipped } : 'n/a';
        }
        changed.set(s.file, cur);
      }
      // the package's copy in the test GOPATH (it shadows Debian's): instrumented files and the rest as they are
      const copy = path.join(gopath, 'src', pkg);
      fs.mkdirSync(copy, { recursive: true });
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (!e.isFile() || e.name.endsWith('_test.go')) continue;
        const from = path.join(dir, e.name);
        const c = changed.get(from);
        fs.writeFileSync(path.join(copy, e.name), c ? encodeSource(c.text) : fs.readFileSync(from));
      }
    }
    // a copy may import internal packages of its own tree only from that tree: copy those along (as they are)
    const deps = await run(go, ['list', '-deps', '-f', '{{.ImportPath}}\t{{.Dir}}', ...CORPUS.map((c) => c.pkg)], {
      cwd: os.tmpdir(),
      env: { ...process.env, GO111MODULE: 'off', GOFLAGS: '', GOPATH: GOCODE },
    });
    assert.equal(deps.code, 0, deps.stderr);
    // every package of such a tree that the build reaches is copied, or the tree would be half shadowed
    const all = deps.stdout.trim().split('\n').map((l) => l.split('\t')).filter(([, dir]) => dir.startsWith(GOCODE + '/'));
    const roots = new Set(all.map(([ip]) => ip).filter((ip) => /\/internal(\/|$)/.test(ip)).map((ip) => ip.slice(0, ip.search(/\/internal(\/|$)/))));
    const corpus = new Set(CORPUS.map((c) => c.pkg));
    for (const [ip, dir] of all) {
      if (corpus.has(ip) || ![...roots].some((r) => ip === r || ip.startsWith(r + '/'))) continue;
      const copy = path.join(gopath, 'src', ip);
      fs.mkdirSync(copy, { recursive: true });
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isFile() && !e.name.endsWith('_test.go')) fs.copyFileSync(path.join(dir, e.name), path.join(copy, e.name));
    }
    const packages = new Set(sample.map((s) => s.pkg));
    assert.ok(sample.length >= 200, `only ${sample.length} functions`);
    assert.ok(packages.size >= 20, `only ${packages.size} packages`);
  });

  it('every instrumented package builds and vets; refusals stay under 5 % each, each with its reason', async () => {
    const pkgs = [...new Set(sample.map((s) => s.pkg))];
    const build = await run(go, ['build', ...pkgs], { cwd: gopath, env: env() });
    const vet = await run(go, ['vet', ...pkgs], { cwd: gopath, env: env() });
    const broken = new Set<string>();
    for (const out of [build.stderr, vet.stderr]) for (const m of out.matchAll(/^# (\S+)/gm)) broken.add(m[1]);
    const total = sample.length;
    const built = sample.filter((s) => !broken.has(s.pkg)).length;
    const refusedOf = (id: TraceId) => sample.filter((s) => typeof s.outcome[id] === 'object');
    const insertedOf = (id: TraceId) => sample.filter((s) => s.outcome[id] === 'inserted').length;
    const lines = [
      `corpus: ${total} functions in ${pkgs.length} packages of ${new Set(CORPUS.map((c) => c.deb)).size} Debian packages (seed ${SEED.toString(16)})`,
      `  built and vetted: ${built}/${total}`,
      `  entry/exit trace: inserted ${insertedOf('trace-entry')}/${total}, refused ${refusedOf('trace-entry').length}/${total}`,
      `  call-site trace:  inserted ${insertedOf('trace-call')}/${total}, refused ${refusedOf('trace-call').length}/${total}, no call statement ${sample.filter((s) => s.outcome['trace-call'] === 'n/a').length}/${total}`,
    ];
    for (const id of ['trace-entry', 'trace-call'] as const) {
      for (const s of refusedOf(id)) lines.push(`  refused ${id} in ${s.pkg} ${s.name}: ${(s.outcome[id] as { refused: string }).refused}`);
    }
    console.log('\n' + lines.map((l) => '      ' + l).join('\n'));
    assert.equal(build.code, 0, `go build failed:\n${build.stderr}`);
    assert.equal(vet.code, 0, `go vet failed:\n${vet.stderr}`);
    assert.equal(built, total);
    for (const id of ['trace-entry', 'trace-call'] as const) assert.ok(refusedOf(id).length <= total * 0.05, `${id}: ${refusedOf(id).length} refusals`);
    assert.ok(insertedOf('trace-entry') > 0 && insertedOf('trace-call') > 0);
  });

  it('removal gives back every file byte for byte', () => {
    let identical = 0;
    const differ: string[] = [];
    for (const [file, c] of changed) {
      const back = ins.remove(c.text);
      if (encodeSource(back.text).equals(c.original) && back.skipped.length === 0) identical++;
      else differ.push(file);
    }
    const inFiles = sample.filter((s) => !differ.includes(s.file)).length;
    console.log(`      identical after removal: ${inFiles}/${sample.length} functions (${identical}/${changed.size} files)`);
    assert.deepEqual(differ, []);
  });
});
