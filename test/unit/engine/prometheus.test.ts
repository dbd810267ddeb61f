import * as assert from 'node:assert/strict';
import { parsePrometheus, queryMetric } from '../../../src/engine/prometheus';

const TEXT = String.raw`# HELP http_requests_total Total HTTP requests.\nSecond line with a \\ backslash.
# TYPE http_requests_total counter
http_requests_total{method="GET",path="/health",status="200"} 1027 1395066363000
http_requests_total{method="POST",path="/api/v1/jobs",status="500"} 3
# a plain comment
# TYPE runner_execution_duration_seconds histogram
runner_execution_duration_seconds_bucket{region="us-east",status="failed",le="0.05"} 12
runner_execution_duration_seconds_bucket{region="us-east",status="failed",le="+Inf"} 14
runner_execution_duration_seconds_sum{region="us-east",status="failed"} 0.31
runner_execution_duration_seconds_count{region="us-east",status="failed"} 14
weird_labels{msg="say \"hi\"\nthen\\leave",empty=""} NaN
spaced_labels { a = "1" , b="2", } +Inf
negative -Inf
sci 1.5e3
jobs_failed_total 7
jobs_failed_total{region="eu"} 5
`;

describe('engine/prometheus', () => {
  const exp = parsePrometheus(TEXT);

  it('reads HELP (with its escapes) and TYPE into families', () => {
    const f = exp.families.get('http_requests_total')!;
    assert.equal(f.type, 'counter');
    assert.equal(f.help, 'Total HTTP requests.\nSecond line with a \\ backslash.');
    assert.equal(f.samples.length, 2);
  });

  it('groups histogram series under their family', () => {
    const f = exp.families.get('runner_execution_duration_seconds')!;
    assert.equal(f.type, 'histogram');
    assert.deepEqual(f.samples.map((s) => s.name), [
      'runner_execution_duration_seconds_bucket', 'runner_execution_duration_seconds_bucket',
      'runner_execution_duration_seconds_sum', 'runner_execution_duration_seconds_count',
    ]);
    assert.equal(f.samples[1].labels.le, '+Inf');
  });

  it('unescapes label values: \\" \\n \\\\', () => {
    const s = exp.samples.find((x) => x.name === 'weird_labels')!;
    assert.equal(s.labels.msg, 'say "hi"\nthen\\leave');
    assert.equal(s.labels.empty, '');
    assert.ok(Number.isNaN(s.value));
  });

  it('reads +Inf, -Inf, scientific notation, timestamps, spaces and a trailing comma in labels', () => {
    const spaced = exp.samples.find((x) => x.name === 'spaced_labels')!;
    assert.deepEqual(spaced.labels, { a: '1', b: '2' });
    assert.equal(spaced.value, Infinity);
    assert.equal(exp.samples.find((x) => x.name === 'negative')!.value, -Infinity);
    assert.equal(exp.samples.find((x) => x.name === 'sci')!.value, 1500);
    assert.equal(exp.samples[0].timestampMs, 1395066363000);
    assert.deepEqual(exp.errors, []);
  });

  it('queries by name and labels with sum, max and count', () => {
    assert.equal(queryMetric(exp, 'http_requests_total'), 1030);
    assert.equal(queryMetric(exp, 'http_requests_total', { status: '500' }), 3);
    assert.equal(queryMetric(exp, 'http_requests_total', {}, 'max'), 1027);
    assert.equal(queryMetric(exp, 'http_requests_total', {}, 'count'), 2);
    assert.equal(queryMetric(exp, 'jobs_failed_total', { region: 'eu' }), 5);
    assert.equal(queryMetric(exp, 'jobs_failed_total'), 12);
  });

  it('an absent series: count 0, sum and max unknown', () => {
    assert.equal(queryMetric(exp, 'hybrid_circuit_breaker_state', {}, 'count'), 0);
    assert.equal(queryMetric(exp, 'hybrid_circuit_breaker_state', { state: 'open' }, 'max'), undefined);
    assert.equal(queryMetric(exp, 'hybrid_circuit_breaker_state'), undefined);
  });

  it('reports malformed lines and keeps reading', () => {
    const e = parsePrometheus('good 1\nbad{x="unterminated} 2\nbad2{x="a\\q"} 1\nnovalue{a="b"}\nalso_good{a="b"} 2 3 4\nfine 3\n');
    assert.deepEqual(e.samples.map((s) => s.name), ['good', 'fine']);
    assert.equal(e.errors.length, 4);
    assert.deepEqual(e.errors.map((x) => x.line), [2, 3, 4, 5]);
  });
});
