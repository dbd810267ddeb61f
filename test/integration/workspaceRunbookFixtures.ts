// Runbook files the workspace runbook tests write into the test workspace.
import * as vscode from 'vscode';

export const SMALL_RUNBOOK = `schemaVersion: 1
id: small
title: Small runbook
keyInsight: { title: '', text: '' }
quickWins:
  title: Quick checks
  text: ''
  steps:
    - id: hello
      title: Say hello
      text: prints a greeting
      checks:
        - id: cmd-1
          label: echo
          probe: { type: script, shell: sh, script: 'echo hello-from-runbook' }
          extract: [{ regex: 'hello-from-runbook', fact: '$seen', otherwise: false }]
          rules: [{ when: { fact: '$seen', op: falsy }, verdict: fail, reason: 'no greeting' }]
          otherwise: { verdict: pass, reason: 'greeted' }
phases: []
`;

export function workspaceRoot(): string {
  return vscode.workspace.workspaceFolders![0].uri.fsPath;
}
