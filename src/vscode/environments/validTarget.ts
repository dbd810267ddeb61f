import { TargetError, validateTarget, type ValidTarget } from '../../engine/target';
import type { Services } from '../services';

/** The active environment as a validated target; says what is wrong with it otherwise. */
export async function validTarget(s: Services): Promise<ValidTarget | undefined> {
  const raw = await s.envs.resolveTarget();
  if (!raw) return undefined;
  try {
    return validateTarget(raw);
  } catch (e) {
    if (!(e instanceof TargetError)) throw e;
    await s.prompts.error(`Beacon Debug: ${e.message}`);
    return undefined;
  }
}
