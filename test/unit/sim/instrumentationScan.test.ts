import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanInstrumentation } from '../../../src/sim/instrumentationScan';
import { SNIPPET_MARKERS } from '../../../src/shared/instrumentationLines';
import { APP, instrumentCli } from '../golang/fixture';

describe('sim/instrumentationScan: what a deploy ships', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-scan-'));
    fs.cpSync(APP, dir, { recursive: true });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('recognises every snippet the instrumenter writes (the same texts, shared/instrumentationLines.ts), and none in the clean code', async () => {
    assert.deepEqual(scanInstrumentation(dir), []);
    const r = await instrumentCli(dir);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(scanInstrumentation(dir), SNIPPET_MARKERS.map(([id]) => id));
    const removed = await instrumentCli(dir, '--remove');
    assert.equal(removed.code, 0, removed.err);
    assert.deepEqual(scanInstrumentation(dir), []);
  });

  it('null where there is no Go source', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-scan-empty-'));
    try {
      assert.equal(scanInstrumentation(empty), null);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
