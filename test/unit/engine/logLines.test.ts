import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { logTimeMs, normaliseFlyLogs, normaliseLogLine, parseFlyJsonStream, splitConsoleFields } from '../../../src/engine/logs/logLines';
import { applyLogSignals } from '../../../src/engine/logs/logSignals';
import { loadBuiltinRunbook } from '../../../src/runbook/builtin';

const ESC = '\x1b';

describe('engine/logs/logLines', () => {
  it('strips the flyctl prefix and reads a zerolog console line', () => {
    const l = normaliseLogLine('2025-10-09T15:37:50.766 app[857509c4e7d578] lhr [info] 2025-09-30T12:17:35Z INF executing multi-model job job_id=dedup-test-1759234649 model_count=2');
    assert.equal(l.format, 'console');
    assert.equal(l.level, 'info');
    assert.equal(l.time, '2025-09-30T12:17:35Z');
    assert.equal(l.instance, '857509c4e7d578');
    assert.equal(l.region, 'lhr');
    assert.equal(l.text, 'executing multi-model job job_id=dedup-test-1759234649 model_count=2');
    assert.deepEqual(l.fields, { job_id: 'dedup-test-1759234649', model_count: '2' });
  });

  it('reads a JSON value inside a console field', () => {
    const l = normaliseLogLine('2025-09-30T12:17:36Z ERR Execution failed error={"Message":"No healthy providers available","Type":"router_error"} job_id=j-1 provider=modal-us-east');
    assert.equal(l.level, 'error');
    assert.equal(l.fields.error, '{"Message":"No healthy providers available","Type":"router_error"}');
    assert.equal(l.fields.provider, 'modal-us-east');
    assert.equal(splitConsoleFields('Execution failed error={"Message":"x y"} job_id=j').message, 'Execution failed');
  });

  it('strips ANSI colour codes (zerolog ConsoleWriter colours)', () => {
    const raw = `${ESC}[90m2025-09-30T12:17:35Z${ESC}[0m ${ESC}[32mINF${ESC}[0m Hybrid Router enabled ${ESC}[36mhybrid_base=${ESC}[0mhttps://router.example`;
    const l = normaliseLogLine(raw);
    assert.equal(l.text, 'Hybrid Router enabled hybrid_base=https://router.example');
    assert.equal(l.fields.hybrid_base, 'https://router.example');
    assert.ok(!l.text.includes(ESC));
  });

  it('reads a zerolog JSON line as `message key=value`', () => {
    const l = normaliseLogLine('{"level":"error","job_id":"j-9","time":"2025-10-09T15:37:50Z","message":"question execution failed","error":"boom here"}');
    assert.equal(l.format, 'json');
    assert.equal(l.level, 'error');
    assert.equal(l.text, 'question execution failed job_id=j-9 error="boom here"');
    assert.equal(l.fields.error, 'boom here');
    const enabled = normaliseLogLine('{"level":"info","hybrid_base":"https://r.example","message":"Hybrid Router enabled"}');
    assert.equal(enabled.text, 'Hybrid Router enabled hybrid_base=https://r.example');
  });

  it('keeps plain fmt.Printf and Python logging lines', () => {
    const init = normaliseLogLine('2025-10-09T15:37:50.766 app[857509c4e7d578] lhr [info] [HYBRID_CLIENT_INIT] timeout=300s source=default env_value="" url=https://r.example');
    assert.equal(init.format, 'plain');
    assert.equal(init.text, '[HYBRID_CLIENT_INIT] timeout=300s source=default env_value="" url=https://r.example');
    assert.equal(init.level, 'info');
    const py = normaliseLogLine('2025-10-09 15:37:50,123 - router - ERROR - [SELECT_PROVIDER] Total providers: 3');
    assert.equal(py.level, 'error');
    assert.equal(py.text, '[SELECT_PROVIDER] Total providers: 3');
    assert.equal(normaliseLogLine('WARNING:root:❌ [HEALTH_CHECK] modal-us-east failed: 404').text, '❌ [HEALTH_CHECK] modal-us-east failed: 404');
  });

  it('parses flyctl --json as a stream of indented objects (both key styles)', () => {
    const text = `{
    "Instance": "857509c4e7d578",
    "Level": "info",
    "Message": "2025-09-30T12:17:35Z INF Hybrid Router enabled hybrid_base=https://r.example",
    "Region": "lhr",
    "Timestamp": "2025-10-09T15:37:50.766Z",
    "Meta": { "Event": { "Provider": "app" } }
}
{
  "event": { "provider": "app" },
  "fly": { "app": { "instance": "aa11", "name": "x" }, "region": "ams" },
  "log": { "level": "error" },
  "message": "{\\"level\\":\\"error\\",\\"message\\":\\"question execution failed\\",\\"job_id\\":\\"j {1}\\"}",
  "timestamp": "2025-10-09T15:37:51Z"
}
Warning: some stray line
{ "Message": "truncat`;
    const objs = parseFlyJsonStream(text);
    assert.equal(objs.length, 2);
    const lines = normaliseFlyLogs(text, true);
    assert.equal(lines.length, 2);
    assert.equal(lines[0].text, 'Hybrid Router enabled hybrid_base=https://r.example');
    assert.equal(lines[0].instance, '857509c4e7d578');
    assert.equal(lines[0].region, 'lhr');
    assert.equal(lines[1].text, 'question execution failed job_id="j {1}"');
    assert.equal(lines[1].level, 'error');
    assert.equal(lines[1].instance, 'aa11');
  });

  it('the runbook log signals count, flag and read values with the proving line', () => {
    const rb = loadBuiltinRunbook();
    const lines = normaliseFlyLogs([
      '2025-10-09T15:37:50.766 app[857509c4e7d578] lhr [info] 2025-09-30T12:17:35Z INF Hybrid Router enabled hybrid_base=https://r.example',
      '2025-10-09T15:37:50.767 app[857509c4e7d578] lhr [info] [HYBRID_CLIENT_INIT] timeout=30s source=HYBRID_ROUTER_TIMEOUT (invalid) env_value="300s" url=https://r.example',
      '2025-10-09T15:37:50.768 app[857509c4e7d578] lhr [info] [HYBRID_CLIENT_INIT] timeout=45s source=HYBRID_TIMEOUT env_value="45" url=https://r.example',
      '2025-10-09T15:38:00.000 app[857509c4e7d578] lhr [info] 2025-09-30T12:18:00Z ERR Execution failed error={"Message":"No healthy providers available","Type":"router_error"} job_id=j-1',
      '2025-10-09T15:38:00.001 app[857509c4e7d578] lhr [info] 2025-09-30T12:18:01Z ERR Execution failed error={"Message":"No healthy providers available","Type":"router_error"} job_id=j-2',
    ].join('\n'), false);
    const f = applyLogSignals(rb.logSignals, lines, 'runner');
    assert.equal(f['startup.hybridEnabled'].value, true);
    assert.equal(f['startup.hybridBase'].value, 'https://r.example');
    assert.equal(f['startup.hybridDisabled'].value, false);
    assert.equal(f['startup.hybridDisabled'].line, undefined);
    assert.equal(f['startup.clientInitCount'].value, 2);
    assert.equal(f['startup.clientInitTimeout'].value, 45, 'value signals read the last matching line');
    assert.equal(f['startup.clientInitSource'].value, 'HYBRID_TIMEOUT');
    assert.equal(f['logs.noHealthyProviders'].value, 2);
    assert.match(f['logs.noHealthyProviders'].line!, /job_id=j-2$/);
    assert.deepEqual(f['logs.noHealthyProviders'].matches, [3, 4]);
    assert.equal(f['routerLogs.healthChecks'], undefined, 'router signals do not apply to runner logs');
    const router = applyLogSignals(rb.logSignals, ['❌ [HEALTH_CHECK] modal failed: 404'], 'router');
    assert.equal(router['routerLogs.healthCheckFailures'].value, 1);
    assert.equal(router['logs.noHealthyProviders'], undefined);
    const invalid = applyLogSignals(rb.logSignals, ['[HYBRID_CLIENT_INIT] timeout=300s source=HYBRID_ROUTER_TIMEOUT (invalid) env_value="300s"'], 'runner');
    assert.equal(invalid['startup.clientInitSource'].value, 'HYBRID_ROUTER_TIMEOUT (invalid)');
  });
});

