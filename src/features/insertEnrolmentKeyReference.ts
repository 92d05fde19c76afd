// Insert Enrolment Key Reference: into the compose file or devcontainer.json in the active editor,
// add Enclave with the key read from the ENCLAVE_ENROLMENT_KEY environment variable — never the
// key itself — then offer to copy the line that sets that variable (bash/zsh or PowerShell), which
// is the only place the secret goes. With no such file open, offers a new untitled compose file.
import * as vscode from 'vscode';
import type { EnrolmentKey } from '../api/types';
import type { CommandContext, CommandHandler } from '../commands/context';
import { reportFailure } from '../commands/funnel';
import { resolveTargets } from '../commands/pickers';
import { getPrompter } from '../ui/prompterHolder';
import { keyName } from '../ui/promptsText';
import { addEnclaveService, ComposeLayoutError } from './composeSnippet';
import { addEnclaveToDevcontainer, DevcontainerLayoutError } from './devcontainerSnippet';
import { singleChange, targetKind, type TargetKind } from './referenceTarget';
import { envLine, KEY_VARIABLE } from './setupCommands';

const CREATE_COMPOSE = 'New Compose File';
const COPY_POSIX = 'Copy export Line (bash/zsh)';
const COPY_POWERSHELL = 'Copy $env: Line (PowerShell)';

export const handler: CommandHandler = async (ctx, node) => {
  const editor = vscode.window.activeTextEditor;
  const kind = editor ? targetKind(editor.document.uri.path, editor.document.languageId) : undefined;
  if (!editor || !kind) {
    const choice = await getPrompter().info(
      'Open a compose file (docker-compose.yml, compose.yaml) or a devcontainer.json to insert a reference to an enrolment key, or start a new compose file.',
      CREATE_COMPOSE,
    );
    if (choice !== CREATE_COMPOSE) return;
  }
  const targets = await resolveTargets(ctx, node, undefined, {
    kind: 'key',
    many: false,
    title: 'Insert Enrolment Key Reference',
    placeholder: 'Pick the enrolment key the file will use',
    nothing: 'no enrolment keys',
  });
  if (!targets) return;
  const key = targets.items[0];
  const note = !editor || !kind ? await createCompose() : await insertInto(editor, kind);
  if (note === undefined) return;
  await offerVariable(ctx, targets.orgId, key, kind ?? 'compose', note);
};

async function createCompose(): Promise<string> {
  const { text: content, service } = addEnclaveService('');
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument({ language: 'dockercompose', content });
  } catch {
    document = await vscode.workspace.openTextDocument({ language: 'yaml', content }); // no compose language installed
  }
  await vscode.window.showTextDocument(document);
  return `New compose file with service '${service}'.`;
}

/** Edits the document and says what was added; undefined (and said why) when its layout cannot take it. */
async function insertInto(editor: vscode.TextEditor, kind: TargetKind): Promise<string | undefined> {
  const document = editor.document;
  const before = document.getText();
  let after: string;
  let note = '';
  try {
    if (kind === 'compose') {
      const result = addEnclaveService(before);
      after = result.text;
      note = `Added service '${result.service}'.`;
    } else {
      const result = addEnclaveToDevcontainer(before);
      after = result.text;
      note = result.composeBased
        ? 'Added containerEnv. This dev container is built from a compose file, where runArgs do not apply: run Insert Enrolment Key Reference in that compose file too.'
        : 'Added containerEnv and runArgs (NET_ADMIN, /dev/net/tun).';
    }
  } catch (error) {
    if (!(error instanceof ComposeLayoutError || error instanceof DevcontainerLayoutError)) throw error;
    void getPrompter().warn(`Nothing was inserted into ${fileName(document)}: ${error.message}.`);
    return undefined;
  }
  if (after === before) return 'The file already references the key and grants what Enclave needs: nothing was changed.';
  const change = singleChange(before, after);
  const range = new vscode.Range(document.positionAt(change.offset), document.positionAt(change.offset + change.length));
  const applied = await editor.edit((edit) => edit.replace(range, change.text));
  if (!applied) {
    void getPrompter().warn(`Nothing was inserted into ${fileName(document)}: the editor refused the change.`);
    return undefined;
  }
  const start = document.positionAt(change.offset);
  editor.selection = new vscode.Selection(start, start);
  editor.revealRange(new vscode.Range(start, document.positionAt(change.offset + change.text.length)), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return note;
}

function fileName(document: vscode.TextDocument): string {
  return document.isUntitled ? 'the file' : document.uri.path.split('/').pop() ?? 'the file';
}

/** The secret is read only now, and only when the person asks for the line that holds it. */
async function offerVariable(ctx: CommandContext, orgId: string, listed: EnrolmentKey, kind: TargetKind, note: string): Promise<void> {
  const where = kind === 'compose' ? 'compose reads it from your shell or a .env file' : 'the dev container reads it from the environment VS Code was started in';
  const message = `${note} It reads enrolment key '${keyName(listed)}' from the ${KEY_VARIABLE} environment variable (${where}); the key itself is not in the file.`;
  const choice = await getPrompter().info(message, COPY_POSIX, COPY_POWERSHELL);
  if (choice !== COPY_POSIX && choice !== COPY_POWERSHELL) return;
  const copy = async (): Promise<void> => {
    try {
      const key = await ctx.session.call((client) => client.enrolmentKeys.get(orgId, listed.id));
      await vscode.env.clipboard.writeText(envLine(choice === COPY_POSIX ? 'posix' : 'powershell', key.key));
      ctx.log.info(`Copied the ${KEY_VARIABLE} line for enrolment key #${key.id} to the clipboard`);
      void getPrompter().info(`The line that sets ${KEY_VARIABLE} is on the clipboard: run it in the shell you start ${kind === 'compose' ? 'compose' : 'VS Code'} from.`);
    } catch (error) {
      await reportFailure(ctx, error, { what: `Enrolment key '${keyName(listed)}' could not be read`, retry: copy });
    }
  };
  await copy();
}
