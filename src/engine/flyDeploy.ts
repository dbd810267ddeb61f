/**
 * `Beacon Debug: Deploy` without VS Code: the argv and the modal confirmation, which names the
 * exact command, the environment and the debug instrumentation that would ship with it.
 */
import { displayArgv } from './displayCommand';

export function flyctlDeployArgv(flyctl: string, app: string): string[] {
  return [flyctl, 'deploy', '-a', app];
}

/** A Go file of the deployed folder that holds `// beacon-debug:begin … end` blocks. */
export interface ShippingFile {
  /** Relative to the deployed folder (as shown). */
  path: string;
  /** Step ids, without repeats. */
  steps: string[];
  /** Marked blocks (a step may have more than one: an added import is marked too). */
  blocks: number;
}

export interface DeployRequest {
  argv: readonly string[];
  app: string;
  environment: string;
  production: boolean;
  /** Where flyctl runs (it builds what is on disk there). */
  cwd: string;
  files: readonly ShippingFile[];
  /** Go files of the folder with unsaved changes (the deploy ships them as saved). */
  unsaved: readonly string[];
}

export function instrumentationBlocks(files: readonly ShippingFile[]): number {
  return files.reduce((n, f) => n + f.blocks, 0);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function deployConfirmationText(r: DeployRequest): { message: string; detail: string } {
  const env = r.production ? `${r.environment} (PRODUCTION)` : r.environment;
  const blocks = instrumentationBlocks(r.files);
  const shipping = blocks
    ? `${plural(blocks, 'debug instrumentation block')} (beacon-debug markers) in ${plural(r.files.length, 'file')} will ship: ` +
      `${r.files.map((f) => `${f.path} (${f.steps.join(', ')})`).join('; ')}. ` +
      'Remove them before a deploy that should not log them (the code lenses, or beacon-debug instrument --remove).'
    : 'No debug instrumentation markers are in the folder: no debug code ships.';
  const detail = [
    displayArgv(r.argv),
    '',
    `in ${r.cwd}`,
    '',
    shipping,
    r.unsaved.length ? `\n${plural(r.unsaved.length, 'Go file has', 'Go files have')} unsaved changes that will not ship: ${r.unsaved.join(', ')}.` : undefined,
    '',
    `A deploy replaces every machine of ${r.app}: in-flight jobs are dropped.`,
  ]
    .filter((l): l is string => l !== undefined)
    .join('\n');
  return { message: `Deploy ${r.app} to environment "${env}"?`, detail };
}