describe('engine/logs/logLines: other flyctl prefixes and log times', () => {
  // flyctl prints the bare instance id when the entry has no provider, and no region with --hide-region
  const line = 'ERR question execution failed error="golem executor: no provider configured" job_id=j-1 region=us-east';
  for (const prefix of ['2025-10-09T15:37:50.766 app[857509c4e7d578] lhr [info] ', '2025-10-09T15:37:50.766Z 857509c4e7d578 lhr [info] ', '2025-10-09T15:37:50.766 app[857509c4e7d578] [info] ', '\u001b[2m2025-10-09T15:37:50.766\u001b[0m app[857509c4e7d578] \u001b[32mlhr\u001b[0m [\u001b[34minfo\u001b[0m] ']) {
    it(`${JSON.stringify(prefix.slice(24, 52))}: the zerolog line inside is read (level, fields, the collector's time)`, () => {
      const n = normaliseLogLine(prefix + line);
      assert.equal(n.level, 'error');
      assert.equal(n.fields.job_id, 'j-1');
      assert.equal(n.text, 'question execution failed error="golem executor: no provider configured" job_id=j-1 region=us-east');
      assert.match(n.receivedAt ?? '', /^2025-10-09T15:37:50\.766/);
    });
  }
  it('log times: RFC 3339 with or without zone (none: UTC), a space, epoch ms / ns; a Kitchen time has no date', () => {
    assert.deepEqual(logTimeMs('2025-10-09T15:37:50.766'), { ms: Date.UTC(2025, 9, 9, 15, 37, 50, 766), precisionMs: 1 });
    assert.equal(logTimeMs('2025-10-09T15:37:50Z')?.precisionMs, 1000);
    assert.equal(logTimeMs('2025-10-09 17:37:50.766+02:00')?.ms, Date.UTC(2025, 9, 9, 15, 37, 50, 766));
    assert.equal(logTimeMs('1760024270766')?.ms, 1760024270766);
    assert.equal(logTimeMs('1760024270766123456')?.ms, 1760024270766.123456);
    assert.equal(logTimeMs('3:04PM'), undefined);
  });
  it('a duration signal: the median seconds each failed execution ran since its job\'s previous line', () => {
    const lines = [
      '2025-10-09T15:37:50.000 app[857509c4e7d578] lhr [info] INF executing multi-model job job_id=a model_count=2',
      '2025-10-09T15:37:50.020 app[857509c4e7d578] lhr [info] ERR Execution failed error=x job_id=a',
      '2025-10-09T15:38:00.000 app[857509c4e7d578] lhr [info] INF executing multi-model job job_id=b model_count=2',
      '2025-10-09T15:38:00.500 app[857509c4e7d578] lhr [info] INF noise job_id=other',
      '2025-10-09T15:38:05.000 app[857509c4e7d578] lhr [info] ERR Execution failed error=y job_id=b',
      '2025-10-09T15:38:05.010 app[857509c4e7d578] lhr [info] ERR Execution failed error=y job_id=b',
    ].map(normaliseLogLine);
    const f = applyLogSignals([{ fact: 'f', kind: 'duration', key: 'job_id', label: 'l', regex: 'Execution failed', source: 'runner' }], lines);
    assert.equal(f.f.value, 0.02, 'median of 0.02, 5 and 0.01 s');
  });
});

