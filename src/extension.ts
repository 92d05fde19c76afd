import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('enclave.signIn', () => undefined),
    vscode.commands.registerCommand('enclave.signOut', () => undefined),
    vscode.commands.registerCommand('enclave.refresh', () => undefined),
    vscode.commands.registerCommand('enclave.showLog', () => undefined),
  );
}

export function deactivate(): void {}
