import * as vscode from 'vscode';
import { createServices, registerAll } from './activation';
import type { BeaconDebugApi } from './api';
import { reportStartupFailure } from './startupFailure';

/** Builds the services once and registers everything; all logic lives elsewhere. */
export function activate(context: vscode.ExtensionContext): BeaconDebugApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Beacon Debug', { log: true });
  try {
    const api = registerAll(createServices(context, started, log));
    api.activationMs = performance.now() - started;
    api.startup.activateMs = api.activationMs;
    api.startup.builtDuringActivation = api.loadTimings().map((t) => t.name);
    api.startup.settingsReadDuringActivation = api.envs.configLoaded;
    return api;
  } catch (e) {
    void reportStartupFailure(e, { log });
    throw e;
  }
}
