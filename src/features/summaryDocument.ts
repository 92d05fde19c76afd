// Read-only reports (the clean-up's dry run) as virtual documents: nothing to save, nothing asks
// "save changes?" on close, and the text cannot be edited into something it did not say. The
// provider is registered the first time a report opens (the feature bundle is loaded by then),
// owned by the extension context; it is used by this bundle only, so a module variable is enough.
import * as vscode from 'vscode';

export const SUMMARY_SCHEME = 'enclave-report';

class Reports implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }
}

let reports: Reports | undefined;

function provider(context: vscode.ExtensionContext): Reports {
  if (!reports) {
    const created = new Reports();
    context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(SUMMARY_SCHEME, created), { dispose: () => (reports = undefined) });
    reports = created;
  }
  return reports;
}

/** Opens (or refreshes) the report `title` beside nothing else: a preview tab that keeps focus for the next prompt. */
export async function showReport(context: vscode.ExtensionContext, title: string, markdown: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.from({ scheme: SUMMARY_SCHEME, path: `/${title.replace(/[\\/]/g, '-')}.md` });
  provider(context).set(uri, markdown);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: true, preserveFocus: true });
  return document;
}
