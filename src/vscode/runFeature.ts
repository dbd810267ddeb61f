import { diagnose } from '../diagnosis/diagnose';
import { stepsAnswered } from '../diagnosis/stepEquivalence';
import { RunController } from './runController';
import type { Services } from './services';

/**
 * The run controller, created on the first run: the results page saves every finished run, and the
 * Diagnosis view follows what is known after each (checks, re-runs, diagnoses).
 */
export function createRunController(s: Services): RunController {
  const runs = new RunController(s.runbook, s.envs, s.state, s.prompts, s.log, () => s.envs.configRead.settings.checkTimeoutSeconds);
  s.context.subscriptions.push(
    runs,
    runs.onEvent((e) => s.results.controller.onRunEvent(e)),
    runs.onDidFinishRun((outcome, target, request) => s.results.controller.onRunFinished(outcome, target, request).then(() => undefined)),
    runs.onDidFinishRun((_outcome, target) => {
      const ran = stepsAnswered(s.runbook(), s.state.lastResults.map((r) => r.id));
      s.diagnosisView.set(diagnose(s.runbook(), s.state.facts, s.state.lastResults, { target, ranSteps: ran }));
    }),
  );
  return runs;
}
