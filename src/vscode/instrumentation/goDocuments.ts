import * as path from 'node:path';
import * as vscode from 'vscode';
import { GoDocumentIndex, type DocumentModel, type DocumentText, type TextChange } from '../../golang/documentIndex';
import { GoInstrumenter } from '../../golang/instrumenter';
import { readSiblingSources } from '../../golang/packageSources';
import { loadGoParser, wasmPathsIn, type GoParser } from '../../golang/parser';
import { errorMessage } from '../../shared/errorMessage';

/** Change events kept per document between two lens requests; past that a full read is cheaper. */
const MAX_PENDING_CHANGES = 5000;

/**
 * The Go side of the feature inside VS Code: one lazily loaded parser, a per-document index of
 * syntax trees and lens models (cached by version, reparsed incrementally from the change events),
 * and the instrumenter the commands use.
 */
export class GoDocuments implements vscode.Disposable {
  readonly index: GoDocumentIndex;
  private parser: Promise<GoParser> | undefined;
  /** Changes seen since the version the index holds, per document. */
  private readonly pending = new Map<string, { from: number; to: number; changes: TextChange[] }>();
  private readonly subs: vscode.Disposable[] = [];

  constructor(private readonly wasmDir: string, private readonly log: vscode.LogOutputChannel) {
    this.index = new GoDocumentIndex(() => this.getParser());
    this.subs.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.onChange(e)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        const key = d.uri.toString();
        this.index.forget(key);
        this.pending.delete(key);
      }),
    );
  }

  getParser(): Promise<GoParser> {
    if (!this.parser) {
      const t0 = Date.now();
      this.parser = loadGoParser(wasmPathsIn(this.wasmDir)).then(
        (p) => {
          this.log.info(`Go parser (tree-sitter) loaded from ${this.wasmDir} in ${Date.now() - t0} ms`);
          return p;
        },
        (e: unknown) => {
          this.parser = undefined;
          this.log.error(`cannot load the Go parser from ${this.wasmDir}: ${errorMessage(e)}`);
          throw e;
        },
      );
    }
    return this.parser;
  }

  async instrumenter(): Promise<GoInstrumenter> {
    return new GoInstrumenter(await this.getParser());
  }

  /**
   * The lens model of an open document at its current version. After an edit the index follows the
   * change events and does not ask for the whole text (getText() joins every line of the document).
   */
  async model(doc: vscode.TextDocument): Promise<DocumentModel> {
    const key = doc.uri.toString();
    const p = this.pending.get(key);
    const usable = p && p.to === doc.version ? p : undefined;
    const model = await this.index.model(key, doc.version, documentText(doc), usable?.changes, usable?.from);
    if (this.index.versionOf(key) === doc.version) this.pending.delete(key);
    return model;
  }

  /** The package's other files: open documents as they are in the editor, the rest from disk. */
  siblings(doc: vscode.TextDocument): string[] {
    if (doc.uri.scheme !== 'file') return [];
    const dir = path.dirname(doc.uri.fsPath);
    const open = new Map<string, string>();
    for (const d of vscode.workspace.textDocuments) {
      if (d.uri.scheme === 'file' && path.dirname(d.uri.fsPath) === dir && d.uri.fsPath !== doc.uri.fsPath && d.uri.fsPath.endsWith('.go')) {
        open.set(path.basename(d.uri.fsPath), d.getText());
      }
    }
    const fromDisk = readSiblingSources(doc.uri.fsPath, [...open.keys()]);
    return [...open.entries()].filter(([name]) => !name.endsWith('_test.go')).map(([, t]) => t).concat(fromDisk);
  }

  private onChange(e: vscode.TextDocumentChangeEvent): void {
    if (e.document.languageId !== 'go' || e.contentChanges.length === 0) return;
    const key = e.document.uri.toString();
    // no model yet: the first model() reads the whole text anyway (and lenses may never be asked for)
    if (this.index.versionOf(key) === undefined) return;
    const version = e.document.version;
    const changes: TextChange[] = e.contentChanges.map((c) => ({
      rangeOffset: c.rangeOffset,
      rangeLength: c.rangeLength,
      text: c.text,
      start: { line: c.range.start.line, character: c.range.start.character },
      end: { line: c.range.end.line, character: c.range.end.character },
    }));
    const p = this.pending.get(key);
    if (p && p.to === version - 1 && p.changes.length + changes.length > MAX_PENDING_CHANGES) {
      // nobody has asked for this document's lenses for a long while: drop the backlog; the next
      // model() sees no usable changes and reads the whole text once
      this.pending.delete(key);
    } else if (p && p.to === version - 1) {
      p.changes.push(...changes);
      p.to = version;
    } else {
      this.pending.set(key, { from: version - 1, to: version, changes });
    }
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
    this.index.dispose();
    this.pending.clear();
  }
}

/** The document as the index reads it: its length from the line table, the whole text only on demand. */
function documentText(doc: vscode.TextDocument): DocumentText {
  return {
    get length() {
      return doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
    },
    getText: () => doc.getText(),
  };
}
