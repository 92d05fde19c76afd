import * as vscode from 'vscode';
import { shared } from './shared';

/** Opens a URL outside VS Code (the browser); resolves to whether it was opened. */
export type ExternalOpener = (uri: vscode.Uri) => Thenable<boolean>;

const openWithVsCode: ExternalOpener = (uri) => vscode.env.openExternal(uri);
const holder = shared<{ current: ExternalOpener }>('externalOpener', () => ({ current: openWithVsCode }));

/**
 * The opener in force: VS Code's, unless an integration test swapped it through the test API.
 * Tests need that because a test workbench refuses the "open external website?" dialog that
 * VS Code shows first, so the real call fails there before anything is opened.
 */
export function openExternal(uri: vscode.Uri): Thenable<boolean> {
  return holder.current(uri);
}

/** Installs an opener; undefined puts VS Code's back. */
export function setExternalOpener(opener: ExternalOpener | undefined): void {
  holder.current = opener ?? openWithVsCode;
}
