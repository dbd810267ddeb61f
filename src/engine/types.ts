/**
 * The engine's contract with everything that consumes a run: the CLI, the VS Code tree and
 * terminal, the diagnosis, the webview and the report.
 */
import type { CheckVerdict, FactValue, Verdict } from '../runbook/schema';
import type { ProxyConfig } from './proxy';

/** A fact with the evidence that proves it. */
export interface FactRecord {
  value: FactValue;
  /** Step and check that produced it. */
  step: string;
  check?: string;
  /** The output line (redacted) that proves it, when there is one. */
  line?: string;
}
export type Facts = Record<string, FactRecord>;

/** The target of a run: where the checks go. Built from an environment or from CLI flags. */
export interface Target {
  /** Environment name ("production", "demo", "cli"). */
  name: string;
  flyApp: string;
  runnerUrl: string;
  routerUrl: string;
  routerFlyApp?: string;
  /** Executables; `flyctl` / `psql` looked up on PATH when not absolute. */
  flyctlPath: string;
  psqlPath: string;
  /** Secrets, sent only to this target's own addresses. */
  adminToken?: string;
  databaseUrl?: string;
  /** Production is marked in the UI and named in confirmations. */
  production?: boolean;
  /** The HTTP(S) proxy the checks go through (see engine/proxy.ts). */
  proxy?: ProxyConfig;
}

export interface CheckResult {
  id: string;
  label: string;
  verdict: CheckVerdict;
  reason: string;
  durationMs: number;
  /** The command or request as shown to the user (redacted), e.g. `flyctl ssh console -a app -C "…"`. */
  command: string;
  vantage?: string;
  /** Captured output (redacted). */
  output: string;
  /** True when the answer came from the run's per-endpoint cache. */
  cached?: boolean;
  facts: Record<string, FactValue>;
}

export interface StepResult {
  id: string;
  title: string;
  verdict: Verdict;
  reason: string;
  durationMs: number;
  startedAt?: string;
  finishedAt?: string;
  checks: CheckResult[];
  facts: Record<string, FactValue>;
}

export interface RootCauseSummary {
  id: string;
  scenario: string | null;
  title: string;
  probability: number;
}

export interface EvidenceItem {
  step: string;
  fact: string;
  value: FactValue;
  line: string | null;
}

export interface AppliedFix {
  id: string;
  argv: string[];
  environment: string;
  appliedAt: string;
  exitCode: number;
  output: string;
  undoArgv?: string[];
}

/** `--json` output of every CLI command, and what the UI persists (DESIGN.md "the run report"). */
export interface RunReport {
  schemaVersion: 1;
  environment: string;
  startedAt: string;
  finishedAt: string;
  steps: { id: string; verdict: Verdict; durationMs: number; reason: string; facts: Record<string, FactValue> }[];
  rootCause: RootCauseSummary | null;
  ranked: { id: string; probability: number }[] | null;
  evidence: EvidenceItem[] | null;
  nextStep: string | null;
  fix: { id: string; argv: string[] | null } | null;
}

export type RunEvent =
  | { type: 'runStarted'; runId: string; steps: string[]; at: string }
  | { type: 'stepStarted'; runId: string; step: string; at: string }
  | { type: 'checkStarted'; runId: string; step: string; check: string; command: string; vantage?: string }
  /** A chunk of live output (already redacted). */
  | { type: 'output'; runId: string; step: string; check: string; stream: 'stdout' | 'stderr' | 'info'; text: string }
  | { type: 'checkFinished'; runId: string; step: string; result: CheckResult }
  | { type: 'stepFinished'; runId: string; result: StepResult }
  | { type: 'runFinished'; runId: string; results: StepResult[]; facts: Facts; cancelled: boolean; at: string };

/** Exit codes of the CLI (DESIGN.md). */
export const EXIT = { ok: 0, failed: 1, usage: 2, couldNotRun: 3 } as const;

export type { CheckVerdict, Verdict };
