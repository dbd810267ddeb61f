import type * as Crypto from 'node:crypto';
import * as vscode from 'vscode';

export const RESULTS_VIEW_TYPE = 'beaconDebug.results';
export const RESULTS_TITLE = 'Beacon Debug Results';

/** The webview may load files from `media/` only, and may not use command links. */
export function resultsWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableForms: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
    enableFindWidget: true,
    retainContextWhenHidden: false,
  };
}

/**
 * The page: a strict CSP (nothing but our nonce'd script, our stylesheets and the codicon font from
 * `media/`; no network, no eval, no inline styles or handlers), an empty body the script fills.
 */
export function resultsHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  // node:crypto loads with the first page, not with the extension
  const nonce = (require('node:crypto') as typeof Crypto).randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
  const media = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', ...p)).toString();
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link id="vscode-codicon-stylesheet" rel="stylesheet" href="${media('vendor', 'codicons', 'codicon.css')}">
<link rel="stylesheet" href="${media('results', 'results.css')}">
<title>${RESULTS_TITLE}</title>
</head>
<body>
<noscript>The results page needs scripts enabled.</noscript>
<script nonce="${nonce}" src="${media('results', 'results.js')}"></script>
</body>
</html>`;
}
