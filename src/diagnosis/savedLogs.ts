/**
 * A post-mortem from saved logs: `beacon-debug diagnose --logs FILE…` and *Beacon Debug: Diagnose
 * from Log File…*. A saved log — as `flyctl logs` prints it (text, or `--json`'s stream of indented
 * objects) or as Grafana / Loki export it (one entry a line, its timestamp first, then the labels
 * or a tab) — is read into the same normalised lines a live `flyctl logs` gives, and the runbook's
 * logs checks (0.2, qw.2, qw.4, 5.1; r.4 for the router's) judge them exactly as they judge a live
 * read. The diagnosis then works from those facts alone and names the live checks that would confirm it.
 *
 * Bad files get a clear error and nothing is half-read: a missing path, a directory, a FIFO or a
 * device (never opened: a FIFO would block), a file over 64 MB, a binary file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Check, FactValue, Runbook, Step } from '../runbook/schema';
import type { CheckResult, Facts, StepResult, Target } from '../engine/types';
import { evaluateCheck } from '../engine/evaluate';
import { logTimeMs, normaliseFlyJsonEntry, normaliseLogLine, parseFlyJsonStream, type NormalisedLine } from '../engine/logs/logLines';
import type { ProbeOutcome } from '../engine/probes/probeOutcome';
import { redactorFor } from '../engine/redact';
import { validateTarget } from '../engine/target';
import { allSteps } from '../runbook/steps';
import { worstVerdict } from '../engine/verdicts';
import { diagnose, type Diagnosis } from './diagnose';
import { errorMessage } from '../shared/errorMessage';

export const MAX_LOG_BYTES = 64 * 1024 * 1024;

export class SavedLogError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'SavedLogError';
  }
}

export type SavedLogFormat = 'flyctl' | 'flyctl-json' | 'loki' | 'plain';

export interface SavedLog {
  file: string;
  format: SavedLogFormat;
  /** Whose log it is, by its lines: the runner's (Go) or the router's (Python). */
  source: 'runner' | 'router';
  lines: NormalisedLine[];
  /** The text as read (what the checks' output shows). */
  text: string;
}

// `2025-10-09T15:37:50.766123Z`, `2025-10-09 15:37:50.766`, epoch ns / ms — then labels `{…}` or a tab
const LEADING_TIME = /^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?|\d{19}|\d{13})(?:\s*\{[^}]*\}\s*|\t|\s+)/;
const FLYCTL_LINE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?\s+(?:[a-z][\w-]*\[[0-9a-zA-Z]+\]|[0-9a-f]{8,32})\s/;
const ROUTER_MARK = /\[(HEALTH_CHECK|SELECT_PROVIDER)\]|^(INFO|WARNING|ERROR|DEBUG|CRITICAL):(\s{2,}|[\w.]+:)|uvicorn/;

