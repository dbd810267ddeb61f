import * as vscode from 'vscode';
import type * as SettingsModule from '../runbook/settings';
import type * as ToolPathsModule from '../runbook/toolPaths';
import type { EnvironmentSettings, Settings } from '../runbook/settings';

export type { Settings, EnvironmentSettings };

/** Where an environment was defined: workspace-defined ones are confirmed once before first use. */
export type EnvironmentOrigin = 'user' | 'workspace' | 'builtin';

export interface ConfigRead {
  settings: Settings;
  /** One message per invalid setting; the invalid value is replaced by its default. */
  problems: string[];
  originOf(name: string): EnvironmentOrigin;
}

const SECTION = 'beaconDebug';

/** Reads every `beaconDebug.*` setting through one zod schema. Never throws. */
export function readConfig(): ConfigRead {
  const c = vscode.workspace.getConfiguration(SECTION);
  const raw = {
    environments: c.get('environments'),
    activeEnvironment: c.get('activeEnvironment'),
    checkTimeoutSeconds: c.get('checkTimeoutSeconds'),
    codeLens: { enabled: c.get('codeLens.enabled') },
  };
  // the schema (zod) loads with the first read, not with the extension
  const { parseSettings } = require('../runbook/settings') as typeof SettingsModule;
  const tools = userToolPaths(c);
  const { settings, problems } = parseSettings({ ...raw, flyctlPath: tools.flyctlPath, psqlPath: tools.psqlPath });
  problems.push(...tools.problems);
  const inspect = c.inspect<unknown[]>('environments');
  const workspaceNames = new Set(
    [...asArray(inspect?.workspaceValue), ...asArray(inspect?.workspaceFolderValue)]
      .map((e) => (e && typeof e === 'object' && 'name' in e ? String((e as { name: unknown }).name) : ''))
      .filter(Boolean),
  );
  return {
    settings,
    problems,
    originOf: (name) => (name === 'demo' ? 'builtin' : workspaceNames.has(name) ? 'workspace' : 'user'),
  };
}

/**
 * flyctl and psql only from the user: the machine-scoped settings' user value (a workspace value is
 * never read — VS Code drops it for a machine setting, and this does not ask for it either), then
 * BEACON_DEBUG_FLYCTL / BEACON_DEBUG_PSQL, then the user config file (runbook/toolPaths).
 */
function userToolPaths(c: vscode.WorkspaceConfiguration): ToolPathsModule.ToolPaths {
  const { resolveToolPaths } = require('../runbook/toolPaths') as typeof ToolPathsModule;
  const userValue = (key: string) => {
    const v = c.inspect<unknown>(key)?.globalValue;
    return typeof v === 'string' && v ? v : undefined;
  };
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return resolveToolPaths(
    { flyctlPath: userValue('flyctlPath'), psqlPath: userValue('psqlPath') },
    process.env,
    folder?.scheme === 'file' ? folder.fsPath : process.cwd(),
    { flyctlPath: 'beaconDebug.flyctlPath', psqlPath: 'beaconDebug.psqlPath' },
  );
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function onConfigChanged(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SECTION)) listener();
  });
}

export async function setActiveEnvironment(name: string): Promise<void> {
  const target = vscode.workspace.workspaceFolders?.length
    ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration(SECTION).update('activeEnvironment', name, target);
}

