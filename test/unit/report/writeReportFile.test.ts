import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diagnose } from '../../../src/diagnosis/diagnose';
import { REPORT_SECTIONS } from '../../../src/report/incidentReport';
import { writeReportFile } from '../../../src/report/writeReportFile';
import { CANARY_DB_PASSWORD, CANARY_TOKEN, outcome, ROOT, runbook, target } from './fixtureRun';

describe('writeReportFile (the CLI\'s --report FILE)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'beacon-report-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('writes the markdown incident report of a diagnosed run, without its secrets', async () => {
    const o = outcome();
    const file = path.join(dir, 'nested/incident.md');
    const written = await writeReportFile(file, {
      runbook: runbook(),
      target: target(),
      request: { label: 'beacon-debug diagnose' },
      outcome: o,
      diagnosis: diagnose(runbook(), o.facts, o.results, { target: target() }),
      sourceDir: path.join(ROOT, 'test/go/src/github.com/beacon/runner-app'),
    });
    assert.equal(written.file, file);
    const md = await fs.readFile(file, 'utf8');
    assert.equal(written.bytes, Buffer.byteLength(md));
    for (const s of REPORT_SECTIONS) assert.match(md, new RegExp(`^## ${s}$`, 'm'));
    assert.match(md, /Root cause: Missing HYBRID_BASE/);
    assert.match(md, /Debug instrumentation: None: no `\/\/ beacon-debug:` block in the Go files of folder runner-app\./);
    assert.ok(!md.includes(CANARY_TOKEN) && !md.includes(CANARY_DB_PASSWORD));
  });

  it('says when no source folder was searched, and when the run was not diagnosed', async () => {
    const file = path.join(dir, 'run.md');
    await writeReportFile(file, { runbook: runbook(), target: target(), request: { label: 'beacon-debug run' }, outcome: outcome(), sourceDir: null });
    const md = await fs.readFile(file, 'utf8');
    assert.match(md, /Debug instrumentation: Not checked/);
    assert.match(md, /\*\*Root cause: not diagnosed\.\*\*/);
  });
});
