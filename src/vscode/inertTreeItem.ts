import * as vscode from 'vscode';
import { inertText } from '../shared/inertText';

/**
 * The tree views' sink gate: every label, description, tooltip and accessibility label of an item
 * passes the one sanitiser, whatever part of it came from outside (a check's reason, a fact's
 * proof line). Tooltips stay untrusted markdown: no command links, no HTML.
 */
export function inertTreeItem(item: vscode.TreeItem): vscode.TreeItem {
  if (typeof item.label === 'string') item.label = inertText(item.label);
  else if (item.label) item.label = { ...item.label, label: inertText(item.label.label) };
  if (typeof item.description === 'string') item.description = inertText(item.description);
  if (typeof item.tooltip === 'string') item.tooltip = inertText(item.tooltip);
  else if (item.tooltip) {
    const md = new vscode.MarkdownString(inertText(item.tooltip.value), item.tooltip.supportThemeIcons);
    md.isTrusted = false;
    md.supportHtml = false;
    item.tooltip = md;
  }
  if (item.accessibilityInformation) item.accessibilityInformation = { ...item.accessibilityInformation, label: inertText(item.accessibilityInformation.label) };
  return item;
}
