import * as vscode from 'vscode';
import type { Environments } from './environments';
import type { RunState } from '../runs/runState';

/** The active environment (production marked) and, while a run is going, a cancel button. */
export class BeaconStatusBar implements vscode.Disposable {
  private readonly env = vscode.window.createStatusBarItem('beaconDebug.environment', vscode.StatusBarAlignment.Left, 50);
  private readonly run = vscode.window.createStatusBarItem('beaconDebug.run', vscode.StatusBarAlignment.Left, 49);
  private readonly subs: vscode.Disposable[];

  constructor(private readonly envs: Environments, private readonly state: RunState) {
    this.env.name = 'Beacon Debug Environment';
    this.run.name = 'Beacon Debug Run';
    this.subs = [envs.onDidChange(() => this.update()), state.onDidChange(() => this.update())];
    // Which environment is active is in the settings, read through their zod schema: not during
    // activation (it would cost it ~100 ms); registerAll() calls update() once activation is over.
    this.env.text = '$(server-environment) Beacon';
    this.env.command = 'beaconDebug.selectEnvironment';
    this.env.show();
  }

  update(): void {
    const active = this.envs.active();
    if (active) {
      const production = active.settings.production ?? /prod/i.test(active.name);
      this.env.text = `$(server-environment) ${active.name}${production ? ' $(warning) PRODUCTION' : ''}`;
      this.env.tooltip = `Beacon Debug runs against "${active.name}" (${active.settings.flyApp}). Click to change.`;
      this.env.backgroundColor = production ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    } else {
      this.env.text = '$(server-environment) Beacon: no environment';
      this.env.tooltip = 'Configure an environment or start the demo environment.';
      this.env.backgroundColor = undefined;
    }
    this.env.command = 'beaconDebug.selectEnvironment';
    this.env.show();
    if (this.state.running) {
      this.run.text = '$(loading~spin) Beacon: running — $(debug-stop) Cancel';
      this.run.tooltip = 'Cancel the running checks (kills their processes)';
      this.run.command = 'beaconDebug.cancelRun';
      this.run.show();
    } else {
      this.run.hide();
    }
  }

  dispose(): void {
    this.subs.forEach((s) => s.dispose());
    this.env.dispose();
    this.run.dispose();
  }
}
