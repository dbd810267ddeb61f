import * as vscode from 'vscode';
import type { RunEvent } from '../engine/types';

const ANSI = {
  reset: '\x1b[0m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
  red: '\x1b[31m',
  green: '\x1b[32m',
  yellow: '\x1b[33m',
  blue: '\x1b[34m',
  magenta: '\x1b[35m',
  cyan: '\x1b[36m',
};
const VERDICT_COLOR: Record<string, string> = {
  pass: ANSI.green,
  fail: ANSI.red,
  error: ANSI.red,
  warn: ANSI.yellow,
  inconclusive: ANSI.magenta,
  skipped: ANSI.dim,
};

/**
 * A terminal tab that is a *view* of a captured run: it shows the commands, the live output and
 * the verdict lines from engine events, and never runs anything itself. Concurrent steps share
 * one tab with their lines prefixed by the step id. Ctrl+C cancels the run.
 */
export class RunTerminal implements vscode.Disposable {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number | void>();
  private terminal: vscode.Terminal | undefined;
  private opened = false;
  private readonly pending: string[] = [];
  private readonly partial = new Map<string, string>();
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
            this.line(`${ANSI.yellow}^C — cancelling the run…${ANSI.reset}`);
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

  /** Raw text, newlines as they come (a captured process's output). */
  write(text: string): void {
    const crlf = text.replace(/\r?\n/g, '\r\n');
    this.transcript += text.replace(/\x1b\[[0-9;]*m/g, '');
    if (this.opened) this.writeEmitter.fire(crlf);
    else this.pending.push(crlf);
  }

  line(text: string): void {
    this.write(text + '\n');
  }

  /** Renders one engine event. */
  render(e: RunEvent): void {
    switch (e.type) {
      case 'runStarted':
        this.line(`${ANSI.bold}▶ Beacon Debug run ${e.runId}${ANSI.reset} — ${e.steps.length} step(s): ${e.steps.join(', ')}`);
        break;
      case 'checkStarted':
        this.line(`${ANSI.cyan}[${e.step}]${ANSI.reset} ${ANSI.dim}${e.vantage ? `(${e.vantage}) ` : ''}$ ${e.command}${ANSI.reset}`);
        break;
      case 'output': {
        const key = `${e.step}/${e.check}`;
        const text = (this.partial.get(key) ?? '') + e.text;
        const lines = text.split(/\r?\n/);
        this.partial.set(key, lines.pop() ?? '');
        for (const l of lines) this.line(`${ANSI.cyan}[${e.step}]${ANSI.reset} ${l}`);
        break;
      }
      case 'checkFinished': {
        const key = `${e.step}/${e.result.id}`;
        const rest = this.partial.get(key);
        if (rest) this.line(`${ANSI.cyan}[${e.step}]${ANSI.reset} ${rest}`);
        this.partial.delete(key);
        const c = VERDICT_COLOR[e.result.verdict] ?? '';
        this.line(`${ANSI.cyan}[${e.step}]${ANSI.reset} ${c}${e.result.verdict.toUpperCase()}${ANSI.reset} ${e.result.label}: ${e.result.reason} ${ANSI.dim}(${Math.round(e.result.durationMs)} ms${e.result.cached ? ', cached' : ''})${ANSI.reset}`);
        break;
      }
      case 'stepFinished': {
        const c = VERDICT_COLOR[e.result.verdict] ?? '';
        this.line(`${ANSI.bold}${c}■ ${e.result.id} ${e.result.verdict.toUpperCase()}${ANSI.reset} ${e.result.title} — ${e.result.reason}`);
        break;
      }
      case 'runFinished': {
        const counts = new Map<string, number>();
        for (const r of e.results) counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
        const summary = [...counts].map(([v, n]) => `${n} ${v}`).join(', ');
        this.line(`${ANSI.bold}${e.cancelled ? '✖ Run cancelled' : '✔ Run finished'}${ANSI.reset}: ${summary || 'no step ran'}`);
        this.line('');
        break;
      }
      case 'stepStarted':
        break;
    }
  }

  dispose(): void {
    this.terminal?.dispose();
    this.writeEmitter.dispose();
    this.closeEmitter.dispose();
  }
}
