import * as vscode from 'vscode';
import { createServices, registerAll } from './activation';
import type { BeaconDebugApi } from './api';
import { stopDemoSimulator } from './environmentCommands';

/** Builds the services once and registers everything; all logic lives elsewhere. */
export function activate(context: vscode.ExtensionContext): BeaconDebugApi {
  const started = performance.now();
  const api = registerAll(createServices(context));
  api.activationMs = performance.now() - started;
  return api;
}

export async function deactivate(): Promise<void> {
  await stopDemoSimulator();
}
