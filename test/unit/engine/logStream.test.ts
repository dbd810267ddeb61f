// Stream Runner Logs without VS Code: the argv, the plan's filter, lines cut per output stream,
// secrets redacted before anything sees a line, colours stripped for display, memory bounded.
import * as assert from 'node:assert/strict';
import { BoundedLines, flyctlLogsArgv, LineSplitter, LogStreamLines, PLAN_LOG_FILTER } from '../../../src/engine/logs/logStream';
import { redactorFor } from '../../../src/engine/redact';

const FLY = '2025-10-09T15:37:50.766 app[857509c4e7d578] lhr [info] ';

describe('engine: runner log stream', () => {
  it('argv: flyctl logs -a APP, without --no-tail (it streams until stopped)', () => {
    assert.deepEqual(flyctlLogsArgv('/usr/local/bin/flyctl', 'beacon-runner-production'), ['/usr/local/bin/flyctl', 'logs', '-a', 'beacon-runner-production']);
  });

  it("the plan's filter: TRACE, CRITICAL, HYBRID anywhere, case-sensitive like grep -E", () => {
    for (const l of ['🔍 TRACE: executeQuestion ENTRY', '🚨 CRITICAL: executor is nil', '[HYBRID_CLIENT] POST /inference', '[HYBRID_CLIENT_INIT] timeout=300s']) assert.ok(PLAN_LOG_FILTER.test(l), l);
    for (const l of ['Hybrid Router enabled', 'INF executing multi-model job', 'trace id=1']) assert.ok(!PLAN_LOG_FILTER.test(l), l);
  });

  it('LineSplitter: lines across chunks, CRLF, a trailing partial line on flush, an endless line cut at the bound', () => {
    const s = new LineSplitter(10);
    assert.deepEqual(s.push('ab'), []);
    assert.deepEqual(s.push('c\r\nde\nf'), ['abc', 'de']);
    assert.deepEqual(s.flush(), ['f']);
    assert.deepEqual(s.flush(), []);
    assert.deepEqual(s.push('x'.repeat(25)), ['x'.repeat(10), 'x'.repeat(10)], 'no newline: cut, never more than the bound kept');
    assert.deepEqual(s.flush(), ['xxxxx']);
  });

  it('BoundedLines keeps the newest lines only', () => {
    const b = new BoundedLines(3);
    for (const l of ['1', '2', '3', '4', '5']) b.push(l);
    assert.deepEqual(b.lines(), ['3', '4', '5']);
    assert.deepEqual(b.lines(2), ['4', '5']);
    assert.equal(b.size, 3);
    assert.equal(b.dropped, 2);
    assert.throws(() => new BoundedLines(0), RangeError);
  });

  it('a stderr chunk in the middle of a stdout line does not cut it', () => {
    const seen: string[] = [];
    const s = new LogStreamLines({ filter: false, maxLines: 100, redact: (l) => l, onLine: (l) => seen.push(l) });
    const a = s.push('stdout', `${FLY}INF first half`);
    const b = s.push('stderr', 'Error: transient\n');
    const c = s.push('stdout', ' second half\n');
    assert.deepEqual([...a.append, ...b.append, ...c.append], ['Error: transient', `${FLY}INF first half second half`]);
    assert.deepEqual(seen, ['Error: transient', `${FLY}INF first half second half`]);
  });

  it('filter on: only TRACE / CRITICAL / HYBRID lines are shown, every line reaches the classifier', () => {
    const seen: string[] = [];
    const s = new LogStreamLines({ filter: true, maxLines: 100, redact: (l) => l, onLine: (l) => seen.push(l) });
    const u = s.push('stdout', `${FLY}INF executing job\n${FLY}🔍 TRACE: executeQuestion ENTRY\n\n${FLY}[HYBRID_CLIENT] Status: 200\n`);
    assert.deepEqual(u.append, [`${FLY}🔍 TRACE: executeQuestion ENTRY`, `${FLY}[HYBRID_CLIENT] Status: 200`]);
    assert.equal(seen.length, 3, 'empty lines are no lines');
    assert.equal(s.seen, 3);
    assert.equal(s.shown, 2);
  });

  it('secrets are redacted before the classifier and the view; colour codes are stripped by the same gate', () => {
    const target = { adminToken: 'adm-s3cr3t-token', databaseUrl: 'postgres://beacon:pw-9f8e7d@db:5432/beacon' };
    const r = redactorFor(target);
    const seen: string[] = [];
    const s = new LogStreamLines({ filter: false, maxLines: 100, redact: (l) => r.redact(l), onLine: (l) => seen.push(l) });
    const u = s.push('stdout', `\x1b[31mERR\x1b[0m db down url=postgres://beacon:pw-9f8e7d@db:5432/beacon token adm-s3cr3t-token\n`);
    assert.equal(u.append.length, 1);
    assert.doesNotMatch(u.append[0], /pw-9f8e7d|adm-s3cr3t-token|\x1b/);
    assert.doesNotMatch(seen[0], /pw-9f8e7d|adm-s3cr3t-token/);
    assert.match(seen[0], /^ERR db down url=postgres:\/\/beacon:\*\*\*@db/, 'the classifier gets the line, inert and redacted');
  });

  it('the view holds at most maxLines: when full it is replaced by the newest half and a note, never emptied', () => {
    const s = new LogStreamLines({ filter: false, maxLines: 10, redact: (l) => l });
    let view: string[] = [];
    const apply = (u: { replace?: string[]; append: string[] }) => {
      if (u.replace) view = [...u.replace];
      view.push(...u.append);
    };
    let maxView = 0;
    for (let i = 1; i <= 95; i++) {
      apply(s.push('stdout', `line ${i}\n`));
      maxView = Math.max(maxView, view.length);
    }
    assert.ok(maxView <= 10, `the view grew to ${maxView} lines`);
    assert.equal(view[view.length - 1], 'line 95');
    assert.match(view[0], /^— \d+ earlier line\(s\) cleared to bound memory —$/);
    assert.ok(view.length >= 5, 'at least the newest half stays');
    assert.deepEqual(s.tail().slice(-3), ['line 93', 'line 94', 'line 95']);
    assert.ok(s.tail().length <= 10);
    // one chunk far larger than the bound
    const big = new LogStreamLines({ filter: false, maxLines: 4, redact: (l) => l });
    const u = big.push('stdout', Array.from({ length: 50 }, (_, i) => `l${i}\n`).join(''));
    assert.ok((u.replace?.length ?? 0) + u.append.length <= 4, JSON.stringify(u));
    assert.equal([...(u.replace ?? []), ...u.append].pop(), 'l49');
  });

  it('flush gives the last line that had no newline', () => {
    const s = new LogStreamLines({ filter: false, maxLines: 10, redact: (l) => l });
    assert.deepEqual(s.push('stdout', 'no newline at the end').append, []);
    assert.deepEqual(s.flush().append, ['no newline at the end']);
  });
});
