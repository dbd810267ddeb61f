import * as vscode from 'vscode';
import { stepDisplay, stepTooltip } from '../../golang/documentIndex';
import type { ANCHOR_NAMES } from '../../golang/anchors';
import { CROSS_REGION_NOTE, isStepId, noAnchorText, STEP_IDS, STEPS, type AnchorKind, type StepId } from '../../golang/steps';
import { lineRuns, type EditedBlock, type RemoveOptions } from '../../golang/remove';
import { decodeSource, encodeSource } from '../../golang/sourceBytes';
import { applyEdits, type TextEdit } from '../../golang/textEdits';
import type { Prompts } from '../prompts';
import { INSERT_COMMAND, REMOVE_COMMAND } from './codeLensProvider';
import type { GoDocuments } from './goDocuments';
import { proveInsertion } from './insertionProof';
import { LIST_COMMAND } from './instrumentationStatusBar';
import { GO_EXCLUDE, GO_GLOB, type WorkspaceMarkers } from './workspaceMarkers';
import { errorMessage } from '../../shared/errorMessage';

export const REMOVE_ALL_COMMAND = 'beaconDebug.removeAllInstrumentation';
export const REVEAL_ANCHOR_COMMAND = 'beaconDebug.revealAnchor';

/** The name an anchor's file must contain (the text pre-check before a parse). */
const ANCHOR_TEXT: Record<AnchorKind, (typeof ANCHOR_NAMES)[number]> = {
  executeQuestion: 'executeQuestion',
  executorCall: 'executeQuestion',
  hybridExecute: 'HybridExecutor',
  runInference: 'RunInference',
  setHybridClient: 'SetHybridClient',
};

/** A `was` line that does not match its block: removal refused it (D19). */
const WAS_EDITED = /beacon-debug:(was|gofmt)" line/;

/** A reason as the end of a sentence: a full stop unless it ends with its own punctuation. */
function sentence(reason: string): string {
  return /[.?!]$/.test(reason) ? reason : reason + '.';
}

