import type * as vscode from 'vscode';
import { createServices, registerAll } from './activation';
import type { BeaconDebugApi } from './api';

/** Builds the services once and registers everything; all logic lives elsewhere. */
export function activate(context: vscode.ExtensionContext): BeaconDebugApi {
  const started = performance.now();
  const api = registerAll(createServices(context, started));
  api.activationMs = performance.now() - started;
  api.startup.activateMs = api.activationMs;
  api.startup.builtDuringActivation = api.loadTimings().map((t) => t.name);
  return api;
}
