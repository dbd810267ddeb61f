/**
 * Classifies runner and router log lines, one at a time, into facts with the line that proves
 * each. Every line goes through the engine's `normaliseLogLine` (Fly prefix, ANSI codes, zerolog
 * console / JSON, plain `fmt.Printf` and Python lines) and the runbook's `logSignals` through the
 * engine's `applyLogSignals`, so the classifier, the logs checks and the diagnosis name the same
 * facts the same way. On top of the signals it reads structured values the signals cannot:
 *
 * | fact (runner: `logs.` / `startup.`, router: `routerLogs.`) | from |
 * |---|---|
 * | `logs.executeDurationMs` (last), `logs.minExecuteDurationMs`, `logs.maxExecuteDurationMs`, `logs.fastExecutions` (< 100 ms) | `executor.Execute() RETURNED` `duration_ms=` / `duration_nanosec=` / `duration=` |
 * | `logs.executorType` | `executor_type=` of `TRACE: executeQuestion ENTRY` |
 * | `logs.lastErrorType`, `logs.lastErrorMessage` | an `error=` value that is a JSON object (`{"Message":…,"Type":"router_error"}`) |
 * | `logs.lastError` | an `error=` value that is plain text |
 * | `logs.lastErrorProvider` | `provider=` of a line carrying an error |
 * | `logs.hybridStatus` (last), `logs.hybridElapsedMs` (last), `logs.hybridTimeoutSeconds` | `[HYBRID_CLIENT]   Status: N`, `… after 3.2ms`, `[HYBRID_CLIENT]   Timeout: 5m0s` |
 * | `logs.httpStatus429` (count) | HTTP 429 from the provider, in any spelling (`Status: 429`, `status=429`, `429 Too Many Requests`) |
 * | `logs.errorLines` (count) | lines at level error or above |
 * | `startup.clientInitUrl`, `startup.clientInitEnvValue` | `[HYBRID_CLIENT_INIT] … env_value="…" url=…` |
 * | `routerLogs.lastFailedProvider`, `routerLogs.lastFailureReason`, `routerLogs.lastHealthyProvider` | `❌ [HEALTH_CHECK] <p> failed: …`, `✅ [HEALTH_CHECK] <p> is HEALTHY` |
 * | `routerLogs.totalProviders` | `[SELECT_PROVIDER] Total providers: N` |
 */
import type { FactValue, LogSignal, Runbook } from '../runbook/schema';
import { normaliseLogLine, splitConsoleFields, type NormalisedLine } from '../engine/logs/logLines';
import { applyLogSignals } from '../engine/logs/logSignals';

export type LogSource = 'runner' | 'router';

export interface LineFact {
  fact: string;
  label: string;
  /** What this line contributes: 1 for a count, true for a flag, the captured value otherwise. */
  value: FactValue;
  /** How the accumulator combines lines: add counts, OR flags, keep the last value, keep min / max. */
  combine: 'count' | 'flag' | 'last' | 'min' | 'max';
}

export interface LineClassification {
  /** The line as given (what proves the fact). */
  raw: string;
  line: NormalisedLine;
  source: LogSource;
  /** The signals and structured values this line yields; empty when the line says nothing. */
  facts: LineFact[];
}

export interface ClassifiedFact {
  value: FactValue;
  label: string;
  /** The line that proves the value (the last one that contributed; for min/max the extreme one). */
  line: string | null;
  /** How many lines contributed. */
  lines: number;
}

const FAST_MS = 100;

/** Classifies one line. Pure: the same line always gives the same classification. */
export function classifyLine(signals: readonly LogSignal[], raw: string, source: LogSource = 'runner'): LineClassification {
  const line = normaliseLogLine(raw);
  const facts: LineFact[] = [];
  const matched = applyLogSignals(signals, [line], source);
  for (const sig of signals) {
    if ((sig.source ?? 'runner') !== source) continue;
    const m = matched[sig.fact];
    if (!m || m.matches.length === 0) continue;
    facts.push({
      fact: sig.fact,
      label: sig.label,
      value: sig.kind === 'count' ? 1 : sig.kind === 'flag' ? true : m.value,
      combine: sig.kind === 'count' ? 'count' : sig.kind === 'flag' ? 'flag' : 'last',
    });
  }
  facts.push(...(source === 'runner' ? runnerExtras(line) : routerExtras(line)));
  return { raw, line, source, facts };
}

/**
 * Accumulates classified lines into facts. Before any line, every count signal is 0 and every
 * flag false (what the logs checks report for an empty log); value facts stay unknown.
 */
export class LogFactAccumulator {
  private readonly state = new Map<string, ClassifiedFact>();
  private count = 0;

  constructor(signals: readonly LogSignal[], readonly source: LogSource = 'runner') {
    for (const sig of signals) {
      if ((sig.source ?? 'runner') !== source) continue;
      if (sig.kind === 'count') this.state.set(sig.fact, { value: 0, label: sig.label, line: null, lines: 0 });
      if (sig.kind === 'flag') this.state.set(sig.fact, { value: false, label: sig.label, line: null, lines: 0 });
    }
  }