/** Reads one saved log, or throws SavedLogError with a reason a person can act on. */
export function readSavedLog(file: string): SavedLog {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SavedLogError(file, code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? errorMessage(e)})`);
  }
  if (st.isDirectory()) throw new SavedLogError(file, 'is a directory, not a log file');
  if (!st.isFile()) throw new SavedLogError(file, `is not a regular file (${st.isFIFO() ? 'a FIFO' : st.isSocket() ? 'a socket' : 'a device'}): save the log to a file first`);
  if (st.size > MAX_LOG_BYTES) {
    throw new SavedLogError(file, `is ${(st.size / 1024 / 1024).toFixed(0)} MB, more than the ${MAX_LOG_BYTES / 1024 / 1024} MB read at most: cut it to the incident's window first (e.g. tail -n 50000)`);
  }
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    throw new SavedLogError(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? errorMessage(e)})`);
  }
  if (buf.subarray(0, 65536).includes(0)) throw new SavedLogError(file, 'is binary (it has NUL bytes), not a text log');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
  const bad = (text.match(/\uFFFD/g) ?? []).length;
  if (bad > 32 && bad > text.length / 100) throw new SavedLogError(file, 'is not UTF-8 text (too many invalid bytes)');
  if (!text.trim()) throw new SavedLogError(file, 'is empty');
  return { file, text, ...parseSavedLog(text) };
}

/** The lines of a saved log, in whichever format it is. */
export function parseSavedLog(text: string): { format: SavedLogFormat; source: 'runner' | 'router'; lines: NormalisedLine[] } {
  let format: SavedLogFormat;
  let lines: NormalisedLine[];
  if (/^\s*[{[]/.test(text)) {
    const entries = parseFlyJsonStream(text).map(normaliseFlyJsonEntry).filter((l): l is NormalisedLine => !!l);
    if (entries.length) return { format: 'flyctl-json', source: sourceOf(entries), lines: entries };
  }
  const raw = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const sample = raw.slice(0, 200);
  const share = (re: RegExp) => sample.filter((l) => re.test(l.replace(/\x1b\[[0-9;]*m/g, ''))).length / Math.max(1, sample.length);
  if (share(FLYCTL_LINE) >= 0.5) {
    format = 'flyctl';
    lines = raw.map(normaliseLogLine);
  } else if (share(LEADING_TIME) >= 0.5) {
    format = 'loki';
    lines = raw.map((l) => {
      const m = LEADING_TIME.exec(l);
      if (!m) return normaliseLogLine(l);
      const rest = l.slice(m[0].length);
      // a Loki line may itself be what flyctl printed (a Fly log shipper keeps the prefix)
      const inner = normaliseLogLine(rest);
      return { ...inner, receivedAt: inner.receivedAt ?? m[1] };
    });
  } else {
    format = 'plain';
    lines = raw.map(normaliseLogLine);
  }
  // exports are often newest first: the checks read them oldest first, as flyctl prints them
  const times = lines.map((l) => logTimeMs(l.receivedAt ?? l.time)?.ms);
  const first = times.find((t) => t !== undefined);
  const last = [...times].reverse().find((t) => t !== undefined);
  if (first !== undefined && last !== undefined && first > last) lines.reverse();
  return { format, source: sourceOf(lines), lines };
}

function sourceOf(lines: readonly NormalisedLine[]): 'runner' | 'router' {
  const router = lines.filter((l) => ROUTER_MARK.test(l.text)).length;
  return router > lines.length / 4 ? 'router' : 'runner';
}

export interface LogsDiagnosis {
  diagnosis: Diagnosis;
  logs: Pick<SavedLog, 'file' | 'format' | 'source'>[];
  results: StepResult[];
  facts: Facts;
  /** Live checks that would confirm the answer (or settle it), in the order to run them. */
  confirmLive: { step: string; title: string }[];
  /** The lines read, per source. */
  lineCounts: { runner: number; router: number };
}

/** A target that names nothing real: the logs checks never run a probe here, they judge the saved lines. */
export const SAVED_LOGS_TARGET: Target = {
  name: 'saved-logs',
  flyApp: 'saved-logs',
  routerFlyApp: 'saved-router-logs',
  runnerUrl: 'http://saved-logs.invalid',
  routerUrl: 'http://saved-logs.invalid',
  flyctlPath: 'flyctl',
  psqlPath: 'psql',
};

function isLogsCheck(c: Check): boolean {
  return c.probe.type === 'logs';
}

function logsSource(c: Check): 'runner' | 'router' {
  return c.probe.type === 'logs' && c.probe.app.includes('router.') ? 'router' : 'runner';
}

/** Diagnoses from saved log files alone (read with `readSavedLog`, whose errors it passes on). */
export function diagnoseSavedLogs(runbook: Runbook, files: readonly string[]): LogsDiagnosis {
  if (!files.length) throw new SavedLogError('--logs', 'give at least one log file');
  const logs = files.map(readSavedLog);
  const bySource = { runner: logs.filter((l) => l.source === 'runner'), router: logs.filter((l) => l.source === 'router') };
  const target = validateTarget(SAVED_LOGS_TARGET);
  const redactor = redactorFor(target);
  const facts: Facts = {};
  const results: StepResult[] = [];
  for (const step of allSteps(runbook)) {
    const checks = step.checks.filter(isLogsCheck);
    if (!checks.length || checks.length !== step.checks.length) continue;
    const checkResults: CheckResult[] = [];
    for (const c of checks) {
      const source = logsSource(c);
      const saved = bySource[source];
      if (!saved.length) continue;
      const lines = saved.flatMap((l) => l.lines);
      const outcome: ProbeOutcome = {
        command: `saved ${source} logs: ${saved.map((l) => path.basename(l.file)).join(', ')}`,
        ok: true,
        exitCode: 0,
        durationMs: 0,
        stdout: saved.map((l) => l.text).join('\n'),
        stderr: '',
        lines,
        output: lines.map((l) => l.text).join('\n'),
        transcript: '',
      };
      const e = evaluateCheck(c, outcome, {
        target,
        redactor,
        logSignals: runbook.logSignals,
        logBoot: runbook.logBoot,
        runFact: (n) => facts[n]?.value,
        logSource: source,
      });
      for (const [name, f] of Object.entries(e.facts)) {
        // every logs check reads the same lines: the first step that read a fact keeps its proof
        if (facts[name] && facts[name].value === f.value) continue;
        facts[name] = { value: f.value, step: step.id, check: c.id, ...(f.line !== undefined ? { line: f.line } : {}) };
      }
      checkResults.push({ ...e.result, durationMs: 0 });
    }
    if (!checkResults.length) continue;
    const verdict = worstVerdict(checkResults.map((c) => c.verdict));
    const stepFacts: Record<string, FactValue> = {};
    for (const c of checkResults) Object.assign(stepFacts, c.facts);
    results.push({ id: step.id, title: step.title, verdict, reason: checkResults.filter((c) => c.verdict === verdict).map((c) => c.reason).join(' · '), durationMs: 0, checks: checkResults, facts: stepFacts });
  }
  const diagnosis = diagnose(runbook, facts, results, { ranSteps: null });
  return {
    diagnosis,
    logs: logs.map(({ file, format, source }) => ({ file, format, source })),
    results,
    facts,
    confirmLive: confirmingSteps(runbook, diagnosis, new Set(results.map((r) => r.id))),
    lineCounts: { runner: bySource.runner.reduce((n, l) => n + l.lines.length, 0), router: bySource.router.reduce((n, l) => n + l.lines.length, 0) },
  };
}

/**
 * The live checks that would confirm the answer: the steps of the tree's path the logs could not
 * answer (in the tree's order), then the root (or leading) cause's `confirmWith`, then the next step.
 */
function confirmingSteps(runbook: Runbook, d: Diagnosis, answered: ReadonlySet<string>): { step: string; title: string }[] {
  const steps = allSteps(runbook);
  const want: string[] = [];
  const add = (id: string) => {
    const s = steps.find((x) => x.id === id);
    if (s && s.checks.length && !answered.has(id) && !want.includes(id)) want.push(id);
  };
  const nodes = new Map((runbook.decisionTree?.nodes ?? []).map((n) => [n.id, n]));
  for (const hop of d.tree.path) for (const s of nodes.get(hop.node)?.needs ?? []) add(s);
  const focus = d.status === 'undetermined' ? d.leading?.id : d.rootCause.id;
  for (const s of runbook.causes.find((c) => c.id === focus)?.confirmWith ?? []) add(s);
  if (d.nextStep) add(d.nextStep.step);
  return want.map((id) => ({ step: id, title: (steps.find((s) => s.id === id) as Step).title }));
}
