/**
 * One results webview panel: the ready handshake (nothing is posted before the page says `ready`;
 * every `ready` — a new page after a reload or a hidden tab shown again — gets a fresh `init`),
 * validation of every message from the page, and validation of what we send.
 */
import type * as vscode from 'vscode';
import { decodePageMessage, HostMessage, type PageMessage } from '../../shared/webviewProtocol';
import { resultsHtml, resultsWebviewOptions } from './resultsHtml';

export interface PanelHandlers {
  /** The page is ready (again): send it `init`. */
  onReady(panel: ResultsPanel): void | Promise<void>;
  /** An allow-listed action from the page. */
  onAction(panel: ResultsPanel, msg: Exclude<PageMessage, { type: 'ready' }>): void | Promise<void>;
  onDispose(panel: ResultsPanel): void;
}

export class ResultsPanel implements vscode.Disposable {
  private ready = false;
  private readonly pending: HostMessage[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The run the page shows (a history id or `live`). */
  shownRunId: string | null = null;
  disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly handlers: PanelHandlers,
    private readonly log: vscode.LogOutputChannel,
  ) {
    panel.webview.options = resultsWebviewOptions(extensionUri);
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidDispose(() => this.dispose()),
      // a hidden webview loses its page (no retained context): it says `ready` again when shown
      panel.onDidChangeViewState((e) => {
        if (!e.webviewPanel.visible) this.ready = false;
      }),
    );
    panel.webview.html = resultsHtml(panel.webview, extensionUri);
  }

  get isReady(): boolean {
    return this.ready;
  }

  private receive(raw: unknown): void {
    const decoded = decodePageMessage(raw);
    if (!decoded.ok) {
      this.log.warn(`results page: ${decoded.error}`);
      return;
    }
    const msg = decoded.message;
    if (msg.type === 'ready') {
      this.ready = true;
      void Promise.resolve(this.handlers.onReady(this)).then(() => {
        for (const m of this.pending.splice(0)) void this.post(m);
      });
      return;
    }
    void Promise.resolve(this.handlers.onAction(this, msg)).catch((e: unknown) => this.log.error(`results page action ${msg.type} failed: ${(e as Error)?.stack ?? e}`));
  }

  /**
   * Sends a message to the page. Before the page is ready, `init` and `runUpdate` are not kept (the
   * `init` sent on `ready` says everything); notices, history and comparisons wait for it.
   */
  async post(msg: HostMessage): Promise<boolean> {
    if (this.disposed) return false;
    const checked = HostMessage.safeParse(msg);
    if (!checked.success) {
      this.log.error(`results page: not sending an invalid ${msg.type} message: ${checked.error.issues[0]?.path.join('.')} ${checked.error.issues[0]?.message}`);
      return false;
    }
    if (msg.type === 'init') this.shownRunId = msg.view?.runId ?? null;
    if (!this.ready) {
      if (msg.type !== 'init' && msg.type !== 'runUpdate') this.pending.push(checked.data);
      return false;
    }
    return this.panel.webview.postMessage(checked.data);
  }

  reveal(preserveFocus = false): void {
    this.panel.reveal(undefined, preserveFocus);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.ready = false;
    for (const s of this.subscriptions.splice(0)) s.dispose();
    this.handlers.onDispose(this);
    this.panel.dispose();
  }
}
