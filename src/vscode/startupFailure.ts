import * as vscode from 'vscode';
import { errorMessage } from '../shared/errorMessage';
import { VscodePrompts, type Prompts } from './prompts';

/**
 * When activate() fails, the user hears it from us, with the way to the details: the error and its
 * stack go to the Beacon Debug log, and a notification offers Show Log.
 */
export async function reportStartupFailure(
  e: unknown,
  deps: { log?: vscode.LogOutputChannel; prompts?: Prompts } = {},
): Promise<void> {
  const log = deps.log ?? vscode.window.createOutputChannel('Beacon Debug', { log: true });
  log.error(`Beacon Debug could not start: ${e instanceof Error && e.stack ? e.stack : errorMessage(e)}`);
  const choice = await (deps.prompts ?? new VscodePrompts()).error(`Beacon Debug could not start: ${errorMessage(e).split('\n')[0]}`, 'Show Log');
  if (choice === 'Show Log') log.show(true);
}
