// The `enclave:` file system (Edit as JSON) must be registered at activation, so that a document
// restored with the window opens. This shim is all the main bundle holds: the implementation is
// in the feature bundle (src/features/json/fileSystem.ts), loaded on the first real use.
import * as vscode from 'vscode';
import type { CommandContext } from '../commands/context';
import { loadFeatures } from '../commands/lazyFeatures';

export function registerEnclaveFileSystem(ctx: CommandContext): vscode.Disposable {
  const changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  let real: vscode.FileSystemProvider & vscode.Disposable | undefined;
  const fs = (): vscode.FileSystemProvider => (real ??= loadFeatures().createJsonFileSystem(ctx, (events) => changes.fire(events)));
  const provider: vscode.FileSystemProvider = {
    onDidChangeFile: changes.event,
    watch: () => new vscode.Disposable(() => undefined),
    stat: (uri) => fs().stat(uri),
    readDirectory: (uri) => fs().readDirectory(uri),
    createDirectory: (uri) => fs().createDirectory(uri),
    readFile: (uri) => fs().readFile(uri),
    writeFile: (uri, content, options) => fs().writeFile(uri, content, options),
    delete: (uri, options) => fs().delete(uri, options),
    rename: (from, to, options) => fs().rename(from, to, options),
  };
  const registration = vscode.workspace.registerFileSystemProvider('enclave', provider, { isCaseSensitive: true });
  return new vscode.Disposable(() => {
    registration.dispose();
    real?.dispose();
    changes.dispose();
  });
}
