/**
 * A tree row as plain data: what treeItem.ts turns into a vscode.TreeItem. Keeping it free of
 * `vscode` lets unit tests check every label, description, icon and context value directly.
 */
export interface ItemView {
  readonly label: string;
  readonly description?: string;
  /** Markdown source; every API-supplied value in it is escaped (markdown.ts). */
  readonly tooltip?: string;
  /** A codicon id, with an optional theme colour id as an extra cue (never the only one). */
  readonly icon?: { readonly id: string; readonly color?: string };
  readonly contextValue: string;
  readonly collapsible: 'none' | 'collapsed';
  /** Run on click; `withNode` passes the row's node as the argument. */
  readonly command?: { readonly id: string; readonly title: string; readonly withNode: boolean };
  /** Epoch ms when the row's text changes by itself (a remaining time counting down). */
  readonly changesAt?: number;
}
