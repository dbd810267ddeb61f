// VS Code's proxy settings reach the checks: `http.proxy` and `http.noProxy` become the target's proxy
// (which the engine's requests and the tools it starts use: test/unit/engine/proxy.test.ts); without the
// setting, the extension host's HTTPS_PROXY / HTTP_PROXY apply.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BeaconDebugApi } from '../../src/vscode/api';
import { RecordingPrompts } from '../../src/vscode/prompts';
import { EXTENSION_ID } from './index';

describe('proxy settings', function () {
  this.timeout(60000);
  let api: BeaconDebugApi;
  const http = () => vscode.workspace.getConfiguration('http');

  before(async () => {
    api = await vscode.extensions.getExtension<BeaconDebugApi>(EXTENSION_ID)!.activate();
    api.setPrompts(new RecordingPrompts());
    assert.ok(await vscode.commands.executeCommand('beaconDebug.startDemo', 'healthy'), 'the demo environment started');
  });

  after(async () => {
    await http().update('proxy', undefined, vscode.ConfigurationTarget.Global);
    await http().update('noProxy', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('beaconDebug.stopDemo');
  });

  it('http.proxy and http.noProxy become the proxy of the checks', async () => {
    await http().update('proxy', 'http://oncall:pw@127.0.0.1:3128', vscode.ConfigurationTarget.Global);
    await http().update('noProxy', ['corp.example', '.internal'], vscode.ConfigurationTarget.Global);
    const t = await api.envs.resolveTarget();
    assert.deepEqual(t?.proxy, { http: 'http://oncall:pw@127.0.0.1:3128', https: 'http://oncall:pw@127.0.0.1:3128', noProxy: 'corp.example,.internal' });
  });

  it('without http.proxy, the extension host environment decides', async () => {
    await http().update('proxy', undefined, vscode.ConfigurationTarget.Global);
    await http().update('noProxy', undefined, vscode.ConfigurationTarget.Global);
    const t = await api.envs.resolveTarget();
    const fromEnv = process.env.https_proxy || process.env.HTTPS_PROXY || process.env.http_proxy || process.env.HTTP_PROXY;
    if (fromEnv) assert.ok(t?.proxy && (t.proxy.https === fromEnv || t.proxy.http === fromEnv), JSON.stringify(t?.proxy));
    else assert.equal(t?.proxy, undefined);
  });
});
