import * as vscode from 'vscode';
import type { Services } from '../services';
import { InstrumentationCodeLensProvider } from './codeLensProvider';

/** The workspace scan for marker blocks starts this long after activation. */
const FIRST_SCAN_DELAY_MS = 1000;

/**
 * The code lens provider is registered from the start (VS Code asks for lenses as soon as a Go file
 * is open); the documents, the parser and the rest of the feature are built on the first request.
 */
export function registerCodeLenses(s: Services): vscode.Disposable[] {
  const lenses = new InstrumentationCodeLensProvider(() => s.instrumentation.docs, s.log);
  const timer = setTimeout(() => void s.instrumentation.markers.rescan(), FIRST_SCAN_DELAY_MS);
  return [
    lenses,
    vscode.languages.registerCodeLensProvider([{ language: 'go', scheme: 'file' }, { language: 'go', scheme: 'untitled' }], lenses),
    { dispose: () => clearTimeout(timer) },
  ];
}
