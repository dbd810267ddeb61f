import { diagnose } from '../../diagnosis/diagnose';
import type { SessionDiagnose } from '../../diagnosis/session';
import { stepsAnswered } from '../../diagnosis/stepEquivalence';
import { RunController } from './runController';
import type { Services } from '../services';

/** How a session diagnoses: the built-in runbook, a step counted as run when an equivalent one ran. */
export function sessionDiagnose(s: Pick<Services, 'runbook'>): SessionDiagnose {
  return (facts, results, opts) => diagnose(s.runbook(), facts, results, { ...opts, ranSteps: stepsAnswered(s.runbook(), results.map((r) => r.id)) });
}

/**
 * The run controller, created on the first run. Every finished run (checks, re-runs, diagnoses)
 * joins its environment's session, which diagnoses once; the results page saves that run with that
 * diagnosis, and the views show the active environment's session.
 */
export function createRunController(s: Services): RunController {
  const runs = new RunController(s.runbook, s.envs, s.state, s.prompts, s.log, () => s.envs.configRead.settings.checkTimeoutSeconds);
  s.context.subscriptions.push(
    runs,
    runs.onEvent((e) => s.results.controller.onRunEvent(e)),
    runs.onDidFinishRun(async (outcome, target, request) => {
      const session = s.sessions.of(target.name);
      session.addRun(outcome, target, sessionDiagnose(s));
      s.sessions.changed();
      await s.results.controller.onRunFinished(outcome, target, request, session);
    }),
  );
  return runs;
}
