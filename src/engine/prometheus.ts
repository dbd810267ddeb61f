/**
 * A parser for the Prometheus text exposition format (version 0.0.4): `# HELP` / `# TYPE`,
 * labels with escaped values (`\\`, `\"`, `\n`), `NaN` / `±Inf`, optional timestamps. Lenient:
 * a malformed line is reported in `errors` and skipped, the rest is still read.
 */
import { errorMessage } from '../shared/errorMessage';

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
  timestampMs?: number;
}

export interface MetricFamily {
  name: string;
  help?: string;
  type?: string;
  samples: Sample[];
}

export interface Exposition {
  families: Map<string, MetricFamily>;
  samples: Sample[];
  errors: { line: number; message: string }[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const SUFFIXES = ['_bucket', '_sum', '_count', '_total', '_created', '_info'];

export function parsePrometheus(text: string): Exposition {
  const families = new Map<string, MetricFamily>();
  const samples: Sample[] = [];
  const errors: { line: number; message: string }[] = [];
  const family = (name: string): MetricFamily => {
    let f = families.get(name);
    if (!f) {
      f = { name, samples: [] };
      families.set(name, f);
    }
    return f;
  };

  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    if (line.startsWith('#')) {
      const m = /^#\s*(HELP|TYPE)\s+([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\s+(.*))?$/.exec(line);
      if (!m) return; // an ordinary comment
      if (m[1] === 'HELP') family(m[2]).help = unescapeHelp(m[3] ?? '');
      else family(m[2]).type = (m[3] ?? 'untyped').trim();
      return;
    }
    try {
      const s = parseSample(line);
      samples.push(s);
      familyOf(s.name, families, family).samples.push(s);
    } catch (e) {
      errors.push({ line: i + 1, message: errorMessage(e) });
    }
  });
  return { families, samples, errors };
}

function familyOf(sample: string, families: Map<string, MetricFamily>, make: (n: string) => MetricFamily): MetricFamily {
  if (families.has(sample)) return families.get(sample)!;
  for (const suf of SUFFIXES) {
    if (sample.endsWith(suf)) {
      const base = sample.slice(0, -suf.length);
      if (families.has(base)) return families.get(base)!;
    }
  }
  return make(sample);
}

function unescapeHelp(s: string): string {
  return s.replace(/\\(\\|n)/g, (_m, c: string) => (c === 'n' ? '\n' : '\\'));
}

function parseSample(line: string): Sample {
  let pos = 0;
  const nm = NAME.exec(line);
  if (!nm) throw new Error(`expected a metric name: ${line.slice(0, 60)}`);
  const name = nm[0];
  pos = name.length;
  const labels: Record<string, string> = {};
  const skipWs = () => {
    while (pos < line.length && (line[pos] === ' ' || line[pos] === '\t')) pos++;
  };
  skipWs();
  if (line[pos] === '{') {
    pos++;
    for (;;) {
      skipWs();
      if (line[pos] === '}') {
        pos++;
        break;
      }
      const ln = LABEL_NAME.exec(line.slice(pos));
      if (!ln) throw new Error(`bad label name at column ${pos + 1}`);
      pos += ln[0].length;
      skipWs();
      if (line[pos] !== '=') throw new Error(`expected = after label ${ln[0]}`);
      pos++;
      skipWs();
      if (line[pos] !== '"') throw new Error(`expected a quoted value for label ${ln[0]}`);
      pos++;
      let value = '';
      for (;;) {
        if (pos >= line.length) throw new Error(`unterminated value for label ${ln[0]}`);
        const c = line[pos++];
        if (c === '"') break;
        if (c === '\\') {
          const e = line[pos++];
          if (e === 'n') value += '\n';
          else if (e === '\\' || e === '"') value += e;
          else throw new Error(`bad escape \\${e ?? ''} in label ${ln[0]}`);
        } else value += c;
      }
      labels[ln[0]] = value;
      skipWs();
      if (line[pos] === ',') pos++;
      else if (line[pos] !== '}') throw new Error(`expected , or } after label ${ln[0]}`);
    }
  }
  const rest = line.slice(pos).trim().split(/\s+/);
  if (rest.length < 1 || rest[0] === '') throw new Error(`no value for ${name}`);
  if (rest.length > 2) throw new Error(`unexpected text after the value of ${name}`);
  const value = parseValue(rest[0]);
  const sample: Sample = { name, labels, value };
  if (rest.length === 2) {
    const ts = Number(rest[1]);
    if (!Number.isInteger(ts)) throw new Error(`bad timestamp ${rest[1]} for ${name}`);
    sample.timestampMs = ts;
  }
  return sample;
}

function parseValue(s: string): number {
  switch (s) {
    case 'NaN': return NaN;
    case '+Inf': case 'Inf': return Infinity;
    case '-Inf': return -Infinity;
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) throw new Error(`bad value ${s}`);
  return Number(s);
}

export type Aggregation = 'sum' | 'max' | 'count';

/** Samples named exactly `name` whose labels include every given label; aggregated. */
export function queryMetric(exp: Exposition, name: string, labels: Record<string, string> = {}, agg: Aggregation = 'sum'): number | undefined {
  const hits = exp.samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (agg === 'count') return hits.length;
  if (!hits.length) return undefined;
  if (agg === 'max') return hits.reduce((m, s) => (s.value > m || Number.isNaN(s.value) ? s.value : m), -Infinity);
  return hits.reduce((a, s) => a + s.value, 0);
}
