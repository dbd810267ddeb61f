/**
 * The runner's Prometheus series (BEACON-FACTS "Runner HTTP endpoints"): counters and histograms
 * since the process started, rendered in the text exposition format. There is deliberately no
 * `hybrid_circuit_breaker_state`: the real runner has none.
 */

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

class Histogram {
  counts = BUCKETS.map(() => 0);
  sum = 0;
  count = 0;

  observe(v: number): void {
    BUCKETS.forEach((b, i) => {
      if (v <= b) this.counts[i]++;
    });
    this.sum += v;
    this.count++;
  }
}

function labels(l: Record<string, string>): string {
  const parts = Object.entries(l).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}

export class RunnerMetrics {
  private requests = new Map<string, number>();
  private jobsProcessed = 0;
  private jobsFailed = 0;
  private durations = new Map<string, Histogram>();
  private failures = new Map<string, number>();
  private queue = new Map<string, Histogram>();

  request(method: string, path: string, status: number): void {
    const k = JSON.stringify([method, path, String(status)]);
    this.requests.set(k, (this.requests.get(k) ?? 0) + 1);
  }

  jobFinished(failed: boolean): void {
    this.jobsProcessed++;
    if (failed) this.jobsFailed++;
  }

  execution(region: string, status: string, seconds: number): void {
    const k = JSON.stringify([region, status]);
    if (!this.durations.has(k)) this.durations.set(k, new Histogram());
    this.durations.get(k)!.observe(seconds);
  }

  failure(region: string, errorType: string, component: string): void {
    const k = JSON.stringify([region, errorType, component]);
    this.failures.set(k, (this.failures.get(k) ?? 0) + 1);
  }

  queueLatency(region: string, seconds: number): void {
    if (!this.queue.has(region)) this.queue.set(region, new Histogram());
    this.queue.get(region)!.observe(seconds);
  }

  get processed(): number {
    return this.jobsProcessed;
  }

  get failed(): number {
    return this.jobsFailed;
  }

  render(extra: { goroutines: number; uptimeSeconds: number; heapBytes: number }): string {
    const out: string[] = [];
    const histogram = (name: string, key: Record<string, string>, h: Histogram) => {
      BUCKETS.forEach((b, i) => out.push(`${name}_bucket${labels({ ...key, le: String(b) })} ${h.counts[i]}`));
      out.push(`${name}_bucket${labels({ ...key, le: '+Inf' })} ${h.count}`);
      out.push(`${name}_sum${labels(key)} ${num(h.sum)}`);
      out.push(`${name}_count${labels(key)} ${h.count}`);
    };
    out.push('# HELP go_goroutines Number of goroutines that currently exist.', '# TYPE go_goroutines gauge', `go_goroutines ${extra.goroutines}`);
    out.push('# HELP go_memstats_heap_alloc_bytes Number of heap bytes allocated and still in use.', '# TYPE go_memstats_heap_alloc_bytes gauge', `go_memstats_heap_alloc_bytes ${extra.heapBytes}`);
    out.push('# HELP process_uptime_seconds Seconds since the process started.', '# TYPE process_uptime_seconds gauge', `process_uptime_seconds ${num(extra.uptimeSeconds)}`);
    out.push('# HELP http_requests_total Total number of HTTP requests.', '# TYPE http_requests_total counter');
    for (const [k, v] of [...this.requests].sort()) {
      const [method, path, status] = JSON.parse(k) as string[];
      out.push(`http_requests_total${labels({ method, path, status })} ${v}`);
    }
    out.push('# HELP jobs_processed_total Total number of jobs processed.', '# TYPE jobs_processed_total counter', `jobs_processed_total ${this.jobsProcessed}`);
    out.push('# HELP jobs_failed_total Total number of jobs that failed.', '# TYPE jobs_failed_total counter', `jobs_failed_total ${this.jobsFailed}`);
    out.push('# HELP runner_execution_duration_seconds Duration of question executions.', '# TYPE runner_execution_duration_seconds histogram');
    for (const [k, h] of [...this.durations].sort()) {
      const [region, status] = JSON.parse(k) as string[];
      histogram('runner_execution_duration_seconds', { region, status }, h);
    }
    out.push('# HELP runner_failures_total Execution failures by type and component.', '# TYPE runner_failures_total counter');
    for (const [k, v] of [...this.failures].sort()) {
      const [region, error_type, component] = JSON.parse(k) as string[];
      out.push(`runner_failures_total${labels({ region, error_type, component })} ${v}`);
    }
    out.push('# HELP runner_queue_latency_seconds Time jobs wait in the queue.', '# TYPE runner_queue_latency_seconds histogram');
    for (const [region, h] of [...this.queue].sort()) histogram('runner_queue_latency_seconds', { region }, h);
    return out.join('\n') + '\n';
  }
}
