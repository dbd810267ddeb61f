// The deploy loop of the plan's Phase 2 in the real workbench: Build (`go build ./...` → Problems),
// Deploy (a modal with the exact command, the environment and the instrumentation that would ship;
// Cancel runs nothing, Deploy runs the simulator's fake `flyctl deploy`), Stream Runner Logs against
// the simulator (lines, the plan's filter, stop kills the process).
//
// The fixture workspace holds only internal/worker, which imports three sibling packages. For a
// build that can pass, the tests make the workspace a module (go.mod) and add those packages:
// models and hybrid as in test/go, logging as a stand-in with the few zerolog calls the worker
// makes (zerolog itself cannot be fetched offline in module mode). All of it is removed afterwards.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BeaconDebugApi } from '../../src/vscode/api';
import type { GoBuildResult } from '../../src/vscode/build/goBuild';
import type { DeployResult } from '../../src/vscode/deploy/deploy';
import type { Prompts } from '../../src/vscode/prompts';
import { RecordingPrompts } from '../../src/vscode/prompts';
import { EXTENSION_ID } from './index';
import { waitFor } from './waitFor';

const REPO = path.resolve(__dirname, '../../..');
const RUNNER_APP = path.join(REPO, 'test/go/src/github.com/beacon/runner-app');
const WORKER = 'internal/worker/job_runner.go';
const APP = 'beacon-runner-production';

/** The stand-in for the runner's logging package: zerolog's calling shape, what the worker and the inserted steps call. */
const LOGGING_STAND_IN = fs.readFileSync(path.join(REPO, 'test/fixtures/proofdemo/logging/logging.go'), 'utf8');


/** Descendants of this extension host whose command line has every word (from /proc). */
function processesWith(...words: string[]): number[] {
  const parent = new Map<number, number>();
  const cmd = new Map<number, string>();
  for (const e of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z') continue; // exited, not yet reaped
      parent.set(Number(e), Number(fields[1]));
      cmd.set(Number(e), fs.readFileSync(`/proc/${e}/cmdline`, 'utf8').split('\0').join(' '));
    } catch {
      /* gone meanwhile */
    }
  }
  const isOurs = (pid: number): boolean => {
    for (let p = parent.get(pid), n = 0; p !== undefined && n < 20; p = parent.get(p), n++) if (p === process.pid) return true;
    return false;
  };
  return [...cmd].filter(([pid, c]) => isOurs(pid) && words.every((w) => c.includes(w))).map(([pid]) => pid);
}

/** The simulated runner's release (its machine version), through the fake flyctl. */
async function runnerRelease(flyctlPath: string): Promise<number> {
  const { execFile } = await import('node:child_process');
  const out = await new Promise<string>((resolve, reject) =>
    execFile(flyctlPath, ['status', '--json', '-a', APP], (err, stdout, stderr) => (err ? reject(new Error(`${err.message}: ${stderr}`)) : resolve(stdout))),
  );
  return (JSON.parse(out) as { Machines: { version: number }[] }).Machines[0].version;
}

