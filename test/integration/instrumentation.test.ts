// Go instrumentation in the real workbench: lenses at the right lines of a fixture Go file, a lens
// inserts (one edit: one undo restores the file), a stale lens is refused with a message, lenses
// follow typing, marker lines get the warning, the status bar counts the file, and the setting turns
// the lenses off.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BeaconDebugApi } from '../../src/vscode/api';
import type { Prompts } from '../../src/vscode/prompts';
import { RecordingPrompts } from '../../src/vscode/prompts';
import { EXTENSION_ID } from './index';
import { waitFor } from './waitFor';

const FILE = 'internal/worker/job_runner.go';
const MESSAGE = 'debug instrumentation — remove before deploy';


async function ourLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  const all = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
  return all.filter((l) => l.command?.command?.startsWith('beaconDebug.') || /unavailable$/.test(l.command?.title ?? ''));
}

function lineOf(text: string, re: RegExp): number {
  const m = re.exec(text);
  assert.ok(m, `fixture has ${re}`);
  return text.slice(0, m.index).split('\n').length - 1;
}

describe('instrumentation (Go code lenses)', function () {
  this.timeout(120_000);
  let api: BeaconDebugApi;
  let prompts: RecordingPrompts;
  let previous: Prompts;
  let uri: vscode.Uri;
  let doc: vscode.TextDocument;
  let original: string;

  before(async () => {
    api = await vscode.extensions.getExtension<BeaconDebugApi>(EXTENSION_ID)!.activate();
    prompts = new RecordingPrompts();
    previous = api.setPrompts(prompts);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the integration workspace is open');
    uri = vscode.Uri.joinPath(folder.uri, FILE);
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    original = doc.getText();
    assert.ok(original.includes('func (w *JobRunner) executeQuestion('), 'the fixture workspace holds the runner-like Go file');
  });

  after(async () => {
    await vscode.workspace.getConfiguration('beaconDebug').update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    if (doc.getText() !== original) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
      await vscode.workspace.applyEdit(edit);
    }
    if (doc.isDirty) await doc.save();
    api.setPrompts(previous);
  });

  it('shows the lenses above executeQuestion and above the executor.Execute call', async () => {
    const lenses = await waitFor(() => ourLenses(uri), (l) => l.length >= 3, 30_000);
    const byTitle = new Map(lenses.map((l) => [l.command!.title, l]));
    assert.deepEqual([...byTitle.keys()].sort(), ['Insert 2.1 panic recovery', 'Insert 2.2 executor call trace', 'Insert 5.1 context-cancellation watcher']);
    const eqLine = lineOf(original, /^func \(w \*JobRunner\) executeQuestion\(/m);
    const callLine = lineOf(original, /^\tproviderID, status, outputJSON, receiptJSON, err := executor\.Execute\(/m);
    assert.equal(byTitle.get('Insert 2.1 panic recovery')!.range.start.line, eqLine);
    assert.equal(byTitle.get('Insert 2.2 executor call trace')!.range.start.line, callLine);
    assert.equal(byTitle.get('Insert 5.1 context-cancellation watcher')!.range.start.line, callLine);
    for (const l of lenses) assert.match(l.command!.tooltip ?? '', /Only 2\.4 also covers the cross-region execution path/);
  });

  it('a lens inserts in one edit: markers, a warning on them, the status bar count; one undo restores the file', async () => {
    const lens = (await ourLenses(uri)).find((l) => l.command!.title === 'Insert 2.1 panic recovery')!;
    const inserted = await vscode.commands.executeCommand<boolean>(lens.command!.command, ...(lens.command!.arguments ?? []));
    assert.equal(inserted, true, JSON.stringify(prompts.calls));
    const text = doc.getText();
    assert.notEqual(text, original);
    assert.match(text, /^\t\/\/ beacon-debug:begin 2\.1$/m);
    assert.match(text, /Msg\("🚨 PANIC RECOVERED in executeQuestion"\)/);

    const diags = await waitFor(
      () => vscode.languages.getDiagnostics(uri).filter((d) => d.message === MESSAGE),
      (d) => d.length > 0,
      10_000,
    );
    assert.ok(diags.length >= 2, 'a warning on each 2.1 block');
    assert.ok(diags.every((d) => d.severity === vscode.DiagnosticSeverity.Warning && d.code === '2.1'));
    const beginLine = lineOf(text, /^\t\/\/ beacon-debug:begin 2\.1$/m);
    assert.ok(diags.some((d) => d.range.start.line === beginLine));

    const status = await waitFor(() => api.instrumentation()?.statusText(), (s) => !!s, 10_000);
    assert.match(status ?? '', /1 instrumented/);

    const after = await waitFor(() => ourLenses(uri), (l) => l.some((x) => x.command!.title === 'Remove 2.1'), 10_000);
    assert.ok(after.some((x) => x.command!.title === 'Remove 2.1'));

    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => doc.getText(), (t) => t === original, 5_000);
    assert.equal(doc.getText(), original, 'one undo restores the file');
    const cleared = await waitFor(
      () => vscode.languages.getDiagnostics(uri).filter((d) => d.message === MESSAGE),
      (d) => d.length === 0,
      10_000,
    );
    assert.deepEqual(cleared, []);
  });

  it('a lens from before an edit is refused with a clear message, and nothing is inserted', async () => {
    const lens = (await ourLenses(uri)).find((l) => l.command!.title === 'Insert 2.2 executor call trace')!;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), '// an edit made after the lens was shown\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const before = prompts.calls.length;
    const inserted = await vscode.commands.executeCommand<boolean>(lens.command!.command, ...(lens.command!.arguments ?? []));
    assert.equal(inserted, false);
    assert.ok(!doc.getText().includes('beacon-debug:begin'));
    const said = prompts.calls.slice(before).map((c) => c.message);
    assert.ok(said.some((m) => /changed since this lens was shown; nothing was inserted/.test(m)), said.join('\n'));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => doc.getText(), (t) => t === original, 5_000);
    assert.equal(doc.getText(), original);
  });

  it('lenses follow typing (the index applies the change events instead of reading the text): lines move, anchors go and come back', async () => {
    const edit = async (f: (e: vscode.WorkspaceEdit, text: string) => void) => {
      const e = new vscode.WorkspaceEdit();
      f(e, doc.getText());
      assert.ok(await vscode.workspace.applyEdit(e));
    };
    const pos = (text: string, s: string, plus = 0) => {
      assert.ok(text.includes(s), s);
      return doc.positionAt(text.indexOf(s) + plus);
    };
    const EQ = /^func \((w|runner) \*JobRunner\) executeQuestion\(/m;
    const CALL = /^\tproviderID, status, outputJSON, receiptJSON, err := executor\.Execute\(/m;
    const expect = async (what: string, anchored: boolean) => {
      const want = anchored ? [`Insert 2.1 panic recovery@${lineOf(doc.getText(), EQ)}`, `Insert 2.2 executor call trace@${lineOf(doc.getText(), CALL)}`, `Insert 5.1 context-cancellation watcher@${lineOf(doc.getText(), CALL)}`] : [];
      const seen = (ls: vscode.CodeLens[]) => ls.map((l) => `${l.command!.title}@${l.range.start.line}`).sort();
      const got = await waitFor(() => ourLenses(uri), (ls) => JSON.stringify(seen(ls)) === JSON.stringify(want), 15_000);
      assert.deepEqual(seen(got), want, what);
    };
    try {
      await edit((e) => e.insert(uri, new vscode.Position(0, 0), '// one\n// two\n'));
      await expect('two lines added at the top', true);
      await edit((e, t) => e.insert(uri, pos(t, 'regionStart := time.Now()', 'regionStart := '.length), '1'));
      await expect('a digit typed inside executeQuestion', true);
      await edit((e, t) => e.delete(uri, new vscode.Range(pos(t, '1time.Now()'), pos(t, '1time.Now()', 1))));
      await edit((e, t) => e.replace(uri, new vscode.Range(pos(t, '(w *JobRunner) executeQuestion(', 1), pos(t, '(w *JobRunner) executeQuestion(', 2)), 'runner'));
      await expect('the receiver renamed', true);
      await edit((e, t) => e.insert(uri, pos(t, 'executeQuestion(ctx context.Context', 'executeQuestion'.length), 'X'));
      await expect('the method renamed: no anchor', false);
      await edit((e, t) => e.delete(uri, new vscode.Range(pos(t, 'executeQuestionX(', 'executeQuestion'.length), pos(t, 'executeQuestionX(', 'executeQuestionX'.length))));
      await expect('the name back', true);
    } finally {
      await edit((e) => e.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original));
    }
    assert.equal(doc.getText(), original);
  });

  it('beaconDebug.codeLens.enabled turns the lenses off and on again', async () => {
    await vscode.workspace.getConfiguration('beaconDebug').update('codeLens.enabled', false, vscode.ConfigurationTarget.Workspace);
    const off = await waitFor(() => ourLenses(uri), (l) => l.length === 0, 10_000);
    assert.deepEqual(off, []);
    await vscode.workspace.getConfiguration('beaconDebug').update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    const on = await waitFor(() => ourLenses(uri), (l) => l.length >= 3, 10_000);
    assert.equal(on.length, 3);
  });

  it('Remove All Instrumentation asks first, then removes from every file in one edit', async () => {
    const lens = (await ourLenses(uri)).find((l) => l.command!.title === 'Insert 5.1 context-cancellation watcher')!;
    assert.equal(await vscode.commands.executeCommand<boolean>(lens.command!.command, ...(lens.command!.arguments ?? [])), true);
    assert.ok(doc.getText().includes('// beacon-debug:begin 5.1'));
    prompts.answers.push('Remove');
    const before = prompts.calls.length;
    const n = await vscode.commands.executeCommand<number>('beaconDebug.removeAllInstrumentation');
    assert.equal(n, 1);
    const confirm = prompts.calls.slice(before).find((c) => c.kind === 'confirm');
    assert.ok(confirm, 'a confirmation was shown');
    assert.equal(confirm.message, 'Remove Beacon Debug instrumentation from 1 Go file?');
    assert.match(confirm.detail ?? '', /internal\/worker\/job_runner\.go \(5\.1\)/);
    assert.equal(doc.getText(), original);
  });
});

