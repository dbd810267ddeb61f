import * as vscode from 'vscode';

/**
 * Every dialog, picker, save dialog and clipboard write goes through this service so that
 * integration tests can replace it and assert the exact text the user was shown.
 */
export interface Prompts {
  /** Modal confirmation. Resolves to the chosen action label, or undefined when dismissed. */
  confirm(message: string, detail: string, ...actions: string[]): Promise<string | undefined>;
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  warn(message: string, ...actions: string[]): Promise<string | undefined>;
  error(message: string, ...actions: string[]): Promise<string | undefined>;
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined>;
  input(options: vscode.InputBoxOptions): Promise<string | undefined>;
  saveFile(options: vscode.SaveDialogOptions): Promise<vscode.Uri | undefined>;
  openFile(options: vscode.OpenDialogOptions): Promise<vscode.Uri | undefined>;
  writeClipboard(text: string): Promise<void>;
}

export class VscodePrompts implements Prompts {
  async confirm(message: string, detail: string, ...actions: string[]) {
    return vscode.window.showWarningMessage(message, { modal: true, detail }, ...actions);
  }
  async info(message: string, ...actions: string[]) {
    return vscode.window.showInformationMessage(message, ...actions);
  }
  async warn(message: string, ...actions: string[]) {
    return vscode.window.showWarningMessage(message, ...actions);
  }
  async error(message: string, ...actions: string[]) {
    return vscode.window.showErrorMessage(message, ...actions);
  }
  async pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions) {
    return vscode.window.showQuickPick(items, options);
  }
  async input(options: vscode.InputBoxOptions) {
    return vscode.window.showInputBox(options);
  }
  async saveFile(options: vscode.SaveDialogOptions) {
    return vscode.window.showSaveDialog(options);
  }
  async openFile(options: vscode.OpenDialogOptions) {
    return (await vscode.window.showOpenDialog({ ...options, canSelectMany: false }))?.[0];
  }
  async writeClipboard(text: string) {
    await vscode.env.clipboard.writeText(text);
  }
}

/** A prompts service that records every call and answers from a queue; for tests. */
export class RecordingPrompts implements Prompts {
  readonly calls: { kind: string; message: string; detail?: string; actions?: string[] }[] = [];
  /** Answers given in order; `undefined` means "dismissed". */
  readonly answers: (string | undefined)[] = [];
  pickAnswer: ((items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem | undefined) | undefined;
  inputAnswer: string | undefined;
  saveAnswer: vscode.Uri | undefined;
  openAnswer: vscode.Uri | undefined;
  clipboard = '';
  private next() {
    return this.answers.length ? this.answers.shift() : undefined;
  }
  async confirm(message: string, detail: string, ...actions: string[]) {
    this.calls.push({ kind: 'confirm', message, detail, actions });
    return this.next();
  }
  async info(message: string, ...actions: string[]) {
    this.calls.push({ kind: 'info', message, actions });
    return actions.length ? this.next() : undefined;
  }
  async warn(message: string, ...actions: string[]) {
    this.calls.push({ kind: 'warn', message, actions });
    return actions.length ? this.next() : undefined;
  }
  async error(message: string, ...actions: string[]) {
    this.calls.push({ kind: 'error', message, actions });
    return actions.length ? this.next() : undefined;
  }
  async pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions) {
    this.calls.push({ kind: 'pick', message: options.placeHolder ?? options.title ?? '', actions: items.map((i) => i.label) });
    return this.pickAnswer ? (this.pickAnswer(items) as T | undefined) : undefined;
  }
  async input(options: vscode.InputBoxOptions) {
    this.calls.push({ kind: 'input', message: options.prompt ?? options.title ?? '' });
    return this.inputAnswer;
  }
  async saveFile(options: vscode.SaveDialogOptions) {
    this.calls.push({ kind: 'saveFile', message: options.title ?? '' });
    return this.saveAnswer;
  }
  async openFile(options: vscode.OpenDialogOptions) {
    this.calls.push({ kind: 'openFile', message: options.title ?? '' });
    return this.openAnswer;
  }
  async writeClipboard(text: string) {
    this.calls.push({ kind: 'clipboard', message: text.slice(0, 200) });
    this.clipboard = text;
  }
}

/**
 * The prompts service handed to every component: forwards to the real dialogs, or to whatever
 * a test installed through the extension API.
 */
export class SwitchablePrompts implements Prompts {
  constructor(public current: Prompts = new VscodePrompts()) {}
  confirm(message: string, detail: string, ...actions: string[]) {
    return this.current.confirm(message, detail, ...actions);
  }
  info(message: string, ...actions: string[]) {
    return this.current.info(message, ...actions);
  }
  warn(message: string, ...actions: string[]) {
    return this.current.warn(message, ...actions);
  }
  error(message: string, ...actions: string[]) {
    return this.current.error(message, ...actions);
  }
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions) {
    return this.current.pick(items, options);
  }
  input(options: vscode.InputBoxOptions) {
    return this.current.input(options);
  }
  saveFile(options: vscode.SaveDialogOptions) {
    return this.current.saveFile(options);
  }
  openFile(options: vscode.OpenDialogOptions) {
    return this.current.openFile(options);
  }
  writeClipboard(text: string) {
    return this.current.writeClipboard(text);
  }
}
