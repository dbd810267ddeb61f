import * as vscode from 'vscode';
import type { RunEvent } from '../../engine/types';
import { colourWanted, renderLine, RunEventLines, styled, type Line, type Segment } from '../../report/terminalLines';
import { inertText } from '../../shared/inertText';

/**
 * A terminal tab that is a *view* of a captured run: it shows the commands, the live output and
 * the verdict lines from engine events (report/terminalLines), and never runs anything itself.
 * Concurrent steps share one tab with their lines prefixed by the step id. Ctrl+C cancels the run.
 * Nothing reaches the terminal unsanitised: outside text is inert, the only escapes are our colours.
 */
export class RunTerminal implements vscode.Disposable {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number | void>();
  private terminal: vscode.Terminal | undefined;
  private opened = false;
  private readonly pending: string[] = [];
  private readonly events = new RunEventLines();
  private readonly colour = colourWanted(process.env);
  /** Everything written, without colours: what the tests (and a user copying it) read. */
  transcript = '';
  onInterrupt: (() => void) | undefined;

  constructor(private readonly name: string) {}

  show(preserveFocus = true): void {
    if (!this.terminal || this.terminal.exitStatus) {
      this.opened = false;
      const pty: vscode.Pseudoterminal = {
        onDidWrite: this.writeEmitter.event,
        onDidClose: this.closeEmitter.event,
        open: () => {
          this.opened = true;
          for (const chunk of this.pending.splice(0)) this.writeEmitter.fire(chunk);
        },
        close: () => {
          this.opened = false;
          this.terminal = undefined;
        },
        handleInput: (data) => {
          if (data === '\x03') {
            this.line(styled('yellow', '^C — cancelling the run…'));
            this.onInterrupt?.();
          }
        },
      };
      this.terminal = vscode.window.createTerminal({ name: this.name, pty, iconPath: new vscode.ThemeIcon('pulse') });
    }
    this.terminal.show(preserveFocus);
  }

  get vscodeTerminal(): vscode.Terminal | undefined {
    return this.terminal;
  }

  /** Captured output of a process, newlines as they come: shown inert. */
  write(text: string): void {
    this.emit(inertText(text));
  }

  /** One line of styled segments (the product's own text and colours; text segments are made inert). */
  line(...segments: Segment[]): void {
    this.emitLine(segments);
  }

  /** Renders one engine event. */
  render(e: RunEvent): void {
    for (const l of this.events.render(e)) this.emitLine(l);
  }

  private emitLine(l: Line): void {
    this.transcript += renderLine(l, false) + '\n';
    this.send(renderLine(l, this.colour) + '\n');
  }

  private emit(text: string): void {
    this.transcript += text;
    this.send(text);
  }

  private send(text: string): void {
    const crlf = text.replace(/\n/g, '\r\n');
    if (this.opened) this.writeEmitter.fire(crlf);
    else this.pending.push(crlf);
  }

  dispose(): void {
    this.terminal?.dispose();
    this.writeEmitter.dispose();
    this.closeEmitter.dispose();
  }
}
