// Saving an Edit-as-JSON document: check it (never send an invalid PATCH), fetch the server's copy,
// show it beside the edit as a diff, and ask. When the server's copy changed since the document
// was opened, that is a conflict: Overwrite with Mine / Discard Mine and Reload / Cancel. Only the
// fields that differ from the server's copy are sent, and the confirmation offers Undo.
//
// Whatever stops a save (a refusal, Cancel, an API error) throws, so VS Code keeps the document
// dirty with everything typed and the user can simply save again.
import * as vscode from 'vscode';
import type { CommandContext } from '../../commands/context';
import { reasonFor } from '../../commands/describeError';
import { reportFailure } from '../../commands/funnel';
import { savePatch } from '../../commands/mutate';
import { getPrompter } from '../../ui/prompterHolder';
import { sentence } from '../../ui/promptsText';
import { changedFields, conflicts, patchOf } from './changes';
import { check } from './checks';
import { docOf, parse, render, type Json, type JsonObject } from './documents';
import { KINDS } from './kinds';
import { undoOffer } from './undo';
import type { DocTarget } from './uris';

export interface SaveHost {
  readonly ctx: CommandContext;
  fetch(target: DocTarget): Promise<unknown>;
  openedCopy(uri: vscode.Uri): JsonObject | undefined;
  setServerCopy(uri: vscode.Uri, text: string): void;
  reloadWhenSaved(uri: vscode.Uri): void;
  changed(uri: vscode.Uri): void;
}

export const OVERWRITE = 'Overwrite with Mine';
export const DISCARD = 'Discard Mine and Reload';
export const SAVE = 'Save';

/** Thrown to keep the document dirty; VS Code shows it as "Failed to save '…': <message>". */
function notSaved(why: string): Error {
  return vscode.FileSystemError.Unavailable(`Not saved: ${why}`);
}

const SHOWN_MAX = 60;

function shown(value: Json | undefined): string {
  const text = JSON.stringify(value ?? null);
  return text.length > SHOWN_MAX ? `${text.slice(0, SHOWN_MAX - 1)}…` : text;
}

/** "description: "web-01" → "web-02"", one line per changed field. */
export function changeLines(from: JsonObject, to: JsonObject, fields: readonly string[]): string {
  return fields.map((f) => `${f}: ${shown(from[f])} → ${shown(to[f])}`).join('\n');
}

export async function runSave(host: SaveHost, uri: vscode.Uri, target: DocTarget, text: string): Promise<void> {
  const { ctx } = host;
  const spec = KINDS[target.kind];
  const prompter = getPrompter();
  const parsed = parse(text);
  /** Nothing is sent for a document with problems: say the first, keep the editor dirty. */
  const refuse = (problems: readonly { readonly message: string }[]): never => {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    const why = `${problems[0].message.replace(/\.$/, '')}${more}`;
    ctx.log.info(`Edit as JSON: ${uri.path} not saved, invalid: ${problems.map((p) => p.message).join(' | ')}`);
    void prompter.warn(`The ${spec.noun} was not saved: ${why}. Nothing was sent; correct the document and save again.`);
    throw notSaved(why);
  };
  if (!parsed.ok) return refuse([{ message: parsed.message }]);
  const edit = parsed.doc;
  // The edit is checked against the copy it was opened from; without one (the window reloaded
  // with the editor still dirty), against the server's copy, once it is read below.
  const opened = host.openedCopy(uri);
  if (opened) {
    const problems = check(target.kind, edit, opened);
    if (problems.length > 0) refuse(problems);
  }

  let entity: unknown;
  try {
    entity = await host.fetch(target);
  } catch (error) {
    void reportFailure(ctx, error, { what: `The ${spec.noun} could not be saved: its current copy could not be read` });
    throw notSaved(reasonFor(error, ctx.session.apiUrl));
  }
  const name = spec.nameOf(entity);
  const now = docOf(target.kind, entity);
  if (!opened) {
    const problems = check(target.kind, edit, now);
    if (problems.length > 0) refuse(problems);
  }
  const changed = changedFields(now, edit);
  const conflict = opened !== undefined && conflicts(opened, now);
  if (changed.length === 0) {
    host.reloadWhenSaved(uri);
    void prompter.info(`Nothing changed in ${spec.noun} '${name}': nothing was sent.`);
    return;
  }

  host.setServerCopy(uri, render(now));
  const diff = await showDiff(uri, `${decodeURIComponent(uri.path.split('/').pop() ?? '')}: server now ↔ your edit`);
  const lines = changeLines(now, edit, changed);
  if (conflict) {
    const choice = await prompter.choose(`${sentence(spec.noun)} '${name}' was changed on the server since you opened it.`, {
      detail: `The diff shows the server's copy now (left) and your edit (right). Overwrite with Mine sends:\n${lines}`,
      choices: [OVERWRITE, DISCARD],
    });
    if (choice === DISCARD) {
      await closeTab(diff);
      host.reloadWhenSaved(uri);
      void prompter.info(`Your edit of ${spec.noun} '${name}' was discarded: the document shows the server's copy.`);
      return;
    }
    if (choice !== OVERWRITE) throw notSaved('you chose to keep editing (the diff shows what the server has now).');
  } else {
    const confirmed = await prompter.confirm(`Save ${changed.length === 1 ? 'this change' : `these ${changed.length} changes`} to ${spec.noun} '${name}'?`, { detail: lines, confirm: SAVE });
    if (!confirmed) throw notSaved('you chose to keep editing.');
  }

  const patch = patchOf(edit, changed);
  try {
    await savePatch(ctx, { ...spec, name, orgId: target.orgId, changed }, (client, signal) => spec.save(client, target, patch, signal));
  } catch (error) {
    // Not awaited: the message waits for the user, and the save must end (dirty) now.
    void reportFailure(ctx, error, { what: `${sentence(spec.noun)} '${name}' could not be saved` });
    throw notSaved(reasonFor(error, ctx.session.apiUrl));
  }
  ctx.log.info(`Edit as JSON: saved ${spec.noun} '${name}': ${changed.join(', ')}`);
  await closeTab(diff);
  host.reloadWhenSaved(uri);
  undoOffer(host, uri, target, { name, changed, previous: patchOf(now, changed), sent: patch });
}

/** The server's copy (left, read-only) beside the document itself (right, still editable). */
async function showDiff(uri: vscode.Uri, title: string): Promise<vscode.Uri> {
  const left = uri.with({ query: 'server' });
  await vscode.commands.executeCommand('vscode.diff', left, uri, title, { preview: true });
  return left;
}

async function closeTab(left: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.original.toString() === left.toString());
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
}
