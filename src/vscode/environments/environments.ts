import * as vscode from 'vscode';
import { proxyFromEnv, type ProxyConfig } from '../../engine/proxy';
import type { Target } from '../../engine/types';
import type { EnvironmentSettings } from '../../runbook/settings';
import { readConfig, setActiveEnvironment, type ConfigRead } from '../config';
import type { Prompts } from '../prompts';

/**
 * The proxy VS Code is told to use (`http.proxy`, `http.noProxy`), else the one the extension host's
 * environment names (HTTPS_PROXY …). VS Code routes its own Node requests through it, but not undici's.
 */
export function vscodeProxy(): ProxyConfig | undefined {
  const http = vscode.workspace.getConfiguration('http');
  const url = http.get<string>('proxy')?.trim();
  if (!url) return proxyFromEnv(process.env);
  const noProxy = http.get<string[]>('noProxy') ?? [];
  return { http: url, https: url, noProxy: noProxy.join(',') };
}

/** The built-in demo environment: the local simulator, with its own fake flyctl and psql. */
export interface DemoEnvironment {
  runnerUrl: string;
  routerUrl: string;
  flyApp: string;
  routerFlyApp: string;
  flyctlPath: string;
  psqlPath: string;
  adminToken: string;
  databaseUrl: string;
  /** Stops the simulator behind it. */
  stop(): Promise<void>;
}

export type SecretKind = 'adminToken' | 'databaseUrl';
const SECRET_LABEL: Record<SecretKind, string> = { adminToken: 'admin token', databaseUrl: 'database URL' };

export interface EnvironmentEntry {
  name: string;
  settings: EnvironmentSettings;
  origin: 'user' | 'workspace' | 'builtin';
}

/**
 * Environments from settings plus the demo one while it runs; the active one; its secrets.
 * Secrets live in SecretStorage per environment and only ever go into that environment's Target.
 */
export class Environments implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private demo: DemoEnvironment | undefined;
  private config: ConfigRead | undefined;

  constructor(private readonly context: vscode.ExtensionContext, private readonly prompts: Prompts) {}

  reloadConfig(): ConfigRead {
    this.config = readConfig();
    this.changed.fire();
    return this.config;
  }

  /** Whether the settings were read yet (they are not during activation). */
  get configLoaded(): boolean {
    return this.config !== undefined;
  }

  /** The settings, read (and validated) on first use. */
  get configRead(): ConfigRead {
    return (this.config ??= readConfig());
  }

  setDemo(demo: DemoEnvironment | undefined): void {
    this.demo = demo;
    this.changed.fire();
  }

  /** Stops the demo environment's simulator, if it runs. */
  async stopDemo(): Promise<void> {
    const demo = this.demo;
    if (!demo) return;
    this.setDemo(undefined);
    await demo.stop();
  }

  get demoRunning(): boolean {
    return !!this.demo;
  }

  list(): EnvironmentEntry[] {
    const envs: EnvironmentEntry[] = this.configRead.settings.environments.map((e) => ({
      name: e.name,
      settings: e,
      origin: this.configRead.originOf(e.name),
    }));
    if (this.demo) {
      envs.push({
        name: 'demo',
        origin: 'builtin',
        settings: { name: 'demo', flyApp: this.demo.flyApp, runnerUrl: this.demo.runnerUrl, routerUrl: this.demo.routerUrl, routerFlyApp: this.demo.routerFlyApp },
      });
    }
    return envs;
  }

  /** The active environment: the setting if it names one, else the only one there is. */
  active(): EnvironmentEntry | undefined {
    const envs = this.list();
    const wanted = this.configRead.settings.activeEnvironment;
    return envs.find((e) => e.name === wanted) ?? (envs.length === 1 ? envs[0] : undefined);
  }

  async select(name: string): Promise<void> {
    await setActiveEnvironment(name);
    this.reloadConfig();
  }

  private secretKey(env: string, kind: SecretKind): string {
    return `beaconDebug.${env}.${kind}`;
  }

  async getSecret(env: string, kind: SecretKind): Promise<string | undefined> {
    if (env === 'demo' && this.demo) return kind === 'adminToken' ? this.demo.adminToken : this.demo.databaseUrl;
    return (await this.context.secrets.get(this.secretKey(env, kind))) || undefined;
  }

  async setSecret(env: string, kind: SecretKind, value: string | undefined): Promise<void> {
    if (value) await this.context.secrets.store(this.secretKey(env, kind), value);
    else await this.context.secrets.delete(this.secretKey(env, kind));
    this.changed.fire();
  }

  secretLabel(kind: SecretKind): string {
    return SECRET_LABEL[kind];
  }

  /**
   * The target for a run against the active environment, after the one-time confirmation of a
   * workspace-defined environment. Undefined when there is none or the user declined.
   */
  async resolveTarget(): Promise<Target | undefined> {
    const env = this.active();
    if (!env) {
      const choice = await this.prompts.warn('No Beacon Debug environment is active.', 'Configure Environment', 'Start Demo Environment');
      if (choice === 'Configure Environment') await vscode.commands.executeCommand('beaconDebug.configureEnvironment');
      if (choice === 'Start Demo Environment') await vscode.commands.executeCommand('beaconDebug.startDemo');
      return undefined;
    }
    if (env.origin === 'workspace' && !(await this.confirmWorkspaceEnvironment(env))) return undefined;
    const { settings } = this.configRead;
    const isDemo = env.name === 'demo' && this.demo;
    return {
      name: env.name,
      flyApp: env.settings.flyApp,
      runnerUrl: env.settings.runnerUrl,
      routerUrl: env.settings.routerUrl,
      routerFlyApp: env.settings.routerFlyApp,
      // Only the built-in demo environment may bring its own flyctl (the simulator's fake).
      flyctlPath: isDemo ? this.demo!.flyctlPath : settings.flyctlPath,
      psqlPath: isDemo ? this.demo!.psqlPath : settings.psqlPath,
      adminToken: await this.getSecret(env.name, 'adminToken'),
      databaseUrl: await this.getSecret(env.name, 'databaseUrl'),
      production: env.settings.production ?? /prod/i.test(env.name),
      proxy: vscodeProxy(),
    };
  }

  private async confirmWorkspaceEnvironment(env: EnvironmentEntry): Promise<boolean> {
    const key = `beaconDebug.confirmedEnvironment.${env.name}`;
    const fingerprint = JSON.stringify(env.settings);
    if (this.context.workspaceState.get<string>(key) === fingerprint) return true;
    const s = env.settings;
    const answer = await this.prompts.confirm(
      `Use the environment "${env.name}" defined by this workspace?`,
      `This workspace's settings define where Beacon Debug sends its checks:\n` +
        `Fly app: ${s.flyApp}\nRunner: ${s.runnerUrl}\nRouter: ${s.routerUrl}` +
        (s.routerFlyApp ? `\nRouter app: ${s.routerFlyApp}` : '') +
        `\n\nChecks run flyctl against this app and send your secrets for "${env.name}" only to these addresses.`,
      'Use Environment',
    );
    if (answer !== 'Use Environment') return false;
    await this.context.workspaceState.update(key, fingerprint);
    return true;
  }

  dispose(): void {
    void this.stopDemo();
    this.changed.dispose();
  }
}
