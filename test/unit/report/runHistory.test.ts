import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RunHistory } from '../../../src/report/runHistory';
import type { RunRecord } from '../../../src/report/runRecord';
import { fixtureRecord } from './fixtureRun';

function recordAt(base: RunRecord, minutes: number, label = `run ${minutes}`): RunRecord {
  const startedAt = new Date(Date.parse('2025-10-22T10:00:00.000Z') + minutes * 60_000).toISOString();
  return {
    ...base,
    id: `${startedAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${String(minutes).padStart(6, '0')}`,
    startedAt,
    finishedAt: new Date(Date.parse(startedAt) + 2000).toISOString(),
    request: { label, only: null },
  };
}

describe('run history', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'beacon-history-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('saves a run as one JSON file and loads it back unchanged', async () => {
    const h = new RunHistory(path.join(dir, 'runs'));
    const r = fixtureRecord();
    const saved = await h.save(r);
    assert.equal(saved.file, path.join(dir, 'runs', `run-${r.id}.json`));
    assert.deepEqual(saved.dropped, []);
    assert.equal(saved.notice, null);
    assert.deepEqual(await fs.readdir(path.join(dir, 'runs')), [`run-${r.id}.json`]);
    assert.deepEqual(await h.load(r.id), r);
    // a second history over the same folder (a new window) reads the same
    assert.deepEqual(await new RunHistory(path.join(dir, 'runs')).load(r.id), r);
  });

  it('lists runs newest first with their verdict counts and root cause', async () => {
    const h = new RunHistory(dir);
    const base = fixtureRecord();
    for (const m of [5, 1, 9]) await h.save(recordAt(base, m));
    const { entries, problems } = await h.list();
    assert.deepEqual(problems, []);
    assert.deepEqual(entries.map((e) => e.label), ['run 9', 'run 5', 'run 1']);
    assert.deepEqual(entries[0].counts, { fail: 5, inconclusive: 1, pass: 1 });
    assert.equal(entries[0].rootCause?.id, 'missing-hybrid-config');
    assert.equal((await h.latest())?.request.label, 'run 9');
  });

  it('keeps at most `cap` runs, drops the oldest and says so', async () => {
    const h = new RunHistory(dir, 3);
    const base = fixtureRecord();
    for (const m of [1, 2, 3]) assert.equal((await h.save(recordAt(base, m))).notice, null);
    const fourth = await h.save(recordAt(base, 4));
    assert.deepEqual(fourth.dropped.map((e) => e.label), ['run 1']);
    assert.match(fourth.notice ?? '', /keeps the last 3 runs: dropped the run of 2025-10-22T10:01:00\.000Z \(run 1, production\)/);
    const { entries } = await h.list();
    assert.deepEqual(entries.map((e) => e.label), ['run 4', 'run 3', 'run 2']);
    assert.equal((await fs.readdir(dir)).filter((f) => f.endsWith('.json')).length, 3);
    assert.equal(await h.load(recordAt(base, 1).id), undefined);
  });

  it('never drops the run it just saved, even when it is older than the rest', async () => {
    const h = new RunHistory(dir, 2);
    const base = fixtureRecord();
    await h.save(recordAt(base, 10));
    await h.save(recordAt(base, 11));
    const old = await h.save(recordAt(base, 1, 'late import'));
    assert.deepEqual(old.dropped.map((e) => e.label), ['run 10']);
    assert.deepEqual((await h.list()).entries.map((e) => e.label), ['run 11', 'late import']);
  });

  it('updates a run in place (a fix applied after it)', async () => {
    const h = new RunHistory(dir);
    const r = fixtureRecord();
    await h.save(r);
    const fix = { id: 'fix-f', argv: ['flyctl', 'secrets', 'set', 'HYBRID_BASE=https://router', '-a', 'app'], environment: 'production', appliedAt: '2025-10-22T10:20:00.000Z', exitCode: 0, output: 'Secrets are staged\n' };
    const next = await h.update(r.id, (x) => ({ ...x, fixesApplied: [...x.fixesApplied, fix] }));
    assert.deepEqual(next?.fixesApplied, [fix]);
    assert.deepEqual((await h.load(r.id))?.fixesApplied, [fix]);
    assert.equal(await h.update('20990101T000000Z-000000', (x) => x), undefined);
    await assert.rejects(h.update(r.id, (x) => ({ ...x, id: 'other-id' })), /keeps its id/);
  });

  it('reports a file that is not a run, and leaves it alone', async () => {
    const h = new RunHistory(dir);
    await h.save(fixtureRecord());
    await fs.writeFile(path.join(dir, 'run-20250101T000000Z-bad000.json'), '{"schemaVersion":1,"id":"20250101T000000Z-bad000"}');
    await fs.writeFile(path.join(dir, 'run-20250101T000000Z-bad001.json'), 'not json');
    await fs.writeFile(path.join(dir, 'notes.txt'), 'not a run either, and not ours');
    const { entries, problems } = await h.list();
    assert.equal(entries.length, 1);
    assert.equal(problems.length, 2);
    assert.ok(problems.every((p) => p.reason.length > 0));
    assert.equal((await fs.readdir(dir)).length, 4);
  });

  it('refuses ids that are not file-name safe', async () => {
    const h = new RunHistory(dir);
    assert.throws(() => h.fileOf('../escape'), /not a run id/);
    await assert.rejects(h.save({ ...fixtureRecord(), id: '../escape' }));
    assert.throws(() => new RunHistory(dir, 0), /positive integer/);
  });

  it('serialises concurrent saves (none is lost, the cap still holds)', async () => {
    const h = new RunHistory(dir, 5);
    const base = fixtureRecord();
    await Promise.all(Array.from({ length: 8 }, (_, i) => h.save(recordAt(base, i + 1))));
    assert.deepEqual((await h.list()).entries.map((e) => e.label), ['run 8', 'run 7', 'run 6', 'run 5', 'run 4']);
  });
});
