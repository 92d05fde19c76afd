import * as vscode from 'vscode';
import type { ItemView } from './itemView';
import type { EnclaveNode } from './nodes';

/** An ItemView as a vscode.TreeItem, with the node's stable id. */
export function toTreeItem(node: EnclaveNode, view: ItemView): vscode.TreeItem {
  const item = new vscode.TreeItem(
    view.label,
    view.collapsible === 'collapsed' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
  );
  item.id = node.id;
  item.description = view.description;
  item.contextValue = view.contextValue;
  if (view.icon) item.iconPath = new vscode.ThemeIcon(view.icon.id, view.icon.color ? new vscode.ThemeColor(view.icon.color) : undefined);
  if (view.tooltip) {
    // Untrusted and without HTML: the text comes from the API (and is escaped as well).
    const markdown = new vscode.MarkdownString(view.tooltip, false);
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    item.tooltip = markdown;
  }
  if (view.command) {
    item.command = { command: view.command.id, title: view.command.title, arguments: view.command.withNode ? [node] : [] };
  }
  // A screen reader hears the state ("Disabled · Windows") along with the name.
  item.accessibilityInformation = { label: view.description ? `${view.label}, ${view.description}` : view.label };
  return item;
}