function label(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

function toWorkspaceEdit(edit: vscode.WorkspaceEdit, doc: vscode.TextDocument, edits: readonly TextEdit[]): void {
  for (const e of edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.text);
}

/**
 * Insert / remove (one file, one step or all, one WorkspaceEdit = one undo), remove everywhere,
 * list the instrumented files, and open a step's anchor.
 */
export class InstrumentationCommands {
  constructor(
    private readonly docs: GoDocuments,
    private readonly markers: WorkspaceMarkers,
    private readonly prompts: Prompts,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  handlers(): Record<string, (...args: unknown[]) => unknown> {
    return {
      [INSERT_COMMAND]: (uri?: unknown, step?: unknown, version?: unknown, where?: unknown) => this.insert(uri, step, version, where),
      [REMOVE_COMMAND]: (uri?: unknown, step?: unknown, version?: unknown) => this.remove(uri, step, version),
      [REMOVE_ALL_COMMAND]: () => this.removeAll(),
      [LIST_COMMAND]: () => this.list(),
      [REVEAL_ANCHOR_COMMAND]: (step?: unknown) => this.revealAnchor(step),
    };
  }

  private async document(uri: unknown): Promise<vscode.TextDocument | undefined> {
    if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
    if (typeof uri === 'string' && uri) return vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const active = vscode.window.activeTextEditor?.document;
    if (!active || active.languageId !== 'go') {
      await this.prompts.warn('Beacon Debug: open a Go file first (instrumentation goes into the Go function the plan names).');
      return undefined;
    }
    return active;
  }

  /** Refuses when the document is not at the version a lens was computed for. */
  private async stale(doc: vscode.TextDocument, version: unknown, what: string): Promise<boolean> {
    if (typeof version !== 'number' || version === doc.version) return false;
    await this.prompts.warn(`Beacon Debug: ${label(doc.uri)} changed since this lens was shown; nothing was ${what}. Use the updated lens.`);
    return true;
  }

  /** `where` = 'nearest': the user chose the nearest valid point a refusal lens offered (no question then). */
  async insert(uri?: unknown, stepArg?: unknown, version?: unknown, where?: unknown): Promise<boolean> {
    const doc = await this.document(uri);
    if (!doc) return false;
    if (await this.stale(doc, version, 'inserted')) return false;
    let step: StepId | undefined = typeof stepArg === 'string' && isStepId(stepArg) ? stepArg : undefined;
    if (stepArg !== undefined && !step) {
      await this.prompts.error(`Beacon Debug: unknown instrumentation step "${String(stepArg)}".`);
      return false;
    }
    if (!step) {
      const model = await this.docs.model(doc);
      const choices = model.lenses.filter((l) => l.action === 'insert' || l.action === 'insert-nearest').map((l) => ({ label: l.title, detail: stepTooltip(l.step), step: l.step }));
      if (!choices.length) {
        await this.prompts.info(`Beacon Debug: ${label(doc.uri)} has no place for more instrumentation (no anchor, or every step is already in).`);
        return false;
      }
      step = (await this.prompts.pick(choices, { placeHolder: `Insert which step into ${label(doc.uri)}? ${CROSS_REGION_NOTE}` }))?.step;
      if (!step) return false;
    }
    const display = stepDisplay(step);
    const before = doc.version;
    const attempt = (await this.docs.instrumenter()).attemptInsert(doc.getText(), step, this.docs.siblings(doc));
    let edits: readonly TextEdit[];
    if ('skipped' in attempt) {
      if (attempt.skipped === 'already inserted') {
        await this.prompts.info(`Beacon Debug: ${display} is already in ${label(doc.uri)}; nothing inserted.`);
        return false;
      }
      const why = `Beacon Debug: cannot insert ${display} into ${label(doc.uri)}: ${sentence(attempt.skipped)}`;
      if (!attempt.nearest) {
        await this.prompts.warn(why);
        return false;
      }
      const action = `Insert at Line ${attempt.nearest.line}`;
      if (where !== 'nearest' && (await this.prompts.warn(why, action)) !== action) return false;
      edits = attempt.nearest.edits;
    } else edits = attempt.edits;
    if (doc.version !== before) return this.changedMeanwhile(doc, display);

    const after = applyEdits(doc.getText(), edits);
    const proof = await proveInsertion(doc, after, display, this.log);
    if (proof.kind === 'cancelled') {
      await this.prompts.warn(`Beacon Debug: the build was cancelled; ${display} was not inserted.`);
      return false;
    }
    if (proof.kind === 'adds-errors') {
      const anyway = 'Insert Anyway';
      const choice = await this.prompts.warn(`Beacon Debug: ${display} was not inserted into ${label(doc.uri)}: with it the package does not build — ${proof.message}. The file is unchanged.`, anyway);
      if (choice !== anyway) return false;
    }
    if (doc.version !== before) return this.changedMeanwhile(doc, display);
    const edit = new vscode.WorkspaceEdit();
    toWorkspaceEdit(edit, doc, edits);
    if (!(await vscode.workspace.applyEdit(edit))) {
      await this.prompts.error(`Beacon Debug: VS Code refused the edit to ${label(doc.uri)}; nothing was inserted.`);
      return false;
    }
    this.log.info(`inserted ${step} into ${doc.uri.fsPath}`);
    const cover = STEPS[step].coversCrossRegion ? 'It also covers the cross-region path.' : 'It does not cover the cross-region path (only 2.4 does).';
    const compiled = proof.kind === 'not-compiled' ? ` Not compiled: ${sentence(proof.reason)}` : proof.kind === 'adds-errors' ? ' It does not build.' : '';
    void this.prompts.info(`Beacon Debug: inserted ${display} (${STEPS[step].label}) into ${label(doc.uri)}. ${cover} Remove it before deploying.${compiled}`);
    return true;
  }

  private async changedMeanwhile(doc: vscode.TextDocument, display: string): Promise<false> {
    await this.prompts.warn(`Beacon Debug: ${label(doc.uri)} changed while ${display} was being prepared; nothing was inserted. Try again.`);
    return false;
  }

  /**
   * How to treat blocks with lines Beacon Debug did not insert (and `was` lines that were edited):
   * the user is asked — keep their lines, or remove anyway — and nothing happens to those blocks
   * when the question is dismissed.
   */
  private async editedPolicy(where: string, edited: readonly EditedBlock[], wasEdited: readonly { step: string; reason: string }[]): Promise<RemoveOptions> {
    if (!edited.length && !wasEdited.length) return {};
    const parts = [
      ...edited.map((e) => `the ${stepDisplay(e.step)} block on lines ${e.beginLine}–${e.endLine} has lines Beacon Debug did not insert (${lineRuns(e.lines.map((l) => l.line))})`),
      ...wasEdited.map((w) => `${stepDisplay(w.step as StepId)}: ${w.reason}`),
    ];
    const keep = 'Keep My Lines';
    const anyway = 'Remove Anyway';
    const canKeep = edited.some((e) => e.canKeep);
    const question = canKeep ? 'Keep your lines and remove only the inserted ones, or remove the whole block?' : 'Remove it anyway (those lines go too)?';
    const choice = await this.prompts.warn(`Beacon Debug: ${where}: ${parts.join('; ')}. ${question}`, ...(canKeep ? [keep, anyway] : [anyway]));
    if (choice === keep) return { edited: 'keep-my-lines' };
    if (choice === anyway) return { edited: 'remove', force: true };
    return {};
  }

  async remove(uri?: unknown, stepArg?: unknown, version?: unknown): Promise<boolean> {
    const doc = await this.document(uri);
    if (!doc) return false;
    if (await this.stale(doc, version, 'removed')) return false;
    const steps = typeof stepArg === 'string' && isStepId(stepArg) ? [stepArg] : undefined;
    const before = doc.version;
    const ins = await this.docs.instrumenter();
    const first = ins.planRemove(doc.getText(), steps);
    const wasEdited = first.skipped.filter((k) => WAS_EDITED.test(k.reason));
    const options = await this.editedPolicy(label(doc.uri), first.edited, wasEdited);
    const plan = options.edited ? ins.planRemove(doc.getText(), steps, options) : first;
    const asked = new Set([...first.edited.map((e) => e.step as string), ...wasEdited.map((w) => w.step)]);
    for (const s of plan.skipped) if (!asked.has(s.step)) await this.prompts.warn(`Beacon Debug: ${label(doc.uri)}: ${s.step} not removed: ${s.reason}.`);
    if (!plan.edits.length) {
      if (!plan.skipped.length) await this.prompts.info(`Beacon Debug: no ${steps ? stepDisplay(steps[0]) + ' ' : ''}instrumentation in ${label(doc.uri)}.`);
      return false;
    }
    if (doc.version !== before) {
      await this.prompts.warn(`Beacon Debug: ${label(doc.uri)} changed meanwhile; nothing was removed. Try again.`);
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    toWorkspaceEdit(edit, doc, plan.edits);
    if (!(await vscode.workspace.applyEdit(edit))) {
      await this.prompts.error(`Beacon Debug: VS Code refused the edit to ${label(doc.uri)}; nothing was removed.`);
      return false;
    }
    this.log.info(`removed ${plan.removed.join(', ')} from ${doc.uri.fsPath}${options.edited ? ` (${options.edited})` : ''}`);
    return true;
  }

  /**
   * Every instrumented Go file of the workspace. Open documents change in one WorkspaceEdit (saved
   * when they were not dirty); the others are rewritten as bytes — what is not UTF-8 stays as it
   * was — and only once every one of them is checked unchanged since it was read: all or nothing.
   */
  async removeAll(): Promise<number> {
    await this.markers.rescan();
    const files = this.markers.list().filter((f) => f.blocks.length);
    if (!files.length) {
      await this.prompts.info('Beacon Debug: no debug instrumentation in the workspace’s Go files.');
      return 0;
    }
    const names = files.map((f) => `${label(f.uri)} (${[...new Set(f.blocks.map((b) => stepDisplay(b.step)))].join(', ')})`);
    const choice = await this.prompts.confirm(
      `Remove Beacon Debug instrumentation from ${files.length} Go file${files.length === 1 ? '' : 's'}?`,
      names.join('\n'),
      'Remove',
    );
    if (choice !== 'Remove') return 0;
    const ins = await this.docs.instrumenter();
    type Target = { uri: vscode.Uri; doc?: vscode.TextDocument; version?: number; wasDirty?: boolean; bytes?: Uint8Array; text: string };
    const targets: Target[] = [];
    for (const f of files) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === f.uri.toString());
      if (doc) targets.push({ uri: f.uri, doc, version: doc.version, wasDirty: doc.isDirty, text: doc.getText() });
      else {
        const bytes = await vscode.workspace.fs.readFile(f.uri);
        targets.push({ uri: f.uri, bytes, text: decodeSource(bytes) });
      }
    }
    const firsts = targets.map((t) => ins.planRemove(t.text));
    const edited = firsts.flatMap((p, i) => p.edited.map((e) => ({ ...e, where: label(targets[i].uri) })));
    const wasEdited = firsts.flatMap((p, i) => p.skipped.filter((k) => WAS_EDITED.test(k.reason)).map((k) => ({ ...k, step: `${label(targets[i].uri)} ${k.step}` })));
    const where = edited.length || wasEdited.length ? `${new Set([...edited.map((e) => e.where)]).size || 1} file(s)` : '';
    const options = await this.editedPolicy(where, edited, wasEdited);
    const plans = options.edited ? targets.map((t) => ins.planRemove(t.text, undefined, options)) : firsts;
    const edit = new vscode.WorkspaceEdit();
    const writes: { uri: vscode.Uri; bytes: Uint8Array; next: Uint8Array }[] = [];
    const opened: Target[] = [];
    for (const [i, t] of targets.entries()) {
      const plan = plans[i];
      const asked = new Set([...firsts[i].edited.map((e) => e.step as string), ...firsts[i].skipped.filter((k) => WAS_EDITED.test(k.reason)).map((k) => k.step)]);
      for (const k of plan.skipped) if (!asked.has(k.step)) await this.prompts.warn(`Beacon Debug: ${label(t.uri)}: ${k.step} not removed: ${k.reason}.`);
      if (!plan.edits.length) continue;
      if (t.doc) {
        toWorkspaceEdit(edit, t.doc, plan.edits);
        opened.push(t);
      } else writes.push({ uri: t.uri, bytes: t.bytes!, next: encodeSource(applyEdits(t.text, plan.edits)) });
    }
    if (opened.some((t) => t.doc!.version !== t.version)) {
      await this.prompts.warn('Beacon Debug: a file changed meanwhile; nothing was removed. Try again.');
      return 0;
    }
    for (const w of writes) {
      const now = await vscode.workspace.fs.readFile(w.uri).then((b) => b, () => undefined);
      if (!now || Buffer.compare(Buffer.from(now), Buffer.from(w.bytes)) !== 0) {
        await this.prompts.warn(`Beacon Debug: ${label(w.uri)} changed meanwhile; nothing was removed. Try again.`);
        return 0;
      }
    }
    if (!opened.length && !writes.length) return 0;
    if (opened.length && !(await vscode.workspace.applyEdit(edit))) {
      await this.prompts.error('Beacon Debug: VS Code refused the edit; nothing was removed.');
      return 0;
    }
    const written: typeof writes = [];
    for (const w of writes) {
      try {
        await vscode.workspace.fs.writeFile(w.uri, w.next);
        written.push(w);
      } catch (e) {
        for (const back of written) await vscode.workspace.fs.writeFile(back.uri, back.bytes).then(undefined, () => undefined);
        if (opened.length) await vscode.commands.executeCommand('undo');
        await this.prompts.error(`Beacon Debug: cannot write ${label(w.uri)}: ${errorMessage(e)}; nothing was removed.`);
        return 0;
      }
    }
    for (const t of opened) if (!t.wasDirty) await t.doc!.save();
    const n = opened.length + writes.length;
    this.log.info(`removed instrumentation from ${n} file(s)${options.edited ? ` (${options.edited})` : ''}`);
    await this.markers.rescan();
    void this.prompts.info(`Beacon Debug: removed the instrumentation from ${n} file${n === 1 ? '' : 's'}.`);
    return n;
  }

  async list(): Promise<void> {
    await this.markers.rescan();
    const files = this.markers.list();
    if (!files.length) {
      await this.prompts.info('Beacon Debug: no debug instrumentation in the workspace’s Go files.');
      return;
    }
    const items = files.map((f) => ({
      label: label(f.uri),
      description: [...new Set(f.blocks.map((b) => stepDisplay(b.step)))].join(', ') + (f.problems.length ? ' — damaged markers' : ''),
      uri: f.uri,
      line: f.blocks[0]?.beginLine ?? f.problems[0]?.line ?? 0,
    }));
    const picked = await this.prompts.pick(items, { placeHolder: 'Go files with Beacon Debug instrumentation (remove before deploy)' });
    if (picked) await this.open(picked.uri, picked.line);
  }

  /** Opens the file at the function (or call) a step goes into. */
  async revealAnchor(stepArg?: unknown): Promise<boolean> {
    let step = typeof stepArg === 'string' && isStepId(stepArg) ? stepArg : undefined;
    if (!step) {
      const picked = await this.prompts.pick(
        STEP_IDS.map((s) => ({ label: `${stepDisplay(s)} — ${STEPS[s].label}`, step: s })),
        { placeHolder: 'Go to the code a step instruments' },
      );
      if (!picked) return false;
      step = picked.step;
    }
    const kind = STEPS[step].anchor;
    const ins = await this.docs.instrumenter();
    const found: { uri: vscode.Uri; line: number }[] = [];
    for (const uri of await vscode.workspace.findFiles(GO_GLOB, GO_EXCLUDE, 20000)) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      if (!text.includes(ANCHOR_TEXT[kind])) continue;
      for (const a of ins.anchors(text)) if (a.kind === kind) found.push({ uri, line: a.line });
    }
    if (!found.length) {
      await this.prompts.warn(`Beacon Debug: ${noAnchorText(kind)} in the workspace’s Go files, so step ${stepDisplay(step)} has nowhere to go.`);
      return false;
    }
    const target =
      found.length === 1
        ? found[0]
        : await this.prompts.pick(
            found.map((f) => ({ label: `${label(f.uri)}:${f.line + 1}`, uri: f.uri, line: f.line })),
            { placeHolder: `Several places match step ${stepDisplay(step)}` },
          );
    if (!target) return false;
    await this.open(target.uri, target.line);
    return true;
  }

  private async open(uri: vscode.Uri, line: number): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(uri);
    const pos = new vscode.Position(line, 0);
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos), preview: false });
  }
}
