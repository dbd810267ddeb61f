import * as vscode from 'vscode';
import type { MarkerId } from '../../golang/markers';
import type { GoDocuments } from './goDocuments';
import { errorMessage } from '../../shared/errorMessage';

export const GO_GLOB = '**/*.go';
export const GO_EXCLUDE = '{**/vendor/**,**/node_modules/**,**/.git/**,**/testdata/**}';
const MAX_FILES = 20000;

export interface FileMarkers {
  uri: vscode.Uri;
  /** 0-based lines. */
  blocks: { step: MarkerId; beginLine: number; endLine: number }[];
  problems: { step: string; line: number; reason: string }[];
}

/**
 * Which Go files of the workspace hold `// beacon-debug:` blocks — open documents as edited, the
 * others as on disk — kept current by a file watcher and document events.
 */
export class WorkspaceMarkers implements vscode.Disposable {
  private readonly files = new Map<string, FileMarkers>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subs: vscode.Disposable[];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private scanning: Promise<void> | undefined;

  constructor(private readonly docs: GoDocuments, private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(GO_GLOB);
    this.subs = [
      this.changed,
      watcher,
      watcher.onDidCreate((u) => void this.refreshFile(u)),
      watcher.onDidChange((u) => void this.refreshFile(u)),
      watcher.onDidDelete((u) => this.drop(u)),
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, 300)),
      vscode.workspace.onDidCloseTextDocument((d) => void this.refreshFile(d.uri)),
    ];
  }

  /** Every file with a marker block or a damaged marker. */
  list(): FileMarkers[] {
    return [...this.files.values()].sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
  }

  instrumentedCount(): number {
    return this.list().filter((f) => f.blocks.length > 0).length;
  }

  /** Scans the whole workspace (once at a time). */
  rescan(): Promise<void> {
    if (!this.scanning) {
      this.scanning = this.scan().finally(() => {
        this.scanning = undefined;
      });
    }
    return this.scanning;
  }

  private async scan(): Promise<void> {
    const uris = await vscode.workspace.findFiles(GO_GLOB, GO_EXCLUDE, MAX_FILES);
    const seen = new Set(uris.map((u) => u.toString()));
    for (const key of [...this.files.keys()]) if (!seen.has(key)) this.files.delete(key);
    for (const uri of uris) await this.refreshFile(uri, false);
    this.changed.fire();
  }

  async refreshFile(uri: vscode.Uri, fire = true): Promise<void> {
    if (!uri.path.endsWith('.go')) return;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    let text: string;
    if (open) text = open.getText();
    else {
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        this.drop(uri, fire);
        return;
      }
    }
    await this.update(uri, text, fire);
  }

  private schedule(doc: vscode.TextDocument, ms: number): void {
    if (doc.languageId !== 'go' || doc.uri.scheme === 'output') return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.fromDocument(doc);
      }, ms),
    );
  }

  private async fromDocument(doc: vscode.TextDocument): Promise<void> {
    if (doc.isClosed) return;
    const text = doc.getText();
    if (!text.includes('// beacon-debug:')) return this.drop(doc.uri);
    try {
      const model = await this.docs.model(doc);
      this.set({ uri: doc.uri, blocks: model.blocks, problems: model.problems });
    } catch (e) {
      this.log.warn(`cannot check ${doc.uri.fsPath} for markers: ${errorMessage(e)}`);
    }
  }

  private async update(uri: vscode.Uri, text: string, fire: boolean): Promise<void> {
    if (!text.includes('// beacon-debug:')) return this.drop(uri, fire);
    try {
      const r = (await this.docs.instrumenter()).check(text);
      const entry: FileMarkers = {
        uri,
        blocks: r.blocks.map((b) => ({ step: b.step, beginLine: b.beginLine - 1, endLine: b.endLine - 1 })),
        problems: r.problems.map((p) => ({ ...p, line: p.line - 1 })),
      };
      this.set(entry, fire);
    } catch (e) {
      this.log.warn(`cannot check ${uri.fsPath} for markers: ${errorMessage(e)}`);
    }
  }

  private set(entry: FileMarkers, fire = true): void {
    const key = entry.uri.toString();
    if (!entry.blocks.length && !entry.problems.length) return this.drop(entry.uri, fire);
    this.files.set(key, entry);
    if (fire) this.changed.fire();
  }

  private drop(uri: vscode.Uri, fire = true): void {
    if (this.files.delete(uri.toString()) && fire) this.changed.fire();
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const s of this.subs) s.dispose();
  }
}
