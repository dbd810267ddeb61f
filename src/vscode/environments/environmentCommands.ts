import * as vscode from 'vscode';
import { EnvironmentSettings } from '../../runbook/settings';
import type { SecretKind } from './environments';
import type { CommandFactory, Services } from '../services';
import { adminTokenProblem } from '../../engine/target';

async function setSecret(s: Services, kind: SecretKind) {
  const env = s.envs.active();
  if (!env) {
    await s.prompts.warn('Select an environment first: secrets are stored per environment.');
    return;
  }
  if (env.name === 'demo') {
    await s.prompts.info('The demo environment brings its own secrets.');
    return;
  }
  const label = s.envs.secretLabel(kind);
  const value = await s.prompts.input({
    title: `Beacon Debug: ${label} for "${env.name}"`,
    prompt: `Stored in VS Code's secret storage and sent only to ${kind === 'adminToken' ? env.settings.runnerUrl : "this environment's database (as PG* variables to psql)"}. Leave empty to delete it.`,
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => {
      if (!v) return undefined;
      if (kind === 'adminToken') return adminTokenProblem(v) && `The admin token ${adminTokenProblem(v)}.`;
      try {
        const u = new URL(v);
        return /^postgres(ql)?:$/.test(u.protocol) ? undefined : 'a postgres:// URL';
      } catch {
        return 'a postgres:// URL';
      }
    },
  });
  if (value === undefined) return;
  await s.envs.setSecret(env.name, kind, value || undefined);
  await s.prompts.info(value ? `Beacon Debug: ${label} for "${env.name}" saved in secret storage.` : `Beacon Debug: ${label} for "${env.name}" deleted.`);
}

export const environmentCommands: CommandFactory = (s) => ({
  'beaconDebug.selectEnvironment': async (arg) => {
    let name = typeof arg === 'string' ? arg : undefined;
    if (!name) {
      const envs = s.envs.list();
      if (!envs.length) {
        const c = await s.prompts.warn('No environment is configured yet.', 'Configure Environment', 'Start Demo Environment');
        if (c === 'Configure Environment') await vscode.commands.executeCommand('beaconDebug.configureEnvironment');
        if (c === 'Start Demo Environment') await vscode.commands.executeCommand('beaconDebug.startDemo');
        return undefined;
      }
      const active = s.envs.active()?.name;
      const picked = await s.prompts.pick(
        envs.map((e) => ({
          label: e.name,
          description: `${e.settings.flyApp}${e.origin === 'workspace' ? ' · from workspace' : ''}${e.name === active ? ' · active' : ''}`,
          detail: `${e.settings.runnerUrl} → ${e.settings.routerUrl}`,
        })),
        { placeHolder: 'Run the checks against which environment?' },
      );
      name = picked?.label;
    }
    if (!name) return undefined;
    if (!s.envs.list().some((e) => e.name === name)) {
      await s.prompts.error(`Beacon Debug: there is no environment named "${name}".`);
      return undefined;
    }
    await s.envs.select(name);
    return name;
  },

  'beaconDebug.configureEnvironment': async () => {
    const ask = async (prompt: string, placeHolder: string, validate: (v: string) => string | undefined) =>
      s.prompts.input({ title: 'Beacon Debug: new environment', prompt, placeHolder, ignoreFocusOut: true, validateInput: validate });
    const field = (key: keyof EnvironmentSettings) => (v: string) => {
      const r = EnvironmentSettings.shape[key].safeParse(v);
      return r.success ? undefined : r.error.issues[0]?.message;
    };
    const name = await ask('Name of the environment', 'production', field('name'));
    if (!name) return undefined;
    const flyApp = await ask("The runner's Fly app", 'beacon-runner-production', field('flyApp'));
    if (!flyApp) return undefined;
    const runnerUrl = await ask("The runner's URL", `https://${flyApp}.fly.dev`, field('runnerUrl'));
    if (!runnerUrl) return undefined;
    const routerUrl = await ask("The hybrid router's URL", 'https://project-beacon-production.up.railway.app', field('routerUrl'));
    if (!routerUrl) return undefined;
    const env: EnvironmentSettings = { name, flyApp, runnerUrl, routerUrl };
    const config = vscode.workspace.getConfiguration('beaconDebug');
    const existing = (config.inspect<EnvironmentSettings[]>('environments')?.globalValue ?? []).filter((e) => e.name !== name);
    // User settings, not the workspace: a workspace-defined environment needs a confirmation on first use.
    await config.update('environments', [...existing, env], vscode.ConfigurationTarget.Global);
    await config.update('activeEnvironment', name, vscode.ConfigurationTarget.Global);
    s.envs.reloadConfig();
    await s.prompts.info(`Beacon Debug: environment "${name}" saved in your user settings and selected.`);
    return name;
  },

  'beaconDebug.setAdminToken': () => setSecret(s, 'adminToken'),
  'beaconDebug.setDatabaseUrl': () => setSecret(s, 'databaseUrl'),
});
