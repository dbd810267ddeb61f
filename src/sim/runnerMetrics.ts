/**
 * The runner's Prometheus series (BEACON-FACTS "Runner HTTP endpoints") that its requests and jobs feed: counters
 * and histograms since the process started, rendered in the text exposition format. There is
 * deliberately no `hybrid_circuit_breaker_state`: the real runner has none.
 */

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

const FAMILIES: readonly (readonly [name: string, type: 'counter' | 'histogram', help: string])[] = [
  ['http_requests_total', 'counter', 'Total number of HTTP requests.'],
  ['jobs_processed_total', 'counter', 'Total number of jobs processed.'],
  ['jobs_failed_total', 'counter', 'Total number of jobs that failed.'],
  ['runner_execution_duration_seconds', 'histogram', 'Duration of question executions.'],
  ['runner_failures_total', 'counter', 'Execution failures by type and component.'],
  ['runner_queue_latency_seconds', 'histogram', 'Time jobs wait in the queue.'],
];

type Labels = Record<string, string>;

class Histogram {
  counts = BUCKETS.map(() => 0);
  sum = 0;
  count = 0;

  constructor(readonly labels: Labels) {}

  observe(v: number): void {
    BUCKETS.forEach((b, i) => {
      if (v <= b) this.counts[i]++;
    });
    this.sum += v;
    this.count++;
  }
}

function labels(l: Labels): string {
  const parts = Object.entries(l).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}

export class RunnerMetrics {
  /** Counter values by series (`name{labels}`); the job counters are there from the start, at 0. */
  private counters = new Map<string, number>([['jobs_processed_total', 0], ['jobs_failed_total', 0]]);
  private histograms = new Map<string, Histogram>();

  request(method: string, path: string, status: number): void {
    this.count('http_requests_total', { method, path, status: String(status) });
  }

  jobFinished(failed: boolean): void {
    this.count('jobs_processed_total', {});
    if (failed) this.count('jobs_failed_total', {});
  }

  execution(region: string, status: string, seconds: number): void {
    this.observe('runner_execution_duration_seconds', { region, status }, seconds);
  }

  failure(region: string, errorType: string, component: string): void {
    this.count('runner_failures_total', { region, error_type: errorType, component });
  }

  queueLatency(region: string, seconds: number): void {
    this.observe('runner_queue_latency_seconds', { region }, seconds);
  }

  private count(name: string, l: Labels): void {
    const series = name + labels(l);
    this.counters.set(series, (this.counters.get(series) ?? 0) + 1);
  }

  private observe(name: string, l: Labels, v: number): void {
    const series = name + labels(l);
    const h = this.histograms.get(series) ?? new Histogram(l);
    this.histograms.set(series, h);
    h.observe(v);
  }

  render(): string {
    const out: string[] = [];
    const inFamily = (name: string) => ([series]: [string, unknown]) => series === name || series.startsWith(`${name}{`);
    for (const [name, type, help] of FAMILIES) {
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const [series, v] of [...this.counters].filter(inFamily(name)).sort()) out.push(`${series} ${v}`);
      for (const [, h] of [...this.histograms].filter(inFamily(name)).sort()) {
        BUCKETS.forEach((b, i) => out.push(`${name}_bucket${labels({ ...h.labels, le: String(b) })} ${h.counts[i]}`));
        out.push(`${name}_bucket${labels({ ...h.labels, le: '+Inf' })} ${h.count}`);
        out.push(`${name}_sum${labels(h.labels)} ${num(h.sum)}`, `${name}_count${labels(h.labels)} ${h.count}`);
      }
    }
    return out.join('\n') + '\n';
  }
}
