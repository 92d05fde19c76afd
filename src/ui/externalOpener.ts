import * as vscode from 'vscode';

/** Opens a URL outside VS Code (the browser); resolves to whether it was opened. */
export type ExternalOpener = (uri: vscode.Uri) => Thenable<boolean>;

const openWithVsCode: ExternalOpener = (uri) => vscode.env.openExternal(uri);
let current: ExternalOpener = openWithVsCode;

/**
 * The opener in force: VS Code's, unless an integration test swapped it through the test API.
 * Tests need that because a test workbench refuses the "open external website?" dialog that
 * VS Code shows first, so the real call fails there before anything is opened.
 */
export function openExternal(uri: vscode.Uri): Thenable<boolean> {
  return current(uri);
}

/** Installs an opener; undefined puts VS Code's back. */
export function setExternalOpener(opener: ExternalOpener | undefined): void {
  current = opener ?? openWithVsCode;
}
