import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { emptyCodeFacts, goFilesUnder, scanGoSource, scanGoTree } from '../../../src/golang/codeFacts';
import { GoInstrumenter } from '../../../src/golang/instrumenter';
import { loadGoParser, wasmPathsFromNodeModules, type GoParser } from '../../../src/golang/parser';
import { lintRunbook, logMatches, routeMatches, type LintFinding } from '../../../src/golang/runbookLint';
import { importMarkdownRunbook } from '../../../src/runbook/import/importMarkdown';
import { loadBuiltinRunbook } from '../../../src/runbook/builtin';
import { packageRoot } from '../../../src/runbook/paths';
import { runLintCommand } from '../../../src/cli/lintCommand';

const ROOT = packageRoot();
const FIXTURE = path.join(ROOT, 'test/go/src/github.com/beacon/runner-app');
const PLAN = path.join(ROOT, 'test/fixtures/execution-failure-debug-plan.md');
const GIN = '/usr/share/gocode/src/github.com/gin-gonic/gin';
const GOROOT_PPROF = ['/usr/lib/go/src/net/http/pprof', '/usr/lib/go-1.19/src/net/http/pprof'].find((d) => fs.existsSync(d));

function find(findings: LintFinding[], step: string, kind: string, name: string): LintFinding {
  const f = findings.find((x) => x.step === step && x.kind === kind && x.name === name);
  assert.ok(f, `no finding ${step} ${kind} ${name} in:\n${findings.map((x) => `${x.step} ${x.kind} ${x.name} ${x.status}`).join('\n')}`);
  return f;
}

