/**
 * The programs a runbook file would have run on this machine — its `shell` checks' argv, its
 * imported command blocks — and one hash of them. A workspace runbook's commands run only after
 * the user approved exactly these (the approval is remembered by this hash).
 */
import * as crypto from 'node:crypto';
import { allSteps } from './steps';
import type { Runbook } from './schema';
import { describeProbe } from './stepMarkdown';

export interface RunbookCommand {
  step: string;
  check: string;
  /** Display form: the argv quoted for reading, or the block's lines as written. */
  text: string;
  /** A command that changes the system: shown, never run as a check. */
  mutating?: string;
}

export function runbookCommands(rb: Runbook): RunbookCommand[] {
  const out: RunbookCommand[] = [];
  for (const s of [...rb.preflight.map((c) => ({ id: 'preflight', checks: [c] })), ...allSteps(rb)]) {
    for (const c of s.checks) {
      if (c.probe.type !== 'shell' && c.probe.type !== 'script') continue;
      out.push({ step: s.id, check: c.id, text: describeProbe(c.probe), ...(c.probe.type === 'script' && c.probe.mutating ? { mutating: c.probe.mutating } : {}) });
    }
  }
  return out;
}

/** SHA-256 of the commands (what they are and where): any change to them asks again. */
export function runbookCommandsHash(rb: Runbook): string {
  const data = rb.phases.length || rb.quickWins.steps.length ? JSON.stringify(allStepsProbes(rb)) : '';
  return crypto.createHash('sha256').update(data).digest('hex');
}

function allStepsProbes(rb: Runbook): unknown[] {
  return [...rb.preflight.map((c) => ['preflight', c.id, c.probe]), ...allSteps(rb).flatMap((s) => s.checks.map((c) => [s.id, c.id, c.probe]))]
    .filter(([, , p]) => (p as { type: string }).type === 'shell' || (p as { type: string }).type === 'script');
}
