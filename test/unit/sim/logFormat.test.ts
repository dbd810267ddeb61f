import * as assert from 'node:assert/strict';
import { goDuration } from '../../../src/sim/goFormat';
import { flyTimestamp, LogBuffer, renderFly, renderFlyJson, renderFlyText } from '../../../src/sim/logBuffer';
import { pythonLog, zerologConsole, zerologJson } from '../../../src/sim/logFormat';
import { initLine } from '../../../src/sim/runnerApp';
import { hybridConfig } from '../../../src/sim/faults';
import { stripAnsi } from './simTestUtil';

const ESC = '\u001b';
const TS = Date.UTC(2025, 8, 30, 12, 17, 36, 450);

describe('sim/log formats', () => {
  it('zerolog console: the exact coloured error line of production (error field first, then sorted)', () => {
    const line = zerologConsole(TS, 'error', 'Execution failed', {
      provider: 'modal-us-east',
      job_id: 'dedup-test-1759234649',
      error: { json: { Message: 'No healthy providers available', Type: 'router_error' } },
    });
    assert.equal(
      line,
      `${ESC}[90m2025-09-30T12:17:36Z${ESC}[0m ${ESC}[1m${ESC}[31mERR${ESC}[0m${ESC}[0m Execution failed ${ESC}[36merror=${ESC}[0m${ESC}[31m{"Message":"No healthy providers available","Type":"router_error"}${ESC}[0m ${ESC}[36mjob_id=${ESC}[0mdedup-test-1759234649 ${ESC}[36mprovider=${ESC}[0mmodal-us-east`,
    );
    // BEACON-FACTS: "… ERR Execution failed error={"Message":"No healthy providers available","Type":"router_error"} job_id=… provider=modal-us-east"
    assert.equal(stripAnsi(line), '2025-09-30T12:17:36Z ERR Execution failed error={"Message":"No healthy providers available","Type":"router_error"} job_id=dedup-test-1759234649 provider=modal-us-east');
  });

  it('zerolog console: the INF line of BEACON-FACTS, strings quoted only when zerolog quotes them', () => {
    assert.equal(
      stripAnsi(zerologConsole(Date.UTC(2025, 8, 30, 12, 17, 35), 'info', 'executing multi-model job', { model_count: 2, job_id: 'dedup-test-1759234649' })),
      '2025-09-30T12:17:35Z INF executing multi-model job job_id=dedup-test-1759234649 model_count=2',
    );
    assert.equal(stripAnsi(zerologConsole(TS, 'error', 'x', { error: 'dial tcp: "a" b' })), '2025-09-30T12:17:36Z ERR x error="dial tcp: \\"a\\" b"');
    assert.equal(zerologConsole(TS, 'warn', 'w', {}, false), '2025-09-30T12:17:36Z WRN w');
  });

  it('zerolog JSON (GIN_MODE=release) as BEACON-FACTS shows it', () => {
    assert.deepEqual(JSON.parse(zerologJson(TS, 'error', 'question execution failed', { job_id: 'j1' })), { level: 'error', job_id: 'j1', time: '2025-09-30T12:17:36Z', message: 'question execution failed' });
  });

  it('the [HYBRID_CLIENT_INIT] line is the literal of BEACON-FACTS', () => {
    assert.equal(initLine(hybridConfig({ HYBRID_BASE: 'https://project-beacon-production.up.railway.app' })), '[HYBRID_CLIENT_INIT] timeout=300s source=default env_value="" url=https://project-beacon-production.up.railway.app');
    assert.equal(initLine(hybridConfig({ HYBRID_BASE: 'http://r', HYBRID_ROUTER_TIMEOUT: '5' })), '[HYBRID_CLIENT_INIT] timeout=5s source=HYBRID_ROUTER_TIMEOUT env_value="5" url=http://r');
    assert.equal(initLine(hybridConfig({ HYBRID_BASE: 'http://r', HYBRID_ROUTER_TIMEOUT: '300s' })), '[HYBRID_CLIENT_INIT] timeout=300s source=HYBRID_ROUTER_TIMEOUT (invalid) env_value="300s" url=http://r');
  });

  it('Python logging lines of the router', () => {
    assert.equal(pythonLog('ERROR', 'app.core.router', '[SELECT_PROVIDER] Total providers: 3'), 'ERROR:app.core.router:[SELECT_PROVIDER] Total providers: 3');
  });

  it('flyctl logs text: the Fly prefix of BEACON-FACTS on every line', () => {
    const e = { seq: 1, ts: Date.UTC(2025, 9, 9, 15, 37, 50, 766), instance: '857509c4e7d578', region: 'lhr', provider: 'app' as const, level: 'info', message: 'hello' };
    assert.equal(flyTimestamp(e.ts), '2025-10-09T15:37:50.766');
    assert.equal(renderFlyText(e), '2025-10-09T15:37:50.766 app[857509c4e7d578] lhr [info] hello');
  });

  it('flyctl logs --json: indented multi-line objects, Go escaping of <>&, ANSI kept as \\u001b', () => {
    const e = { seq: 1, ts: Date.UTC(2025, 9, 9, 15, 37, 50, 766), instance: '857509c4e7d578', region: 'lhr', provider: 'app' as const, level: 'info', message: `${ESC}[32mINF${ESC}[0m a<b>&c` };
    const text = renderFlyJson(e);
    assert.ok(text.split('\n').length > 5, 'several lines per object');
    assert.match(text, /^\{\n {2}"instance": "857509c4e7d578",\n/);
    assert.ok(text.includes('a\\u003cb\\u003e\\u0026c'));
    assert.ok(text.includes('\\u001b[32mINF'));
    const parsed = JSON.parse(text);
    assert.equal(parsed.message, e.message.replace('a<b>&c', 'a<b>&c'));
    assert.equal(parsed.timestamp, '2025-10-09T15:37:50.766Z');
    const two = renderFly([e, { ...e, seq: 2 }], true);
    assert.equal(two.split('\n}\n').length, 3, 'two objects, each closed on its own line');
  });

  it('LogBuffer: newest page, filters, entries after a sequence number', () => {
    const b = new LogBuffer();
    for (let i = 0; i < 150; i++) b.append({ ts: 1000 + i, instance: i % 2 ? 'a1' : 'b2', region: i % 2 ? 'lhr' : 'iad', provider: 'app', level: 'info', message: `m${i}` });
    const page = b.recent();
    assert.equal(page.length, 100);
    assert.equal(page[99].message, 'm149');
    assert.equal(page[0].message, 'm50');
    assert.ok(b.recent({ region: 'lhr' }).every((e) => e.instance === 'a1'));
    assert.deepEqual(b.after(148).map((e) => e.message), ['m148', 'm149']);
  });

  it('goDuration prints time.Duration as Go does', () => {
    assert.equal(goDuration(300_000), '5m0s');
    assert.equal(goDuration(5000), '5s');
    assert.equal(goDuration(1500), '1.5s');
    assert.equal(goDuration(12.345), '12.345ms');
    assert.equal(goDuration(0.85), '850µs');
    assert.equal(goDuration(0), '0s');
    assert.equal(goDuration(3_723_000), '1h2m3s');
  });
});