function copyTree(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

describe('lint: a runbook against the Go code', function () {
  this.timeout(60_000);
  let parser: GoParser;
  const plan = importMarkdownRunbook(fs.readFileSync(PLAN, 'utf8'), { source: 'plan.md' }).runbook;
  const tmp: string[] = [];
  before(async () => {
    parser = await loadGoParser(wasmPathsFromNodeModules());
  });
  after(() => {
    for (const d of tmp) fs.rmSync(d, { recursive: true, force: true });
  });
  const scratch = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-lint-'));
    tmp.push(d);
    return d;
  };
  const lint = (dir: string, rb = plan) => lintRunbook(parser, rb, scanGoTree(parser, dir), { dir });

  it('the plan, imported, against the project\'s fixture: flags the metric, the pprof routes and the nil-executor line; finds HYBRID_BASE and the runner\'s routes', () => {
    const findings = lint(FIXTURE);
    const metric = find(findings, '1.5', 'metric', 'hybrid_circuit_breaker_state');
    assert.equal(metric.status, 'missing');
    assert.equal(metric.addedBy, null);
    for (const [step, route] of [['5.2', '/debug/pprof/goroutine'], ['5.4', '/debug/pprof/heap']]) {
      assert.equal(find(findings, step, 'route', route).status, 'missing');
    }
    const nil = find(findings, '3.f', 'log', 'executor is NIL');
    assert.deepEqual([nil.status, nil.addedBy], ['missing', '2.1']);
    assert.equal(find(findings, 'tree-1', 'log', 'executor is NIL').addedBy, '2.1');
    const endpoint = find(findings, '0.3', 'route', '/debug/executor');
    assert.deepEqual([endpoint.status, endpoint.addedBy], ['missing', '0.3']);
    const base = find(findings, '0.1', 'env', 'HYBRID_BASE');
    assert.deepEqual([base.status, base.where], ['found', 'cmd/runner/main.go:26']);
    const metrics = find(findings, '1.5', 'route', '/api/v1/metrics');
    assert.equal(metrics.status, 'found');
    assert.match(metrics.where ?? '', /^cmd\/runner\/observability\.go:\d+$/);
    const router = find(findings, 'qw.3', 'route', '/health');
    assert.deepEqual([router.status, router.where], ['other-service', 'project-beacon-production.up.railway.app']);
    assert.equal(find(findings, '0.2', 'log', '[HYBRID_CLIENT_INIT]').status, 'found', 'a Printf format string counts as a log message');
    // Fix G's snippet logs "Hybrid Router enabled" too, but the code has it already: nothing to add
    assert.deepEqual(find(findings, '0.2', 'log', 'Hybrid Router enabled').addedBy, null);
  });

  it('a route renamed in a copy of the fixture turns from found to missing', () => {
    const dir = scratch();
    copyTree(FIXTURE, dir);
    const file = path.join(dir, 'cmd/runner/observability.go');
    const before = find(lint(dir), '1.5', 'route', '/api/v1/metrics');
    assert.equal(before.status, 'found');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('api.GET("/metrics", metricsHandler)', 'api.GET("/prometheus", metricsHandler)'));
    const after = find(lint(dir), '1.5', 'route', '/api/v1/metrics');
    assert.deepEqual([after.status, after.where], ['missing', null]);
  });

  it('once step 2.1\'s instrumentation is in the code, "executor is NIL" is found (the built-in plan names the step that adds it)', () => {
    const builtin = loadBuiltinRunbook();
    const dir = scratch();
    copyTree(FIXTURE, dir);
    const before = lint(dir, builtin).find((f) => f.kind === 'log' && f.name === 'executor is NIL')!;
    assert.deepEqual([before.status, before.addedBy], ['missing', '2.1']);
    const file = path.join(dir, 'internal/worker/job_runner.go');
    const siblings = goFilesUnder(path.dirname(file)).filter((f) => f !== file).map((f) => fs.readFileSync(f, 'utf8'));
    const out = new GoInstrumenter(parser).insert(fs.readFileSync(file, 'utf8'), ['2.1'], siblings);
    assert.deepEqual(out.inserted, ['2.1']);
    fs.writeFileSync(file, out.text);
    const after = lint(dir, builtin).find((f) => f.kind === 'log' && f.name === 'executor is NIL')!;
    assert.equal(after.status, 'found');
    assert.match(after.where ?? '', /^internal\/worker\/job_runner\.go:\d+$/);
  });

  it('net/http/pprof from the Go distribution (code we did not write) registers the pprof routes the plan asks for', function () {
    if (!GOROOT_PPROF) this.skip();
    const dir = scratch();
    copyTree(FIXTURE, dir);
    fs.mkdirSync(path.join(dir, 'third_party/pprof'), { recursive: true });
    fs.copyFileSync(path.join(GOROOT_PPROF!, 'pprof.go'), path.join(dir, 'third_party/pprof/pprof.go'));
    const findings = lint(dir);
    const g = find(findings, '5.2', 'route', '/debug/pprof/goroutine');
    assert.equal(g.status, 'found');
    assert.match(g.where ?? '', /^third_party\/pprof\/pprof\.go:\d+$/);
  });

  it('gin\'s own sources: GIN_MODE read through a constant, and its tests\' routes with groups and parameters', function () {
    if (!fs.existsSync(GIN)) this.skip();
    const facts = scanGoTree(parser, GIN);
    assert.ok(facts.env.some((e) => e.name === 'GIN_MODE' && e.file === 'mode.go'), JSON.stringify(facts.env));
    const tests = emptyCodeFacts();
    for (const f of goFilesUnder(GIN, { tests: true }).filter((x) => x.endsWith('_test.go'))) scanGoSource(parser, fs.readFileSync(f, 'utf8'), path.relative(GIN, f), tests);
    assert.ok(tests.routes.length > 50, `${tests.routes.length} routes`);
    assert.ok(tests.routes.some((r) => /:/.test(r.path)));
    // gin_test.go: group := router.Group("/users") … group.GET("/:id", …); context_test.go: router.Group("/:name") … GET("/api")
    const at = (p: string) => tests.routes.filter((r) => r.path === p).map((r) => r.file);
    assert.ok(at('/users/:id').includes('gin_test.go'), JSON.stringify(tests.routes.filter((r) => r.file === 'gin_test.go')));
    assert.ok(at('/:name/api').includes('context_test.go'));
  });

  it('Prometheus collector names: namespace, subsystem and name joined; NewDesc with BuildFQName', () => {
    const facts = emptyCodeFacts();
    scanGoSource(parser, [
      'package m',
      'const ns = "runner"',
      'var a = prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: ns, Subsystem: "x", Name: "failures_total"}, nil)',
      'var b = promauto.NewGauge(prometheus.GaugeOpts{Name: "jobs_in_flight"})',
      'var c = prometheus.NewDesc(prometheus.BuildFQName(ns, "queue", "latency_seconds"), "h", nil, nil)',
    ].join('\n'), 'm.go', facts);
    assert.deepEqual(facts.metrics.map((m) => m.name), ['runner_x_failures_total', 'jobs_in_flight', 'runner_queue_latency_seconds']);
  });

  it('route and log matching rules', () => {
    assert.ok(routeMatches('/api/v1/jobs/:id', '/api/v1/jobs/42'));
    assert.ok(routeMatches('/debug/pprof/', '/debug/pprof/heap'));
    assert.ok(routeMatches('/static/*filepath', '/static/a/b.css'));
    assert.ok(!routeMatches('/api/v1/metrics', '/metrics'));
    assert.ok(logMatches('[HYBRID_CLIENT_INIT] timeout=%s source=%s', '[HYBRID_CLIENT_INIT] timeout=300s source=default'));
    assert.ok(logMatches('Hybrid Router enabled', 'Hybrid Router enabled hybrid_base=https://...'));
    assert.ok(!logMatches('executor is nil - hybrid client not initialized', 'executor is NIL'));
  });

  it('beacon-debug lint --json: the contract, exit 1 when something is missing, 2 without --code', async () => {
    let out = '';
    const io = { stdout: (s: string) => (out += s), stderr: () => undefined };
    const code = await runLintCommand(['--runbook', PLAN, '--code', FIXTURE, '--json'], io);
    assert.equal(code, 1);
    const parsed = JSON.parse(out) as { findings: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(parsed), ['findings']);
    for (const f of parsed.findings) {
      assert.deepEqual(Object.keys(f), ['step', 'kind', 'name', 'status', 'where', 'addedBy']);
      assert.match(String(f.kind), /^(route|metric|env|log|path)$/);
      assert.match(String(f.status), /^(found|missing|other-service)$/);
    }
    assert.equal(await runLintCommand(['--runbook', PLAN], io), 2);
  });
});
