import * as assert from 'node:assert/strict';
import { buildRunView } from '../../../src/report/buildRunView';
import { compareRuns } from '../../../src/report/compareRuns';
import { historyEntry } from '../../../src/report/historyEntry';
import { decodeHostMessage, decodePageMessage, decodePageState, type PageMessage } from '../../../src/shared/webviewProtocol';
import { applyHostMessage, initialModel, pageState } from '../../../src/webview/results/pageModel';
import { fixtureRecord, runbook } from './fixtureRun';
import { evaluateRecord } from '../../../src/report/storedRecord';

describe('webview protocol', () => {
  describe('page → host', () => {
    const valid: PageMessage[] = [
      { type: 'ready' },
      { type: 'openStep', step: '0.1' },
      { type: 'applyFix', runId: '20251022T101500Z-a1b2c3', fix: 'fix-f' },
      { type: 'rerunFailed', runId: '20251022T101500Z-a1b2c3' },
      { type: 'exportReport', runId: '20251022T101500Z-a1b2c3' },
      { type: 'copyReport', runId: '20251022T101500Z-a1b2c3' },
      { type: 'selectRun', runId: 'live' },
      { type: 'compareRuns', before: '20251022T101500Z-a1b2c3', after: '20251022T111500Z-ffffff' },
      { type: 'showAllOutput', runId: '20251022T101500Z-a1b2c3', step: 'qw.4', check: 'job-logs' },
    ];
    for (const m of valid) {
      it(`accepts ${m.type}`, () => {
        const d = decodePageMessage(JSON.parse(JSON.stringify(m)));
        assert.ok(d.ok, d.ok ? '' : d.error);
        assert.deepEqual(d.message, m);
      });
    }

    const dropped: [string, unknown][] = [
      ['an unknown action', { type: 'runShell', argv: ['rm', '-rf', '/'] }],
      ['an action named like a host message', { type: 'init', view: null, history: [], emptyText: null }],
      ['a missing field', { type: 'applyFix', runId: 'live' }],
      ['an extra field', { type: 'applyFix', runId: 'live', fix: 'fix-f', argv: ['flyctl', 'apps', 'destroy'] }],
      ['a run id that walks out of the history folder', { type: 'selectRun', runId: '../../etc/passwd' }],
      ['a step id with a slash', { type: 'showAllOutput', runId: 'live', step: 'qw.4/../x', check: 'job-logs' }],
      ['a number where a string belongs', { type: 'openStep', step: 42 }],
      ['an overlong id', { type: 'openStep', step: 'a'.repeat(65) }],
      ['a string', 'ready'],
      ['null', null],
      ['an array', [{ type: 'ready' }]],
      ['no type', { step: '0.1' }],
    ];
    for (const [what, raw] of dropped) {
      it(`drops ${what}, with a reason to log`, () => {
        const d = decodePageMessage(raw);
        assert.equal(d.ok, false);
        assert.ok(!d.ok && /^dropped message /.test(d.error) && d.error.length <= 300, !d.ok ? d.error : '');
      });
    }

    it('names the dropped message type in the reason', () => {
      const d = decodePageMessage({ type: 'runShell' });
      assert.ok(!d.ok && d.error.includes('"runShell"'));
    });
  });

  describe('host → page', () => {
    it('accepts an init with a real run view and history', () => {
      const r = fixtureRecord();
      const msg = { type: 'init', view: buildRunView(runbook(), evaluateRecord(runbook(), r)), history: [historyEntry(r)], emptyText: null };
      const d = decodeHostMessage(JSON.parse(JSON.stringify(msg)));
      assert.ok(d.ok, d.ok ? '' : d.error);
      assert.equal(d.ok && d.message.type === 'init' && d.message.view?.runId, r.id);
    });

    it('accepts a comparison, a notice, a history list and a live update', () => {
      const r = fixtureRecord();
      const view = buildRunView(runbook(), evaluateRecord(runbook(), r));
      for (const m of [
        { type: 'compare', result: compareRuns(r, r) },
        { type: 'notice', level: 'info', text: 'Report copied to the clipboard.' },
        { type: 'history', entries: [historyEntry(r)] },
        { type: 'runUpdate', runId: 'live', running: true, counts: { running: 1 }, steps: view.groups[0].steps },
      ]) {
        const d = decodeHostMessage(m);
        assert.ok(d.ok, d.ok ? '' : `${m.type}: ${d.error}`);
      }
    });

    it('drops unknown and malformed messages', () => {
      const view = buildRunView(runbook(), fixtureRecord());
      const bad: unknown[] = [
        { type: 'eval', code: 'alert(1)' },
        { type: 'init', view: { ...view, counts: { exploded: 1 } }, history: [], emptyText: null },
        { type: 'init', view: { ...view, groups: [{ id: 'g', title: 't', steps: [{ id: 's' }] }] }, history: [], emptyText: null },
        { type: 'notice', level: 'fatal', text: 'x' },
        { type: 'notice', level: 'info', text: 'x'.repeat(2001) },
        { type: 'runUpdate', runId: '../x', running: true, counts: {}, steps: [] },
        undefined,
      ];
      for (const m of bad) assert.equal(decodeHostMessage(m).ok, false, JSON.stringify(m)?.slice(0, 120));
    });
  });

  it('keeps page state only when it is well formed', () => {
    assert.deepEqual(decodePageState({ selectedRunId: 'live', expanded: ['open:step:0.1'], scrollY: 120 }), {
      selectedRunId: 'live',
      expanded: ['open:step:0.1'],
      scrollY: 120,
    });
    assert.equal(decodePageState({ selectedRunId: '../../x', expanded: [], scrollY: 0 }), undefined);
    assert.equal(decodePageState(undefined), undefined);
    assert.equal(decodePageState({ selectedRunId: null, expanded: [], scrollY: -1 }), undefined);
  });

  it('a restored page keeps its run and scroll position in its state until init arrives', () => {
    const r = fixtureRecord();
    const restored = { selectedRunId: r.id, expanded: ['open:step:qw.3'], scrollY: 640 };
    const m = initialModel(restored);
    // the page stores its state on its first draw, before the host's init: the run shown and the
    // scroll position must not become null and 0 there (a reload then would lose them)
    assert.deepEqual(pageState(m, 0), restored);
    applyHostMessage(m, { type: 'init', view: buildRunView(runbook(), evaluateRecord(runbook(), r)), history: [historyEntry(r)], emptyText: null });
    assert.deepEqual(pageState(m, 640), restored);
    applyHostMessage(m, { type: 'init', view: null, history: [], emptyText: 'No run yet.' });
    assert.deepEqual(pageState(m, 0), { selectedRunId: null, expanded: ['open:step:qw.3'], scrollY: 0 });
    assert.deepEqual(pageState(initialModel(undefined), 0), { selectedRunId: null, expanded: [], scrollY: 0 });
  });
});
