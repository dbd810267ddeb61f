/**
 * Runs steps of a runbook against a target: preflight first, independent steps concurrently
 * (respecting `after`), the checks of a step one after another, one answer per endpoint per
 * run, an event for everything, all of it redacted.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import { createDispatcher } from './proxy';
import type { Check, FactValue, Runbook, Step } from '../runbook/schema';
import { evaluateCheck } from './evaluate';
import { createLimiter, sleep } from './limiter';
import { ProbeCache, SHORT_PROBE_MS, type SlowEndpoint } from './probes/probeCache';
import { cacheKey, postProcess, probeDisplay, probeEndpoints, resolveProbe, runTransport, type ResolvedProbe } from './probes/probeDispatch';
import type { OnOutput } from './probes/probeOutcome';
import { LineRedactor, redactorFor, type Redactor } from './redact';
import { unmetRequirement } from './requirements';
import { checkOrder, selectSteps } from './selection';
import { TargetError, validateTarget, type ValidTarget } from './target';
import type { CheckResult, Facts, RunEvent, StepResult, Target } from './types';
import { worstVerdict } from './verdicts';

export interface RunOptions {
  /** Step ids, `quick-wins`, `phase-N`; empty = every step. */
  only?: string[];
  /** Per check, unless the check sets its own. Default 30. */
  timeoutSeconds?: number;
  /** Per check, even one that sets its own: the user asked for it (`--timeout`, the setting). */
  userTimeoutSeconds?: number;
  signal?: AbortSignal;
  onEvent?: (e: RunEvent) => void;
  /** Steps running at once. Default 8. */
  concurrency?: number;
  /**
   * A cache to share with other runs of the same session; `false` asks every time (hosts learned
   * not to answer are still remembered for this run).
   */
  cache?: ProbeCache | false;
  /** Multiplies every check's timeout and the short probe (a compressed clock for tests). Default 1. */
  timeScale?: number;
  /** Run the runbook's preflight checks first; a failure stops the run. */
  preflight?: boolean;
  /** Added before every check (the benchmark). */
  injectDelayMs?: number;
  runId?: string;
  /** Between SIGTERM and SIGKILL when a process tree is stopped. */
  killGraceMs?: number;
  /**
   * Programs a runbook file chooses (its `shell` argv, its imported `script` blocks): `approved`
   * runs both; `blocked` runs neither (a runbook from a repository the user has not approved);
   * unset runs `shell` probes (the built-in plan) and never a `script` probe.
   */
  runbookCommands?: 'approved' | 'blocked';
}

/** Why a check's program may not run under the policy, or undefined when it may. */
export function commandBlocked(probe: Check['probe'], policy: RunOptions['runbookCommands']): string | undefined {
  if (probe.type === 'script' && probe.mutating) {
    return `Not run: this command changes the system (${probe.mutating}); run it yourself when you mean to (Open Step Command in a Terminal).`;
  }
  if (policy === 'approved') return undefined;
  if (probe.type === 'script' || (probe.type === 'shell' && policy === 'blocked')) {
    return 'Not run: this runbook\'s commands have not been approved (approve them when asked, or pass --allow-runbook-commands).';
  }
  return undefined;
}

export interface RunOutcome {
  runId: string;
  environment: string;
  startedAt: string;
  finishedAt: string;
  results: StepResult[];
  facts: Facts;
  preflight: CheckResult[];
  cancelled: boolean;
}

export const PREFLIGHT_STEP = 'preflight';

interface Resolved {
  probe?: ResolvedProbe;
  error?: string;
}

/** The longest timeout a check may have: a day (Node's timers overflow past 24.8 days). */
export const MAX_TIMEOUT_SECONDS = 86_400;

export class RunOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunOptionsError';
  }
}

function checkTimeout(name: string, v: number | undefined): void {
  if (v !== undefined && !(v > 0 && v <= MAX_TIMEOUT_SECONDS)) throw new RunOptionsError(`${name}: ${v} is not a number of seconds between 0 and ${MAX_TIMEOUT_SECONDS}`);
}