  get linesSeen(): number {
    return this.count;
  }

  add(c: LineClassification): void {
    this.count++;
    for (const f of c.facts) {
      const prev = this.state.get(f.fact);
      const next: ClassifiedFact = { value: f.value, label: f.label, line: c.raw, lines: (prev?.lines ?? 0) + 1 };
      switch (f.combine) {
        case 'count':
          next.value = (typeof prev?.value === 'number' ? prev.value : 0) + (typeof f.value === 'number' ? f.value : 1);
          break;
        case 'flag':
          next.value = true;
          break;
        case 'min':
        case 'max':
          if (prev && typeof prev.value === 'number' && typeof f.value === 'number') {
            const keep = f.combine === 'min' ? prev.value <= f.value : prev.value >= f.value;
            if (keep) {
              next.value = prev.value;
              next.line = prev.line;
            }
          }
          break;
        case 'last':
          break;
      }
      this.state.set(f.fact, next);
    }
  }

  facts(): Record<string, ClassifiedFact> {
    return Object.fromEntries([...this.state.entries()].map(([k, v]) => [k, { ...v }]));
  }
}

/** Line by line ("Stream Runner Logs"): `push` classifies a line and adds it to the facts. */
export class LogClassifier {
  private acc: LogFactAccumulator;
  private partial = '';
  private readonly boot: RegExp | undefined;
  /** Boot lines seen: each one starts the facts afresh (the new boot's state is what counts). */
  boots = 0;

  constructor(private readonly signals: readonly LogSignal[], readonly source: LogSource = 'runner', boot?: { regex: string; flags?: string }) {
    this.acc = new LogFactAccumulator(signals, source);
    this.boot = boot ? new RegExp(boot.regex, boot.flags) : undefined;
  }

  static forRunbook(runbook: Runbook, source: LogSource = 'runner'): LogClassifier {
    return new LogClassifier(runbook.logSignals, source, runbook.logBoot);
  }

  push(raw: string): LineClassification {
    const c = classifyLine(this.signals, raw, this.source);
    if (this.boot?.test(c.line.text)) {
      this.boots++;
      this.acc = new LogFactAccumulator(this.signals, this.source);
    }
    this.acc.add(c);
    return c;
  }

  /** Splits a chunk of text into lines (a trailing partial line is kept for the next chunk). */
  pushChunk(chunk: string): LineClassification[] {
    this.partial += chunk;
    const parts = this.partial.split('\n');
    this.partial = parts.pop() ?? '';
    return parts.filter((l) => l.trim() !== '').map((l) => this.push(l));
  }

  /** Classifies the trailing partial line, if any. */
  flush(): LineClassification[] {
    const rest = this.partial;
    this.partial = '';
    return rest.trim() ? [this.push(rest)] : [];
  }

  facts(): Record<string, ClassifiedFact> {
    return this.acc.facts();
  }

  get linesSeen(): number {
    return this.acc.linesSeen;
  }
}

/** Classifies a whole log text (plain lines) at once. */
export function classifyLogText(signals: readonly LogSignal[], text: string, source: LogSource = 'runner'): Record<string, ClassifiedFact> {
  const c = new LogClassifier(signals, source);
  c.pushChunk(text);
  c.flush();
  return c.facts();
}

// ---------------------------------------------------------------- structured extras

function fact(name: string, label: string, value: FactValue, combine: LineFact['combine'] = 'last'): LineFact {
  return { fact: name, label, value, combine };
}

/** A Go duration (`1.5ms`, `850µs`, `2m3.5s`, `120ns`) in milliseconds. */
export function parseGoDurationMs(s: string): number | undefined {
  const text = s.trim();
  if (!text) return undefined;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  const unitMs: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|μs|ms|s|m|h)/gy;
  let total = 0;
  let pos = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    total += Number(m[1]) * unitMs[m[2]];
    pos = re.lastIndex;
  }
  return pos === text.length && pos > 0 ? Math.round(total * 1e9) / 1e9 : undefined;
}

function executeDurationMs(line: NormalisedLine, f: Record<string, string>): number | undefined {
  // zerolog's Dur("duration_ms", d) prints milliseconds as a number; duration_nanosec is exact.
  if (f.duration_nanosec !== undefined && /^\d+$/.test(f.duration_nanosec)) return Number(f.duration_nanosec) / 1e6;
  if (f.duration_ms !== undefined) return parseGoDurationMs(f.duration_ms);
  if (f.duration !== undefined) return parseGoDurationMs(f.duration);
  const m = /duration[_a-z]*[=:]\s*"?([\d.]+(?:ns|us|µs|ms|s)?)/i.exec(line.text);
  return m ? parseGoDurationMs(m[1]) : undefined;
}

