// The `enclave:` file system behind Edit as JSON. Reading a document fetches the entity and
// remembers that copy as the one the editor was opened from (the base of the conflict check);
// writing runs the save flow of save.ts. `?server` beside a document's path is the read-only
// copy of the server's version that the save's diff shows on its left.
//
// VS Code reloads a document that is not dirty when its file changes (an mtime newer than the one
// it read): that is how a saved, discarded or undone document comes to show the server's copy.
import * as vscode from 'vscode';
import type { CommandContext } from '../../commands/context';
import { isGone, reasonFor } from '../../commands/describeError';
import { docOf, render, type JsonObject } from './documents';
import { KINDS } from './kinds';
import { runSave, type SaveHost } from './save';
import { parseDocPath, type DocTarget } from './uris';

const encoder = new TextEncoder();
const SERVER_QUERY = 'server';

/** An entity just fetched by the command that opens it: the first read uses it instead of a second GET. */
const primed = new Map<string, { entity: unknown; at: number }>();
const PRIME_MS = 5_000;
const RELOAD_FALLBACK_MS = 3_000;

export function prime(uri: vscode.Uri, entity: unknown): void {
  primed.set(keyOf(uri), { entity, at: Date.now() });
}

function keyOf(uri: vscode.Uri): string {
  return uri.with({ query: '', fragment: '' }).toString();
}

export function serverUri(uri: vscode.Uri): vscode.Uri {
  return uri.with({ query: SERVER_QUERY });
}

export class JsonFileSystem implements vscode.FileSystemProvider, SaveHost {
  /** Per document: the copy it was opened from (patchable fields and readOnly), as a document. */
  private readonly opened = new Map<string, JsonObject>();
  /** Per document: the server's copy the last save compared against (the diff's left side). */
  private readonly serverCopies = new Map<string, string>();
  private readonly mtimes = new Map<string, number>();
  private readonly sizes = new Map<string, number>();
  private readonly reloadAfterSave = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(readonly ctx: CommandContext, private readonly fire: (events: vscode.FileChangeEvent[]) => void) {
    // The save's own post-write stat must see the old mtime, or VS Code would not reload: the
    // change is announced only once the editor has finished saving.
    this.subscriptions.push(vscode.workspace.onDidSaveTextDocument((doc) => {
      if (this.reloadAfterSave.delete(keyOf(doc.uri))) this.changed(doc.uri);
    }));
  }

  readonly onDidChangeFile: vscode.Event<vscode.FileChangeEvent[]> = () => new vscode.Disposable(() => undefined);

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const target = parseDocPath(uri.path);
    if (!target) {
      if (/^\/([^/]+(\/(systems|enrolment-keys))?)?\/?$/.test(uri.path)) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    const key = keyOf(uri) + (uri.query === SERVER_QUERY ? '?server' : '');
    if (!this.mtimes.has(key)) this.mtimes.set(key, Date.now());
    return {
      type: vscode.FileType.File, ctime: 0, mtime: this.mtimes.get(key)!, size: this.sizes.get(key) ?? 0,
      permissions: uri.query === SERVER_QUERY ? vscode.FilePermission.Readonly : undefined,
    };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const target = this.targetOf(uri);
    const key = keyOf(uri);
    if (uri.query === SERVER_QUERY) {
      const copy = this.serverCopies.get(key) ?? render(docOf(target.kind, await this.fetchForEditor(target)));
      return encoder.encode(copy);
    }
    const hit = primed.get(key);
    primed.delete(key);
    const entity = hit && Date.now() - hit.at < PRIME_MS ? hit.entity : await this.fetchForEditor(target);
    const doc = docOf(target.kind, entity);
    // A read while the user has unsaved edits (e.g. "compare with saved") must not move the base
    // of their edit: only a document that shows this copy takes it as its base.
    if (!this.isDirty(uri)) this.opened.set(key, doc);
    const bytes = encoder.encode(render(doc));
    this.sizes.set(key, bytes.byteLength);
    return bytes;
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    if (uri.query === SERVER_QUERY) throw vscode.FileSystemError.NoPermissions('This is the server\'s copy, shown for comparison: edit the document itself.');
    await runSave(this, uri, this.targetOf(uri), new TextDecoder().decode(content));
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  // ---- SaveHost: what the save flow needs from here --------------------------------------

  async fetch(target: DocTarget): Promise<unknown> {
    const spec = KINDS[target.kind];
    try {
      return await this.ctx.session.call((client) => spec.load(client, target));
    } catch (error) {
      // Deleted elsewhere: its list reloads so the tree drops the row too.
      if (isGone(error) && spec.affects.length > 0) void this.ctx.store.invalidate(target.orgId, spec.affects).catch(() => undefined);
      throw error;
    }
  }

  /** A read for the editor: its errors become file system errors, which the editor shows in place. */
  private async fetchForEditor(target: DocTarget): Promise<unknown> {
    try {
      return await this.fetch(target);
    } catch (error) {
      const noun = KINDS[target.kind].noun;
      if (isGone(error)) throw vscode.FileSystemError.FileNotFound(`This ${noun} no longer exists: it may have been removed in the portal.`);
      throw vscode.FileSystemError.Unavailable(`The ${noun} could not be read: ${reasonFor(error, this.ctx.session.apiUrl)}.`);
    }
  }

  openedCopy(uri: vscode.Uri): JsonObject | undefined {
    return this.opened.get(keyOf(uri));
  }

  setServerCopy(uri: vscode.Uri, text: string): void {
    this.serverCopies.set(keyOf(uri), text);
    const key = `${keyOf(uri)}?server`;
    this.mtimes.set(key, (this.mtimes.get(key) ?? 0) + 1);
    this.sizes.set(key, encoder.encode(text).byteLength);
    this.fire([{ type: vscode.FileChangeType.Changed, uri: serverUri(uri) }]);
  }

  /** After this save completes, the document re-reads the server's copy. */
  reloadWhenSaved(uri: vscode.Uri): void {
    const key = keyOf(uri);
    this.reloadAfterSave.add(key);
    // A write that was not a document's save (workspace.fs) has no save event to wait for.
    setTimeout(() => this.reloadAfterSave.delete(key) && this.changed(uri), RELOAD_FALLBACK_MS);
  }

  /** The entity changed on the server: documents that are not dirty re-read it. */
  changed(uri: vscode.Uri): void {
    const key = keyOf(uri);
    this.mtimes.set(key, Math.max(Date.now(), (this.mtimes.get(key) ?? 0) + 1));
    this.fire([{ type: vscode.FileChangeType.Changed, uri: uri.with({ query: '' }) }]);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }

  private isDirty(uri: vscode.Uri): boolean {
    const key = keyOf(uri);
    return vscode.workspace.textDocuments.some((d) => d.isDirty && keyOf(d.uri) === key);
  }

  private targetOf(uri: vscode.Uri): DocTarget {
    const target = parseDocPath(uri.path);
    if (!target) throw vscode.FileSystemError.FileNotFound(uri);
    return target;
  }
}
