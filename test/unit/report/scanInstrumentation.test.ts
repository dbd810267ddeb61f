import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GoInstrumenter } from '../../../src/golang/instrumenter';
import { loadGoParser, wasmPathsFromNodeModules } from '../../../src/golang/parser';
import { describeInstrumentation } from '../../../src/report/instrumentationStatus';
import { scanInstrumentation } from '../../../src/report/scanInstrumentation';
import { ROOT } from './fixtureRun';

const GO = path.join(ROOT, 'test/go/src/github.com/beacon/runner-app');

describe('finding debug instrumentation left in the code', () => {
  let dir: string;
  let instrumenter: GoInstrumenter;
  before(async () => {
    instrumenter = new GoInstrumenter(await loadGoParser(wasmPathsFromNodeModules(ROOT)));
  });
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'beacon-scan-'));
    await fs.cp(GO, dir, { recursive: true });
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('finds nothing in the clean fixture module (markers in strings and comments do not count)', async () => {
    const s = await scanInstrumentation(dir, { instrumenter, scope: 'folder runner-app', now: () => new Date('2025-10-22T10:00:00Z') });
    assert.deepEqual(s, { checkedAt: '2025-10-22T10:00:00.000Z', scope: 'folder runner-app', files: [], problems: [] });
    assert.match(describeInstrumentation(s), /^None: no `\/\/ beacon-debug:` block/);
  });

  it('finds the steps inserted by the instrumenter, with their lines', async () => {
    const file = path.join(dir, 'internal/worker/job_runner.go');
    const text = await fs.readFile(file, 'utf8');
    const out = instrumenter.insert(text, ['2.1', '2.2']);
    assert.deepEqual(out.inserted, ['2.1', '2.2']);
    await fs.writeFile(file, out.text);
    const s = await scanInstrumentation(dir, { instrumenter });
    assert.equal(s.files.length, 1);
    assert.equal(s.files[0].file, 'internal/worker/job_runner.go');
    assert.deepEqual(s.files[0].steps, ['2.1', '2.2']);
    const lines = out.text.split('\n');
    for (const n of s.files[0].lines) assert.match(lines[n - 1], /\/\/ beacon-debug:begin /);
    assert.match(describeInstrumentation(s), /STILL PRESENT in 1 file\(s\) of folder .* \(steps 2\.1, 2\.2\)/);
    // removing it again makes the scan clean
    await fs.writeFile(file, instrumenter.remove(out.text).text);
    assert.deepEqual((await scanInstrumentation(dir, { instrumenter })).files, []);
  });

  it('reports a damaged marker as a problem', async () => {
    await fs.writeFile(path.join(dir, 'broken.go'), 'package main\n\nfunc f() {\n\t// beacon-debug:begin 2.2\n\tprintln("x")\n}\n');
    const s = await scanInstrumentation(dir, { instrumenter });
    assert.equal(s.files.length, 1);
    assert.ok(s.problems.some((p) => p.startsWith('broken.go: ') && /no end/.test(p)), s.problems.join('; '));
  });

  it('skips vendor and hidden folders', async () => {
    await fs.mkdir(path.join(dir, 'vendor/x'), { recursive: true });
    await fs.writeFile(path.join(dir, 'vendor/x/v.go'), 'package x\n\nfunc f() {\n\t// beacon-debug:begin 2.2\n\t// beacon-debug:end 2.2\n}\n');
    assert.deepEqual((await scanInstrumentation(dir, { instrumenter })).files, []);
  });
});