// Refusals, the proof before an edit and edited blocks, in the real host: the prompts' exact words.
// proofdemo/ (copied from test/fixtures/proofdemo for these tests only) is a Go module that builds
// offline; its JobSpec has no Questions, so 2.2 does not compile there, and cmd/wired wires its runner
// from a goroutine, where Fix G cannot observe the wiring.
describe('instrumentation: refusals, the build proof, lines typed into a block', function () {
  this.timeout(300_000);
  let api: BeaconDebugApi;
  let prompts: RecordingPrompts;
  let previous: Prompts;
  let folder: vscode.Uri;
  const restore: { doc: vscode.TextDocument; text: string }[] = [];

  async function open(rel: string): Promise<vscode.TextDocument> {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, rel));
    await vscode.window.showTextDocument(doc);
    restore.push({ doc, text: doc.getText() });
    return doc;
  }
  async function allLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
    return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
  }
  const run = (lens: vscode.CodeLens) => vscode.commands.executeCommand<boolean>(lens.command!.command, ...(lens.command!.arguments ?? []));
  const said = (from: number) => prompts.calls.slice(from);

  before(async () => {
    api = await vscode.extensions.getExtension<BeaconDebugApi>(EXTENSION_ID)!.activate();
    prompts = new RecordingPrompts();
    previous = api.setPrompts(prompts);
    folder = vscode.workspace.workspaceFolders![0].uri;
    fs.cpSync(path.resolve(__dirname, '../../../test/fixtures/proofdemo'), path.join(folder.fsPath, 'proofdemo'), { recursive: true });
  });

  after(async () => {
    for (const { doc, text } of restore.reverse()) {
      if (doc.getText() !== text) {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
        await vscode.workspace.applyEdit(edit);
      }
      if (doc.isDirty) await doc.save();
    }
    api.setPrompts(previous);
    fs.rmSync(path.join(folder.fsPath, 'proofdemo'), { recursive: true, force: true });
  });

  it('a wiring step that cannot observe the wiring: its lens says why in one line, the command offers the nearest valid point, and the insertion there builds', async () => {
    const doc = await open('proofdemo/cmd/wired/main.go');
    const why = 'SetHybridClient is called on line 22 inside a function literal (lines 19–24) that may run after line 24; insert it inside that function instead?';
    const lenses = await waitFor(() => allLenses(doc.uri), (ls) => ls.some((l) => l.command?.title.startsWith('Insert Fix G at line')), 30_000);
    const titles = lenses.map((l) => l.command?.title);
    // one lens says why, once for both wiring steps (0.3 has no point either); one offers Fix G's nearest point
    const refusal = lenses.find((l) => l.command?.title === `0.3, Fix G cannot go here: ${why}`);
    assert.ok(refusal, titles.join('\n'));
    assert.equal(refusal.command!.command, '', 'the reason itself is not clickable');
    assert.equal(refusal.range.start.line, 21, 'above the SetHybridClient call');
    const offer = lenses.find((l) => l.command?.title === 'Insert Fix G at line 24 instead')!;
    assert.ok(offer, titles.join('\n'));

    // the command without the lens's choice asks first; dismissed, nothing happens
    const before = prompts.calls.length;
    prompts.answers.push(undefined);
    assert.equal(await vscode.commands.executeCommand<boolean>('beaconDebug.insertInstrumentation', doc.uri, 'fix-g', doc.version), false);
    assert.deepEqual(said(before), [{ kind: 'warn', message: `Beacon Debug: cannot insert Fix G into proofdemo/cmd/wired/main.go: ${why}`, actions: ['Insert at Line 24'] }]);
    assert.equal(doc.getText(), restore[restore.length - 1].text);

    // the offer lens inserts there (no second question), after the build proof
    const mark = prompts.calls.length;
    assert.equal(await run(offer), true, JSON.stringify(said(mark)));
    assert.ok(!said(mark).some((c) => c.kind === 'warn'), JSON.stringify(said(mark)));
    const lines = doc.getText().split('\n');
    const call = lines.findIndex((l) => l.includes('jr.SetHybridClient('));
    assert.deepEqual([lines[call + 1].trim(), lines[call + 2].trim()], ['}', '// beacon-debug:begin fix-g'], 'inside the function literal, after the wiring');
    assert.equal(lines[call + 2], '\t\t// beacon-debug:begin fix-g', 'indented as the literal’s statements');
    const done = await waitFor(() => said(mark).find((c) => c.kind === 'info'), (c) => !!c, 120_000);
    assert.equal(done!.message, 'Beacon Debug: inserted Fix G (hybrid initialisation logging) into proofdemo/cmd/wired/main.go. It does not cover the cross-region path (only 2.4 does). Remove it before deploying.');
  });

  it('an insertion that adds build errors: the compiler’s message, the file untouched — unless Insert Anyway', async () => {
    const doc = await open('proofdemo/worker/job_runner.go');
    const original = doc.getText();
    const lens = (await waitFor(() => allLenses(doc.uri), (ls) => ls.some((l) => l.command?.title === 'Insert 2.2 executor call trace'), 30_000)).find((l) => l.command?.title === 'Insert 2.2 executor call trace')!;
    const refusal =
      'Beacon Debug: 2.2 was not inserted into proofdemo/worker/job_runner.go: with it the package does not build — job_runner.go:45:33: spec.Questions undefined (type *JobSpec has no field or method Questions). The file is unchanged.';
    let mark = prompts.calls.length;
    prompts.answers.push(undefined);
    assert.equal(await run(lens), false);
    assert.deepEqual(said(mark), [{ kind: 'warn', message: refusal, actions: ['Insert Anyway'] }]);
    assert.equal(doc.getText(), original, 'untouched');

    mark = prompts.calls.length;
    prompts.answers.push('Insert Anyway');
    const again = (await allLenses(doc.uri)).find((l) => l.command?.title === 'Insert 2.2 executor call trace')!;
    assert.equal(await run(again), true);
    assert.deepEqual(said(mark)[0], { kind: 'warn', message: refusal, actions: ['Insert Anyway'] });
    assert.ok(doc.getText().includes('// beacon-debug:begin 2.2'));
    const info = said(mark).find((c) => c.kind === 'info')!;
    assert.match(info.message, /^Beacon Debug: inserted 2\.2 \(executor call trace\) into proofdemo\/worker\/job_runner\.go\. .* Remove it before deploying\. It does not build\.$/);
  });

  it('lines typed into a block: Remove asks Keep My Lines / Remove Anyway, and Keep My Lines removes only what was inserted', async () => {
    const doc = restore.find((r) => r.doc.uri.path.endsWith('proofdemo/worker/job_runner.go'))!.doc;
    const original = restore.find((r) => r.doc === doc)!.text;
    const text = doc.getText();
    const anchor = 'Msg("🔍 TRACE: Calling executor.Execute()")\n';
    assert.ok(text.includes(anchor));
    const hotfix = '\tif executor == nil { // my hot-fix\n\t\treturn ExecutionResult{Status: "failed"}\n\t}\n';
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, doc.positionAt(text.indexOf(anchor) + anchor.length), hotfix);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const now = doc.getText();
    const first = now.slice(0, now.indexOf('// my hot-fix')).split('\n').length;
    // the block holding the typed lines: the last begin 2.2 above them, the first end 2.2 below
    const lines = now.split('\n');
    const blockBegin = lines.slice(0, first).map((l) => l.trim()).lastIndexOf('// beacon-debug:begin 2.2') + 1;
    const blockEnd = lines.findIndex((l, i) => i + 1 > first && l.trim().startsWith('// beacon-debug:end 2.2')) + 1;
    assert.ok(blockBegin > 0 && blockEnd > first);
    const mark = prompts.calls.length;
    prompts.answers.push('Keep My Lines');
    assert.equal(await vscode.commands.executeCommand<boolean>('beaconDebug.removeInstrumentation', doc.uri, '2.2', doc.version), true);
    assert.deepEqual(said(mark)[0], {
      kind: 'warn',
      message: `Beacon Debug: proofdemo/worker/job_runner.go: the 2.2 block on lines ${blockBegin}–${blockEnd} has lines Beacon Debug did not insert (${first}–${first + 2}). Keep your lines and remove only the inserted ones, or remove the whole block?`,
      actions: ['Keep My Lines', 'Remove Anyway'],
    });
    const after = doc.getText();
    assert.ok(!after.includes('beacon-debug:'), 'markers and inserted lines gone');
    assert.equal(after, original.replace('\tproviderID, status, outputJSON', hotfix + '\tproviderID, status, outputJSON'), 'only the typed lines stay');
  });
});