function runnerExtras(line: NormalisedLine): LineFact[] {
  const out: LineFact[] = [];
  const t = line.text;
  // a plain line (a prefix the normaliser does not know, a `fmt.Printf` line) may still carry key=value fields
  const f = line.format === 'plain' && Object.keys(line.fields).length === 0 ? splitConsoleFields(t).fields : line.fields;

  if (/executor\.Execute\(\) RETURNED/.test(t)) {
    const ms = executeDurationMs(line, f);
    if (ms !== undefined) {
      out.push(fact('logs.executeDurationMs', 'executor.Execute() duration (ms), last', ms));
      out.push(fact('logs.minExecuteDurationMs', 'executor.Execute() duration (ms), shortest', ms, 'min'));
      out.push(fact('logs.maxExecuteDurationMs', 'executor.Execute() duration (ms), longest', ms, 'max'));
      if (ms < FAST_MS) out.push(fact('logs.fastExecutions', `executor.Execute() returned in < ${FAST_MS} ms`, 1, 'count'));
    }
  }
  if (/TRACE: executeQuestion ENTRY/.test(t) && f.executor_type) {
    out.push(fact('logs.executorType', 'executor_type of the TRACE entry line', f.executor_type));
  }

  const err = f.error ?? f.err;
  if (err !== undefined && err !== '') {
    const obj = parseJsonObject(err);
    if (obj) {
      const type = stringField(obj, 'Type', 'type');
      const message = stringField(obj, 'Message', 'message');
      if (type !== undefined) out.push(fact('logs.lastErrorType', 'Type of the last error value', type));
      if (message !== undefined) out.push(fact('logs.lastErrorMessage', 'Message of the last error value', message));
    } else {
      out.push(fact('logs.lastError', 'the last error value', err));
    }
    if (f.provider) out.push(fact('logs.lastErrorProvider', 'provider of the last failing line', f.provider));
  }

  if (t.includes('[HYBRID_CLIENT]')) {
    const status = /\bStatus:\s*(\d{3})\b/.exec(t);
    if (status) out.push(fact('logs.hybridStatus', '[HYBRID_CLIENT] HTTP status, last', Number(status[1])));
    const after = /\bafter\s+([\d.]+(?:ns|us|µs|μs|ms|s|m|h)[\d.a-zµμ]*)/.exec(t);
    if (after) {
      const ms = parseGoDurationMs(after[1]);
      if (ms !== undefined) out.push(fact('logs.hybridElapsedMs', '[HYBRID_CLIENT] elapsed (ms), last', ms));
    }
    const timeout = /\bTimeout:\s*(\S+)/.exec(t);
    if (timeout) {
      const ms = parseGoDurationMs(timeout[1]);
      if (ms !== undefined) out.push(fact('logs.hybridTimeoutSeconds', '[HYBRID_CLIENT] client timeout (s)', ms / 1000));
    }
  }
  const is429 =
    /\b(?:status(?:_code)?|http_status)\s*[=:]\s*"?429\b/i.test(t) || /\bHTTP\/?\s?(?:1\.1\s|2\s)?429\b/i.test(t) || /\b429 Too Many Requests\b/i.test(t);
  if (is429) out.push(fact('logs.httpStatus429', 'HTTP 429 from the provider', 1, 'count'));

  if (line.level && ['error', 'fatal', 'panic'].includes(line.level)) out.push(fact('logs.errorLines', 'lines at level error or above', 1, 'count'));

  if (t.includes('[HYBRID_CLIENT_INIT]')) {
    const url = /\burl=("(?:[^"\\]|\\.)*"|\S+)/.exec(t);
    if (url) out.push(fact('startup.clientInitUrl', '[HYBRID_CLIENT_INIT] url', unquote(url[1])));
    const env = /\benv_value=("(?:[^"\\]|\\.)*"|\S+)/.exec(t);
    if (env) out.push(fact('startup.clientInitEnvValue', '[HYBRID_CLIENT_INIT] env_value', unquote(env[1])));
  }
  return out;
}

function routerExtras(line: NormalisedLine): LineFact[] {
  const out: LineFact[] = [];
  const t = line.text;
  const failed = /\[HEALTH_CHECK\]\s+(\S+)\s+failed:?\s*(.*)$/.exec(t);
  if (failed) {
    out.push(fact('routerLogs.lastFailedProvider', 'provider of the last failed health check', failed[1]));
    if (failed[2]) out.push(fact('routerLogs.lastFailureReason', 'reason of the last failed health check', failed[2].trim()));
  }
  const healthy = /\[HEALTH_CHECK\]\s+(\S+)\s+is HEALTHY/.exec(t);
  if (healthy) out.push(fact('routerLogs.lastHealthyProvider', 'last provider reported HEALTHY', healthy[1]));
  const total = /\[SELECT_PROVIDER\]\s+Total providers:\s*(\d+)/.exec(t);
  if (total) out.push(fact('routerLogs.totalProviders', '[SELECT_PROVIDER] Total providers', Number(total[1])));
  return out;
}

function parseJsonObject(s: string): Record<string, unknown> | undefined {
  const v = s.trim();
  if (!v.startsWith('{')) return undefined;
  try {
    const o = JSON.parse(v) as unknown;
    return o && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function stringField(o: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const k of keys) if (typeof o[k] === 'string') return o[k] as string;
  return undefined;
}

function unquote(s: string): string {
  if (s.startsWith('"')) {
    try {
      return JSON.parse(s) as string;
    } catch {
      return s.slice(1, -1);
    }
  }
  return s;
}
