/**
 * Applying a fix from the results page (or the `beaconDebug.applyFix` command): the exact command
 * and the environment in a modal confirmation through Prompts, then the diagnosis' `applyFix`, which
 * runs only on an explicit "Apply Fix" in a trusted workspace.
 */
import * as vscode from 'vscode';
import { applyFix, describeFix, type FixOutcome, type FixPlan } from '../../diagnosis/fixes';
import { redactorFor } from '../../engine/redact';
import type { Services } from '../services';
import { errorMessage } from '../../shared/errorMessage';

export const APPLY_FIX_ACTION = 'Apply Fix';

export interface FixRequest {
  fixId: string;
  /** The environment the results were about: the fix is refused when another one is active. */
  environment?: string;
}

export type FixResult = FixOutcome | { status: 'cancelled'; reason: string };

export async function applyFixWithConfirmation(s: Services, req: FixRequest): Promise<{ result: FixResult; plan?: FixPlan }> {
  if (!(await s.runs.ensureTrusted('apply fixes'))) return { result: { status: 'refused', reason: 'Restricted Mode: no fix runs.' } };
  const target = await s.envs.resolveTarget();
  if (!target) return { result: { status: 'cancelled', reason: 'No environment is active.' } };
  if (req.environment && req.environment !== target.name) {
    const reason = `These results are about "${req.environment}", but the active environment is "${target.name}": select "${req.environment}" first.`;
    await s.prompts.warn(`Beacon Debug: ${reason}`);
    return { result: { status: 'cancelled', reason } };
  }
  let plan: FixPlan;
  try {
    plan = describeFix(s.runbook(), req.fixId, target);
  } catch (e) {
    const reason = errorMessage(e);
    await s.prompts.error(`Beacon Debug: ${reason}`);
    return { result: { status: 'cancelled', reason } };
  }
  if (plan.kind !== 'command') {
    const outcome = await applyFix(plan, { trusted: vscode.workspace.isTrusted, confirm: async () => false, target });
    await s.prompts.info(outcome.reason);
    return { result: outcome, plan };
  }
  const outcome = await applyFix(plan, {
    trusted: vscode.workspace.isTrusted,
    target,
    confirm: async (_p, text) => (await s.prompts.confirm(text.message, text.detail, APPLY_FIX_ACTION)) === APPLY_FIX_ACTION,
  });
  const redact = redactorFor(target);
  if (outcome.status === 'applied' || outcome.status === 'failed') {
    s.log.info(`fix ${plan.id} on ${plan.environment}: ${outcome.status} (exit ${outcome.applied.exitCode})`);
    if (outcome.status === 'failed') await s.prompts.error(`Beacon Debug: ${redact.redact(outcome.reason)}`);
  } else if (outcome.status === 'refused') {
    await s.prompts.error(`Beacon Debug: ${outcome.reason}`);
  }
  return { result: outcome, plan };
}