describe('deploy loop: build, deploy, stream runner logs', function () {
  this.timeout(240_000);
  let api: BeaconDebugApi;
  let prompts: RecordingPrompts;
  let previous: Prompts;
  let folder: vscode.Uri;
  let workerUri: vscode.Uri;
  let workerOriginal: string;
  const added: string[] = [];

  const write = (rel: string, text: string) => {
    const file = path.join(folder.fsPath, rel);
    if (!fs.existsSync(file)) added.push(file);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };

  before(async () => {
    api = await vscode.extensions.getExtension<BeaconDebugApi>(EXTENSION_ID)!.activate();
    prompts = new RecordingPrompts();
    previous = api.setPrompts(prompts);
    folder = vscode.workspace.workspaceFolders![0].uri;
    workerUri = vscode.Uri.joinPath(folder, WORKER);
    workerOriginal = fs.readFileSync(workerUri.fsPath, 'utf8');
    write('go.mod', 'module github.com/beacon/runner-app\n\ngo 1.19\n');
    write('internal/models/models.go', fs.readFileSync(path.join(RUNNER_APP, 'internal/models/models.go'), 'utf8'));
    write('internal/hybrid/client.go', fs.readFileSync(path.join(RUNNER_APP, 'internal/hybrid/client.go'), 'utf8'));
    write('internal/logging/logging.go', LOGGING_STAND_IN);
  });

  after(async () => {
    await vscode.commands.executeCommand('beaconDebug.stopLogStream');
    await vscode.commands.executeCommand('beaconDebug.stopDemo');
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === workerUri.toString());
    if (doc && doc.getText() !== workerOriginal) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(workerUri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), workerOriginal);
      await vscode.workspace.applyEdit(edit);
    }
    if (doc?.isDirty) await doc.save();
    fs.writeFileSync(workerUri.fsPath, workerOriginal);
    for (const f of added.reverse()) fs.rmSync(f, { force: true });
    for (const d of ['internal/models', 'internal/hybrid', 'internal/logging']) fs.rmSync(path.join(folder.fsPath, d), { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    api.setPrompts(previous);
  });

  const buildDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'go build');

  describe('Build', () => {
    it('a clean build succeeds (module mode: the workspace has a go.mod) and leaves no problem', async () => {
      prompts.calls.length = 0;
      const r = (await vscode.commands.executeCommand('beaconDebug.build')) as GoBuildResult;
      assert.deepEqual(r, { ok: true, problems: 0, mode: 'module' }, JSON.stringify(prompts.calls));
      assert.ok(prompts.calls.some((c) => c.kind === 'info' && c.message === 'Beacon Debug: `go build ./...` succeeded.'));
      assert.deepEqual(buildDiagnostics(workerUri), []);
    });

    it('a broken Go file, unsaved in its editor: saved first, its compiler error is a Problem at the right line and column', async () => {
      const doc = await vscode.workspace.openTextDocument(workerUri);
      await vscode.window.showTextDocument(doc);
      const anchor = doc.getText().indexOf('\tl := logging.FromContext(ctx)\n');
      assert.ok(anchor > 0);
      const brokenLine = doc.positionAt(anchor).line + 1;
      const inserted = '\t_ = "🔍 TRACE"; undefinedThing()';
      const edit = new vscode.WorkspaceEdit();
      edit.insert(workerUri, new vscode.Position(brokenLine, 0), `${inserted}\n`);
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(doc.isDirty, 'the break is not saved yet');

      prompts.calls.length = 0;
      const r = (await vscode.commands.executeCommand('beaconDebug.build')) as GoBuildResult;
      assert.equal(doc.isDirty, false, 'Build saved the file first (go reads the disk)');
      assert.deepEqual({ ...r, error: undefined }, { ok: false, problems: 1, mode: 'module', error: undefined }, JSON.stringify(prompts.calls));
      assert.match(r.error ?? '', /^exit [1-9]/);
      const diags = await waitFor(() => buildDiagnostics(workerUri), (d) => d.length > 0, 10_000);
      assert.equal(diags.length, 1, JSON.stringify(diags));
      assert.equal(diags[0].message, 'undefined: undefinedThing');
      assert.equal(diags[0].severity, vscode.DiagnosticSeverity.Error);
      assert.equal(diags[0].range.start.line, brokenLine);
      // Go says byte column 20 (the emoji is 4 bytes); the editor's column counts it as 2
      const col = inserted.indexOf('undefinedThing');
      assert.deepEqual([diags[0].range.start.character, diags[0].range.end.character], [col, col + 'undefinedThing'.length]);
      assert.ok(prompts.calls.some((c) => c.kind === 'error' && c.message === 'Beacon Debug: `go build ./...` failed with 1 problem(s) — see the Problems view.'), JSON.stringify(prompts.calls));
    });

    it('after the fix the next build clears the problem', async () => {
      const doc = await vscode.workspace.openTextDocument(workerUri);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(workerUri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), workerOriginal);
      assert.ok(await vscode.workspace.applyEdit(edit));
      const r = (await vscode.commands.executeCommand('beaconDebug.build')) as GoBuildResult;
      assert.equal(r.ok, true, JSON.stringify(prompts.calls));
      assert.deepEqual(buildDiagnostics(workerUri), []);
    });
  });

  describe('Deploy and Stream Runner Logs against the demo environment', () => {
    let flyctlPath: string;
    let blocks: number;
    /** A stream test that failed half-way leaves no stream running for the next one. */
    let afterStop = false;
    afterEach(async () => {
      if (afterStop && api.logStream()?.running) await vscode.commands.executeCommand('beaconDebug.stopLogStream');
      afterStop = false;
    });

    before(async () => {
      const started = (await vscode.commands.executeCommand('beaconDebug.startDemo', 'healthy')) as { flyctlPath: string } | undefined;
      assert.ok(started, JSON.stringify(prompts.calls));
      flyctlPath = started.flyctlPath;
      // instrumentation first, so that the confirmation has markers to count: 2.2 (executor call trace)
      const doc = await vscode.workspace.openTextDocument(workerUri);
      await vscode.window.showTextDocument(doc);
      assert.equal(await vscode.commands.executeCommand<boolean>('beaconDebug.insertInstrumentation', workerUri, '2.2'), true, JSON.stringify(prompts.calls));
      blocks = doc.getText().split('\n').filter((l) => l.trim().startsWith('// beacon-debug:begin ')).length;
      assert.ok(blocks > 0);
    });

    it('Deploy asks first: the exact command, the environment, how many instrumentation blocks ship; Cancel runs nothing', async () => {
      const release = await runnerRelease(flyctlPath);
      prompts.calls.length = 0;
      prompts.answers.push(undefined);
      const r = (await vscode.commands.executeCommand('beaconDebug.deploy')) as DeployResult;
      const confirm = prompts.calls.filter((c) => c.kind === 'confirm');
      assert.equal(confirm.length, 1, JSON.stringify(prompts.calls));
      assert.equal(confirm[0].message, `Deploy ${APP} to environment "demo"?`);
      const detail = confirm[0].detail!.split('\n');
      assert.equal(detail[0], `${flyctlPath} deploy -a ${APP}`);
      assert.equal(detail[2], `in ${folder.fsPath}`);
      assert.match(confirm[0].detail!, new RegExp(`\\n${blocks} debug instrumentation blocks? \\(beacon-debug markers\\) in 1 file will ship: internal/worker/job_runner\\.go \\(2\\.2\\)\\.`));
      assert.deepEqual(confirm[0].actions, ['Deploy']);
      assert.deepEqual(r, { status: 'declined', argv: [flyctlPath, 'deploy', '-a', APP], markers: blocks });
      assert.equal(await runnerRelease(flyctlPath), release, 'nothing was deployed');
      assert.deepEqual(processesWith('flyctl', 'deploy'), []);
    });

    it('Deploy confirmed runs the fake flyctl deploy: a new release with the instrumentation, its output in the Beacon Deploy terminal', async () => {
      const release = await runnerRelease(flyctlPath);
      prompts.calls.length = 0;
      prompts.answers.push('Deploy');
      const r = (await vscode.commands.executeCommand('beaconDebug.deploy')) as DeployResult;
      assert.deepEqual(r, { status: 'deployed', argv: [flyctlPath, 'deploy', '-a', APP], markers: blocks, exitCode: 0 }, JSON.stringify(prompts.calls));
      assert.equal(await runnerRelease(flyctlPath), release + 1);
      assert.ok(prompts.calls.some((c) => c.kind === 'info' && c.message === `Beacon Debug: ${APP} deployed to demo with ${blocks} instrumentation block(s).`), JSON.stringify(prompts.calls));
      const terminal = vscode.window.terminals.find((t) => t.name === 'Beacon Deploy');
      assert.ok(terminal, 'the Beacon Deploy terminal shows the run');
      const out = api.deployOutput();
      assert.ok(out.includes(`$ ${flyctlPath} deploy -a ${APP}`), out);
      assert.match(out, /==> Building image[\s\S]*Visit your newly deployed app at https:\/\/beacon-runner-production\.fly\.dev\/[\s\S]*✔ beacon-runner-production deployed to demo/);
    });

    it('Stream Runner Logs with the plan\'s filter shows only TRACE / CRITICAL / HYBRID lines; stop kills flyctl logs', async () => {
      prompts.calls.length = 0;
      prompts.pickAnswer = (items) => items.find((i) => /TRACE/.test(i.label));
      const r = (await vscode.commands.executeCommand('beaconDebug.streamLogs')) as { argv: string[]; filter: boolean };
      assert.deepEqual(r, { argv: [flyctlPath, 'logs', '-a', APP], filter: true }, JSON.stringify(prompts.calls));
      const pick = prompts.calls.find((c) => c.kind === 'pick');
      assert.equal(pick?.message, `Stream the logs of ${APP} (demo)`);
      afterStop = true;
      const pids = await waitFor(() => processesWith('flyctl', 'logs', APP), (p) => p.length > 0, 20_000);
      assert.equal(pids.length, 1, 'one flyctl logs process runs');

      // a job on the new release logs the 2.2 trace lines
      const runnerUrl = api.envs.active()!.settings.runnerUrl;
      const job = await fetch(`${runnerUrl}/api/v1/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ questions: ['q1'], models: [{ id: 'llama3.2-1b' }], regions: ['us-east'] }) });
      assert.ok(job.status < 300, `job accepted: ${job.status}`);
      const s = api.logStream()!;
      await waitFor(() => s.lines.tail(), (t) => t.some((l) => /TRACE: Calling executor\.Execute\(\)/.test(l)), 60_000, 250);
      const shown = s.lines.tail();
      assert.ok(shown.some((l) => /TRACE: Calling executor\.Execute\(\)/.test(l)), shown.join('\n'));
      assert.ok(shown.every((l) => /TRACE|CRITICAL|HYBRID/.test(l)), shown.join('\n'));
      assert.ok(s.lines.seen > s.lines.shown, `other lines were read but not shown (${s.lines.seen} seen, ${s.lines.shown} shown)`);
      // the classifier starts afresh at each boot line, so it has seen the lines since the last boot
      assert.ok(s.classifier.linesSeen > 0 && s.classifier.linesSeen <= s.lines.seen, `the lines went to the log classifier (${s.classifier.linesSeen})`);
      const facts = (await vscode.commands.executeCommand('beaconDebug.logStreamFacts')) as Record<string, { value: unknown; line: string | null }>;
      // the new release's boot line `[HYBRID_CLIENT_INIT] … url=<router>` (shown: it matches HYBRID) is a classifier fact
      assert.equal(facts['startup.clientInitUrl']?.value, api.envs.active()!.settings.routerUrl, JSON.stringify(facts['startup.clientInitUrl']));

      assert.equal(await vscode.commands.executeCommand('beaconDebug.stopLogStream'), true);
      const left = await waitFor(() => pids.filter((p) => processesWith('flyctl', 'logs').includes(p)), (l) => l.length === 0, 15_000);
      assert.deepEqual(left, [], 'flyctl logs was killed');
      assert.equal(s.running, false);
      assert.equal(s.ended, 'stopped');
      assert.equal(await vscode.commands.executeCommand('beaconDebug.stopLogStream'), false, 'nothing left to stop');
    });

    it('Stream Runner Logs with all lines shows the lines the filter hides', async () => {
      prompts.pickAnswer = (items) => items.find((i) => i.label === 'All lines');
      afterStop = true;
      const r = (await vscode.commands.executeCommand('beaconDebug.streamLogs')) as { filter: boolean };
      assert.equal(r?.filter, false, JSON.stringify(prompts.calls));
      const s = api.logStream()!;
      const shown = await waitFor(() => s.lines.tail(), (t) => t.some((l) => !/TRACE|CRITICAL|HYBRID/.test(l)), 30_000, 250);
      assert.ok(shown.some((l) => !/TRACE|CRITICAL|HYBRID/.test(l)), shown.join('\n'));
      assert.equal(s.lines.seen, s.lines.shown);
      assert.equal(await vscode.commands.executeCommand('beaconDebug.stopLogStream'), true);
      await waitFor(() => processesWith('flyctl', 'logs'), (p) => p.length === 0, 15_000);
      assert.deepEqual(processesWith('flyctl', 'logs'), []);
    });
  });
});