describe('engine/probes/logsProbe', function () {
  this.timeout(20_000);
  it('always reads with --no-tail, and hands normalised lines to the checks', async () => {
    const { logsArgv, runLogsProbe } = await import('../../../src/engine/probes/logsProbe');
    const { tempDir, writeScript } = await import('./procHelpers');
    assert.deepEqual(logsArgv('flyctl', 'beacon-runner-production', false), ['flyctl', 'logs', '-a', 'beacon-runner-production', '--no-tail']);
    assert.deepEqual(logsArgv('flyctl', 'app', true), ['flyctl', 'logs', '-a', 'app', '--no-tail', '--json']);
    const dir = tempDir('beacon-logs-');
    try {
      const fake = writeScript(dir, 'flyctl', `
const args = process.argv.slice(2);
if (!args.includes('--no-tail')) { setInterval(() => console.log('streaming forever'), 100); return; }
console.log('2025-10-09T15:37:50.766 app[857509c4e7d578] lhr [info] \\x1b[32mINF\\x1b[0m Hybrid Router enabled hybrid_base=https://r.example');
console.log('2025-10-09T15:37:50.767 app[857509c4e7d578] lhr [info] ' + JSON.stringify(args));`);
      const out = await runLogsProbe({ flyctl: fake, app: 'beacon-runner-production', timeoutMs: 10_000 });
      assert.equal(out.ok, true, out.errorMessage);
      assert.equal(out.lines!.length, 2);
      assert.equal(out.output.split('\n')[0], 'Hybrid Router enabled hybrid_base=https://r.example');
      assert.equal(out.output.split('\n')[1], '["logs","-a","beacon-runner-production","--no-tail"]');
      assert.match(out.transcript, /app\[857509c4e7d578\]/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
