import * as vscode from 'vscode';
import type { EnvironmentEntry, Environments } from './environments';
import { inertTreeItem } from '../inertTreeItem';

type EnvNode = { kind: 'env'; env: EnvironmentEntry; active: boolean } | { kind: 'detail'; id: string; label: string; value: string; icon: string };

/**
 * The Environment view. Empty while nothing is configured, so that its welcome content
 * (configure / start demo) shows — a welcome view only shows in an empty view.
 */
export class EnvironmentViewProvider implements vscode.TreeDataProvider<EnvNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly sub: vscode.Disposable;

  constructor(private readonly envs: Environments) {
    this.sub = envs.onDidChange(() => this.changed.fire());
  }

  async getChildren(node?: EnvNode): Promise<EnvNode[]> {
    if (!node) {
      const active = this.envs.active();
      return this.envs.list().map((env) => ({ kind: 'env', env, active: env.name === active?.name }));
    }
    if (node.kind !== 'env') return [];
    const s = node.env.settings;
    const token = await this.envs.getSecret(s.name, 'adminToken');
    const db = await this.envs.getSecret(s.name, 'databaseUrl');
    const d = (id: string, label: string, value: string, icon: string): EnvNode => ({ kind: 'detail', id: `${s.name}:${id}`, label, value, icon });
    return [
      d('app', 'Fly app', s.flyApp, 'cloud'),
      d('runner', 'Runner', s.runnerUrl, 'server'),
      d('router', 'Router', s.routerUrl, 'arrow-swap'),
      d('routerApp', 'Router app', s.routerFlyApp ?? 'not set — router logs skipped', 'output'),
      d('token', 'Admin token', token ? 'set (secret storage)' : 'not set', token ? 'key' : 'circle-slash'),
      d('db', 'Database URL', db ? 'set (secret storage)' : 'not set', db ? 'database' : 'circle-slash'),
    ];
  }

  getTreeItem(node: EnvNode): vscode.TreeItem {
    return inertTreeItem(this.treeItem(node));
  }

  private treeItem(node: EnvNode): vscode.TreeItem {
    if (node.kind === 'env') {
      const e = node.env;
      const item = new vscode.TreeItem(e.name, node.active ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `env:${e.name}`;
      const production = e.settings.production ?? /prod/i.test(e.name);
      item.description = [node.active ? 'active' : '', production ? 'PRODUCTION' : '', e.origin === 'workspace' ? 'from workspace' : e.origin === 'builtin' ? 'simulator' : '']
        .filter(Boolean)
        .join(' · ');
      item.iconPath = new vscode.ThemeIcon(node.active ? 'pass-filled' : 'circle-large-outline', production ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined);
      item.contextValue = `environment${node.active ? '-active' : ''}${e.name === 'demo' ? '-demo' : ''}`;
      item.command = node.active ? undefined : { command: 'beaconDebug.selectEnvironment', title: 'Select', arguments: [e.name] };
      return item;
    }
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = node.value;
    item.iconPath = new vscode.ThemeIcon(node.icon);
    return item;
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }
}
