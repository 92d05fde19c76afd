// Opening an entity as a JSON document. The command fetches the entity first (so a failure is
// reported by the error funnel with the API's own words) and primes the file system with it, so
// opening costs one GET. An entity already open is shown in its tab rather than opened twice.
import * as vscode from 'vscode';
import type { CommandContext } from '../../commands/context';
import { prime } from './fileSystem';
import { KINDS } from './kinds';
import { docPath, parseDocPath, sameTarget, SCHEME, type DocTarget } from './uris';

export async function openJsonDocument(ctx: CommandContext, target: DocTarget): Promise<vscode.TextEditor> {
  const open = vscode.workspace.textDocuments.find((d) => {
    const other = d.uri.scheme === SCHEME && d.uri.query === '' ? parseDocPath(d.uri.path) : undefined;
    return other !== undefined && sameTarget(other, target);
  });
  if (open) return vscode.window.showTextDocument(open, { preview: false });
  const spec = KINDS[target.kind];
  const entity = await ctx.session.call((client) => spec.load(client, target));
  const uri = vscode.Uri.from({ scheme: SCHEME, path: docPath(target, spec.nameOf(entity)) });
  prime(uri, entity);
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}