export async function runSteps(rb: Runbook, target: Target, opts: RunOptions = {}): Promise<RunOutcome> {
  checkTimeout('timeoutSeconds', opts.timeoutSeconds);
  checkTimeout('userTimeoutSeconds', opts.userTimeoutSeconds);
  const t = validateTarget(target);
  const steps = selectSteps(rb, opts.only);
  checkOrder(steps);
  const resolved = resolveAll(rb, steps, t, !!opts.preflight);

  const runId = opts.runId ?? `run-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const redactor = redactorFor(t);
  const emit = (e: RunEvent) => {
    try {
      opts.onEvent?.(e);
    } catch {
      /* a listener's failure must not stop the run */
    }
  };
  const run = new Run(rb, t, opts, runId, redactor, emit, resolved);
  const startedAt = new Date().toISOString();
  emit({ type: 'runStarted', runId, steps: steps.map((s) => s.id), at: startedAt });
  try {
    let blocked: string | undefined;
    let preflight: CheckResult[] = [];
    if (opts.preflight && rb.preflight.length) {
      preflight = await run.preflight();
      const bad = preflight.filter((c) => c.verdict === 'fail' || c.verdict === 'error');
      if (bad.length) blocked = `Not run: preflight failed — ${bad.map((c) => c.reason).join(' ')}`;
    }
    const results = await run.steps(steps, blocked);
    const finishedAt = new Date().toISOString();
    const cancelled = !!opts.signal?.aborted;
    emit({ type: 'runFinished', runId, results, facts: run.facts, cancelled, at: finishedAt });
    return { runId, environment: t.name, startedAt, finishedAt, results, facts: run.facts, preflight, cancelled };
  } finally {
    await run.close();
  }
}

/** Resolves every probe up front so that a bad runbook or target fails before anything runs. */
function resolveAll(rb: Runbook, steps: readonly Step[], t: ValidTarget, preflight: boolean): Map<Check, Resolved> {
  const out = new Map<Check, Resolved>();
  const checks = [...(preflight ? rb.preflight : []), ...steps.flatMap((s) => s.checks)];
  for (const c of checks) {
    if (unmetRequirement(c.requires, t)) {
      out.set(c, {});
      continue;
    }
    try {
      out.set(c, { probe: resolveProbe(c.probe, t) });
    } catch (e) {
      if (e instanceof TargetError && e.setting !== 'runbook') out.set(c, { error: e.message });
      else throw e;
    }
  }
  return out;
}

class Run {
  readonly facts: Facts = {};
  private readonly cache: ProbeCache | undefined;
  /** Hosts that did not answer (kept even without an answer cache). */
  private readonly learned: ProbeCache;
  private readonly agent: Dispatcher;
  private readonly limit: <T>(task: () => Promise<T>) => Promise<T>;

  constructor(
    private readonly rb: Runbook,
    private readonly t: ValidTarget,
    private readonly opts: RunOptions,
    private readonly runId: string,
    private readonly redactor: Redactor,
    private readonly emit: (e: RunEvent) => void,
    private readonly resolved: Map<Check, Resolved>,
  ) {
    this.cache = opts.cache === false ? undefined : (opts.cache ?? new ProbeCache());
    this.learned = this.cache ?? new ProbeCache();
    this.agent = createDispatcher(t.proxy, { keepAliveTimeout: 2000, connections: 16 });
    this.limit = createLimiter(opts.concurrency ?? 8);
  }

  async close(): Promise<void> {
    await this.agent.close().catch(() => undefined);
  }

  private get aborted(): boolean {
    return !!this.opts.signal?.aborted;
  }

  async preflight(): Promise<CheckResult[]> {
    const started = performance.now();
    const startedAt = new Date().toISOString();
    this.emit({ type: 'stepStarted', runId: this.runId, step: PREFLIGHT_STEP, at: startedAt });
    const checks = await Promise.all(this.rb.preflight.map((c) => this.runCheck(PREFLIGHT_STEP, c)));
    const result = this.stepResult({ id: PREFLIGHT_STEP, title: 'Preflight' }, checks, started, startedAt);
    this.emit({ type: 'stepFinished', runId: this.runId, result });
    return checks;
  }

  async steps(steps: readonly Step[], blocked: string | undefined): Promise<StepResult[]> {
    const finished = new Map<string, { promise: Promise<StepResult>; resolve(r: StepResult): void }>();
    for (const step of steps) {
      let resolve!: (r: StepResult) => void;
      const promise = new Promise<StepResult>((res) => (resolve = res));
      finished.set(step.id, { promise, resolve });
    }
    // a step starts once the selected steps it comes `after` have finished (cycles were rejected)
    const tasks = steps.map(async (step) => {
      await Promise.all(step.after.filter((d) => finished.has(d)).map((d) => finished.get(d)!.promise));
      const result = await this.limit(() => this.runStep(step, blocked));
      finished.get(step.id)!.resolve(result);
      return result;
    });
    return Promise.all(tasks);
  }

  private async runStep(step: Step, blocked: string | undefined): Promise<StepResult> {
    const started = performance.now();
    const startedAt = new Date().toISOString();
    this.emit({ type: 'stepStarted', runId: this.runId, step: step.id, at: startedAt });
    let result: StepResult;
    const notRun = blocked ?? (this.aborted ? 'Not run: the run was cancelled.' : undefined) ?? unmetRequirement(step.requires, this.t);
    if (step.checks.length === 0) {
      result = this.notRunnable(step, started, startedAt);
    } else if (notRun) {
      result = { ...this.timing(step, started, startedAt), verdict: 'skipped', reason: notRun, checks: [], facts: {} };
    } else {
      const checks: CheckResult[] = [];
      for (const c of step.checks) {
        checks.push(
          this.aborted
            ? this.skippedCheck(c, 'Not run: the run was cancelled.')
            : await this.runCheck(step.id, c),
        );
      }
      result = this.stepResult(step, checks, started, startedAt);
    }
    this.emit({ type: 'stepFinished', runId: this.runId, result });
    return result;
  }

  /** Manual, instrumentation-only and fix steps: the runner has nothing to execute. */
  private notRunnable(step: Step, started: number, startedAt: string): StepResult {
    const base = { ...this.timing(step, started, startedAt), checks: [], facts: {} };
    if (step.manual) return { ...base, verdict: 'pending', reason: 'Manual step: read it, then mark it done.' };
    if (step.fix) {
      return { ...base, verdict: 'skipped', reason: `Fix ${step.fix}: applied from the diagnosis, after a confirmation that shows the exact command.` };
    }
    if (step.instrument) {
      return {
        ...base,
        verdict: 'skipped',
        reason: `Instrumentation ${step.instrument.snippet}: insert it with its code lens (${step.instrument.anchor}), build and deploy, then read the logs (qw.4).`,
      };
    }
    return { ...base, verdict: 'skipped', reason: 'Nothing to run for this step.' };
  }

  private timing(step: { id: string; title: string }, started: number, startedAt: string) {
    return {
      id: step.id,
      title: step.title,
      durationMs: Math.round(performance.now() - started),
      startedAt,
      finishedAt: new Date().toISOString(),
    };
  }

  private stepResult(step: { id: string; title: string }, checks: CheckResult[], started: number, startedAt: string): StepResult {
    const verdict = worstVerdict(checks.map((c) => c.verdict));
    const worst = checks.filter((c) => c.verdict === verdict);
    const reason = worst.map((c) => (checks.length > 1 ? `${c.label}: ${c.reason}` : c.reason)).join(' · ');
    const facts: Record<string, FactValue> = {};
    for (const c of checks) for (const [k, v] of Object.entries(c.facts)) if (!k.startsWith('$')) facts[k] = v;
    return { ...this.timing(step, started, startedAt), verdict, reason, checks, facts };
  }

  private skippedCheck(c: Check, reason: string, command = ''): CheckResult {
    return { id: c.id, label: c.label, verdict: 'skipped', reason, durationMs: 0, command, output: '', facts: {} };
  }

  private async runCheck(stepId: string, check: Check): Promise<CheckResult> {
    const started = performance.now();
    const r = this.resolved.get(check) ?? {};
    const command = r.probe ? this.redactor.redact(probeDisplay(r.probe)) : '';
    const vantage = check.probe.vantage;
    this.emit({ type: 'checkStarted', runId: this.runId, step: stepId, check: check.id, command, ...(vantage ? { vantage } : {}) });
    const finish = (result: CheckResult) => {
      this.emit({ type: 'checkFinished', runId: this.runId, step: stepId, result });
      return result;
    };

    const unmet = unmetRequirement(check.requires, this.t) ?? commandBlocked(check.probe, this.opts.runbookCommands);
    if (unmet) return finish(this.skippedCheck(check, unmet, command));
    if (!r.probe) {
      return finish({ ...this.skippedCheck(check, r.error ?? 'The check could not be prepared.', command), verdict: 'error' });
    }
    if (this.aborted) return finish(this.skippedCheck(check, 'Not run: the run was cancelled.', command));

    const probe = r.probe;
    const out = (stream: 'stdout' | 'stderr' | 'info', text: string) => {
      if (text) this.emit({ type: 'output', runId: this.runId, step: stepId, check: check.id, stream, text });
    };
    const lineRedactors = {
      stdout: new LineRedactor(this.redactor, (s) => out('stdout', s)),
      stderr: new LineRedactor(this.redactor, (s) => out('stderr', s)),
    };
    const onOutput: OnOutput = (stream, text) => {
      if (stream === 'info') out('info', this.redactor.redact(text));
      else lineRedactors[stream].write(text);
    };

    if (this.opts.injectDelayMs) await sleep(this.opts.injectDelayMs, this.opts.signal);
    const scale = this.opts.timeScale ?? 1;
    const timeoutMs = (this.opts.userTimeoutSeconds ?? check.timeoutSeconds ?? this.opts.timeoutSeconds ?? 30) * 1000 * scale;
    const owner = `${stepId}/${check.id}`;
    const ask = () => this.askOnce(probe, owner, timeoutMs, SHORT_PROBE_MS * scale, onOutput);
    const hit = this.cache ? this.cache.get(cacheKey(probe), owner, ask) : { promise: ask(), cached: false, owner };
    const raw = await hit.promise;
    lineRedactors.stdout.flush();
    lineRedactors.stderr.flush();
    if (hit.cached) {
      out('info', `(one call per endpoint per run: the answer ${hit.owner} got)\n`);
      out('stdout', this.redactor.redact(raw.transcript));
    }
    const evaluation = evaluateCheck(check, postProcess(probe, raw), {
      target: this.t,
      redactor: this.redactor,
      logSignals: this.rb.logSignals,
      logBoot: this.rb.logBoot,
      runFact: (name) => this.facts[name]?.value,
      logSource: probe.type === 'logs' ? probe.source : undefined,
      vantage,
      cached: hit.cached,
    });
    for (const [name, f] of Object.entries(evaluation.facts)) {
      // The same answer read again (one call per endpoint per run) keeps its first proof: the step
      // that asked for it, not the last one that reused it.
      const prev = this.facts[name];
      if (prev && hit.cached && prev.value === f.value) continue;
      this.facts[name] = { value: f.value, step: stepId, check: check.id, ...(f.line !== undefined ? { line: f.line } : {}) };
    }
    return finish({ ...evaluation.result, durationMs: Math.round(performance.now() - started) });
  }

  /**
   * Runs a probe. A host that already did not answer (learned in this run) gets `shortMs` instead
   * of the full timeout; a probe waiting on a host that another probe learns does not answer is
   * stopped `shortMs` later; an HTTP probe that times out teaches the run that its host does not answer.
   */
  private async askOnce(probe: ResolvedProbe, owner: string, timeoutMs: number, shortMs: number, onOutput: OnOutput) {
    const endpoints = probeEndpoints(probe);
    const expire = new AbortController();
    let expireTimer: ReturnType<typeof setTimeout> | undefined;
    const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
    const expireFor = (s: SlowEndpoint, known: boolean) => {
      if (expireTimer || shortMs >= timeoutMs) return;
      const why = `${s.endpoint} already did not answer ${s.by} within ${seconds(s.waitedMs)}`;
      if (known) onOutput('info', `(${why}: this probe waits ${seconds(shortMs)}, not ${seconds(timeoutMs)})\n`);
      expireTimer = setTimeout(() => expire.abort(`no answer within ${seconds(shortMs)}: ${why} — the same answer, learned once this run`), shortMs);
    };
    const known = this.learned.slowOf(endpoints);
    if (known) expireFor(known, true);
    const unsubscribe = endpoints.length ? this.learned.onSlow((s) => endpoints.includes(s.endpoint) && expireFor(s, false)) : () => false;
    try {
      const raw = await runTransport(probe, {
        target: this.t,
        timeoutMs,
        signal: this.opts.signal,
        onOutput,
        dispatcher: this.agent,
        killGraceMs: this.opts.killGraceMs,
        expire: expire.signal,
      });
      if (raw.error === 'timeout' && !expire.signal.aborted && (probe.type === 'http' || probe.type === 'metrics') && endpoints.length) {
        this.learned.markSlow({ endpoint: endpoints[0], by: owner, waitedMs: timeoutMs });
      }
      return raw;
    } finally {
      unsubscribe();
      if (expireTimer) clearTimeout(expireTimer);
    }
  }
}
