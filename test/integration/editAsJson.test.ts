// Edit as JSON in the real extension host against the local Enclave-compatible server: the
// `enclave:` documents, the JSON schema diagnostics of the built-in JSON language server, and the
// save flow (diff, confirm, conflict choice, only the changed fields sent, Undo, errors that keep
// the document dirty).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EnclaveNode } from '../../src/tree/nodes';
import { Harness, orgSuite, waitFor } from './support/harness';

type Of<T extends EnclaveNode['type']> = Extract<EnclaveNode, { type: T }>;
type Doc = Record<string, unknown>;

describe('edit as JSON', () => {
  let h: Harness, org: Of<'org'>, orgId: string;
  orgSuite((suite) => ({ h, org, orgId } = suite));

  afterEach(async () => {
    // Unsaved test documents must not ask "save changes?" later: revert, then close them all.
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'enclave' && d.isDirty)) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const rows = <T extends 'system' | 'key'>(type: T): Promise<Of<T>[]> => h.entityRows(org, type);

  async function open(command: string, node: EnclaveNode): Promise<vscode.TextDocument> {
    await vscode.commands.executeCommand(command, node);
    const editor = await waitFor('the JSON document to open', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.scheme === 'enclave' ? active : undefined;
    });
    return editor.document;
  }

  const read = (doc: vscode.TextDocument): Doc => JSON.parse(doc.getText()) as Doc;

  async function replaceText(doc: vscode.TextDocument, text: string): Promise<void> {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applied');
  }

  async function change(doc: vscode.TextDocument, fields: Doc): Promise<void> {
    await replaceText(doc, `${JSON.stringify({ ...read(doc), ...fields }, null, 2)}\n`);
  }

  const patches = () => h.requests('PATCH');
  const diffTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputTextDiff);

  it('opens a system with its patchable fields only, and saves exactly the changed field', async () => {
    const node = (await rows('system')).find((n) => n.system.tags.length > 0)!;
    const onServer = h.server.store.system(orgId, node.system.systemId)!;
    const doc = await open('enclave.editSystemAsJson', node);

    assert.strictEqual(doc.languageId, 'json');
    assert.match(doc.uri.path, new RegExp(`^/${orgId}/systems/${node.system.systemId}( .*)?\\.json$`));
    const shown = read(doc);
    assert.deepStrictEqual(Object.keys(shown), ['description', 'isEnabled', 'tags', 'notes', 'gatewayRoutes', 'readOnly']);
    assert.deepStrictEqual(shown.tags, onServer.tags.map((t) => t.tag));
    assert.strictEqual((shown.readOnly as Doc).systemId, node.system.systemId);

    h.server.clearRequests();
    h.prompter.answerConfirm(true);
    await change(doc, { notes: 'Racked in Dublin', tags: [...onServer.tags.map((t) => t.tag), 'json-edited'] });
    assert.ok(doc.isDirty);
    assert.ok(await doc.save(), 'the save succeeded');

    assert.deepStrictEqual(patches().map((r) => [r.path, r.body]), [[
      `/org/${orgId}/systems/${node.system.systemId}`,
      { tags: [...node.system.tags.map((t) => t.tag), 'json-edited'], notes: 'Racked in Dublin' },
    ]]);
    assert.strictEqual(onServer.notes, 'Racked in Dublin');
    const confirm = h.prompter.messagesOf('confirm')[0];
    assert.match(confirm.message, /^Save these 2 changes to system '.+'\?$/);
    assert.match(confirm.detail ?? '', /^tags: .*\nnotes: null → "Racked in Dublin"$/);
    assert.deepStrictEqual(h.prompter.messagesOf('info').map((m) => [m.message, m.actions]), [[`Saved system '${node.system.description ?? node.system.hostname}': tags, notes changed.`, ['Undo']]]);
    assert.strictEqual(diffTabs().length, 0, 'the diff closed after the save');
    // Re-read from the server after the save: one GET after the PATCH, and the document is clean.
    await waitFor('the document to be re-read after the save', () => h.requests('GET').some((r) => r.path.endsWith(node.system.systemId) && r.timestamp >= patches()[0].timestamp));
    assert.strictEqual(doc.isDirty, false);
    assert.strictEqual(read(doc).notes, 'Racked in Dublin');
  });

  it('Undo in the confirmation restores the previous values with one PATCH', async () => {
    const node = (await rows('key')).find((n) => n.key.type === 'GeneralPurpose')!;
    const onServer = h.server.store.key(orgId, node.key.id)!;
    const before = { approvalMode: onServer.approvalMode, usesRemaining: onServer.usesRemaining };
    const doc = await open('enclave.editEnrolmentKeyAsJson', node);
    assert.ok(!doc.getText().includes(onServer.key), 'the key secret is not in the document');
    assert.ok(!('disconnectedRetentionMinutes' in read(doc)), 'no retention on a general-purpose key');

    h.prompter.answerConfirm(true).answerInfo('Undo');
    const approvalMode = before.approvalMode === 'Manual' ? 'Automatic' : 'Manual';
    await change(doc, { approvalMode, usesRemaining: 7 });
    assert.ok(await doc.save());
    await waitFor('the undo PATCH', () => patches().length === 2);
    assert.deepStrictEqual(patches().map((r) => r.body), [{ approvalMode, usesRemaining: 7 }, before]);
    await waitFor('the key back as it was', () => onServer.approvalMode === before.approvalMode && onServer.usesRemaining === before.usesRemaining);
    await waitFor('the document to show the undone values', () => read(doc).usesRemaining === before.usesRemaining);
  });

  it('Undo asks before restoring when the server changed the same field since the save, and sends nothing when declined', async () => {
    const node = (await rows('system')).filter((n) => n.system.description).slice(-1)[0];
    const onServer = h.server.store.system(orgId, node.system.systemId)!;
    const doc = await open('enclave.editSystemAsJson', node);
    h.prompter.answerConfirm(true).answerInfo(() => {
      onServer.description = 'Theirs'; // edited in the portal meanwhile
      return 'Undo';
    }).answerConfirm(false);
    await change(doc, { description: 'Mine' });
    assert.ok(await doc.save());
    const question = await waitFor('the modal question', () => h.prompter.messagesOf('confirm')[1]);
    assert.strictEqual(question.message, `System '${node.system.description}' was changed again since your edit. Restore the previous description anyway?`);
    assert.deepStrictEqual(patches().map((r) => r.body), [{ description: 'Mine' }], 'only the save was sent');
    assert.strictEqual(onServer.description, 'Theirs');
  });

  it('opens from the palette through the usual pickers, and an open item is shown, not opened twice', async () => {
    const name = h.server.store.org(orgId)!.properties.name;
    h.prompter.answerPick(name);
    await vscode.commands.executeCommand('enclave.editOrganisationAsJson');
    const doc = await waitFor('the organisation document', () => {
      const active = vscode.window.activeTextEditor?.document;
      return active?.uri.path.startsWith(`/${orgId}/organisation`) ? active : undefined;
    });
    assert.strictEqual(read(doc).name, name);
    const gets = h.requests('GET', new RegExp(`^/org/${orgId}$`)).length;
    assert.strictEqual(gets, 1, 'one GET opens the document');
    await vscode.commands.executeCommand('enclave.editOrganisationAsJson', org);
    assert.strictEqual(vscode.window.activeTextEditor?.document, doc);
    assert.strictEqual(vscode.workspace.textDocuments.filter((d) => d.uri.path.startsWith(`/${orgId}/organisation`) && d.uri.query === '').length, 1);
  });

  it('says nothing was sent when nothing changed', async () => {
    const doc = await open('enclave.editOrganisationAsJson', org);
    await change(doc, {}); // re-serialised: dirty, same values
    await replaceText(doc, `${doc.getText()} `);
    assert.ok(await doc.save());
    assert.strictEqual(patches().length, 0);
    assert.deepStrictEqual(h.prompter.messagesOf('info').map((m) => m.message), [`Nothing changed in organisation '${h.server.store.org(orgId)!.properties.name}': nothing was sent.`]);
    assert.strictEqual(h.prompter.messagesOf('confirm').length, 0);
  });

  describe('conflict: the server changed since the document was opened', () => {
    it('shows the diff, and Overwrite with Mine sends the edit', async () => {
      const node = (await rows('system'))[10];
      const onServer = h.server.store.system(orgId, node.system.systemId)!;
      const doc = await open('enclave.editSystemAsJson', node);
      const notesWhenOpened = read(doc).notes;
      onServer.notes = 'Changed in the portal meanwhile';
      let tabsDuringChoice: vscode.Tab[] = [];
      h.prompter.answerChoose('Overwrite with Mine');
      const choose = h.prompter.choose.bind(h.prompter);
      h.prompter.choose = async (message, options) => {
        tabsDuringChoice = diffTabs();
        return choose(message, options);
      };
      await change(doc, { description: 'edited-as-json' });
      assert.ok(await doc.save());

      const asked = h.prompter.messagesOf('choose')[0];
      assert.match(asked.message, /was changed on the server since you opened it\.$/);
      assert.deepStrictEqual(asked.actions, ['Overwrite with Mine', 'Discard Mine and Reload']);
      assert.strictEqual(tabsDuringChoice.length, 1, 'a diff was shown while asking');
      const diff = tabsDuringChoice[0].input as vscode.TabInputTextDiff;
      assert.strictEqual(diff.modified.toString(), doc.uri.toString());
      assert.strictEqual(diff.original.query, 'server');
      const left = await vscode.workspace.openTextDocument(diff.original);
      assert.strictEqual((JSON.parse(left.getText()) as Doc).notes, 'Changed in the portal meanwhile', 'the left side is the server now');
      // Overwrite sends what differs from the server now: the edit's description and its notes.
      assert.deepStrictEqual(patches().map((r) => r.body), [{ description: 'edited-as-json', notes: notesWhenOpened }]);
      assert.strictEqual(onServer.description, 'edited-as-json');
    });

    it('Discard Mine and Reload sends nothing and shows the server copy', async () => {
      const node = (await rows('system'))[11];
      const onServer = h.server.store.system(orgId, node.system.systemId)!;
      const doc = await open('enclave.editSystemAsJson', node);
      const notesWhenOpened = read(doc).notes;
      onServer.description = 'renamed-in-portal';
      h.prompter.answerChoose('Discard Mine and Reload');
      await change(doc, { notes: 'my notes' });
      assert.ok(await doc.save());
      assert.strictEqual(patches().length, 0);
      await waitFor('the document to show the server copy', () => read(doc).description === 'renamed-in-portal' && !doc.isDirty);
      assert.strictEqual(read(doc).notes, notesWhenOpened);
      assert.strictEqual(diffTabs().length, 0);
    });

    it('Cancel keeps the document dirty with the edit', async () => {
      const node = (await rows('system'))[12];
      const onServer = h.server.store.system(orgId, node.system.systemId)!;
      const doc = await open('enclave.editSystemAsJson', node);
      onServer.description = 'renamed-again';
      h.prompter.answerChoose(undefined);
      await change(doc, { notes: 'keep me' });
      assert.strictEqual(await doc.save(), false);
      assert.ok(doc.isDirty);
      assert.strictEqual(read(doc).notes, 'keep me');
      assert.strictEqual(patches().length, 0);
    });
  });

  describe('invalid documents', () => {
    it('the JSON language server flags bad values from the schema as the user types', async () => {
      const key = (await rows('key')).find((n) => n.key.type === 'GeneralPurpose')!;
      const doc = await open('enclave.editEnrolmentKeyAsJson', key);
      await change(doc, { approvalMode: 'Sometimes', usesRemaining: 'x', tags: ['Web Servers'] });
      const messages = await waitFor('schema diagnostics', () => {
        const found = vscode.languages.getDiagnostics(doc.uri).map((d) => d.message);
        return found.length >= 3 ? found : undefined;
      }, 20_000);
      assert.ok(messages.some((m) => /Automatic|Manual/.test(m)), `approvalMode flagged: ${messages.join(' | ')}`);
      assert.ok(messages.some((m) => /[Ii]ncorrect type|integer/.test(m)), `usesRemaining flagged: ${messages.join(' | ')}`);
      assert.ok(messages.some((m) => /web-servers|Lower-case/.test(m)), `the tag flagged: ${messages.join(' | ')}`);

      // Completion and hover come from the same schema.
      const at = doc.positionAt(doc.getText().indexOf('"Sometimes"') + 1);
      const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
      const labels = completions.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      assert.ok(labels.some((l) => l.includes('Automatic')) && labels.some((l) => l.includes('Manual')), `completion offers the modes: ${labels.join(', ')}`);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(doc.getText().indexOf('"usesRemaining"') + 2));
      const hoverText = hovers.flatMap((hv) => hv.contents.map((c) => (typeof c === 'string' ? c : c.value))).join(' ');
      assert.match(hoverText, /-1 for unlimited/);

      const system = (await rows('system'))[4];
      const systemDoc = await open('enclave.editSystemAsJson', system);
      await change(systemDoc, { gatewayRoutes: [{ subnet: '10.0.0.0/99', userEntered: true, weight: 0, name: null }], extra: 1 });
      const systemMessages = await waitFor('system schema diagnostics', () => {
        const found = vscode.languages.getDiagnostics(systemDoc.uri).map((d) => d.message);
        return found.length >= 2 ? found : undefined;
      }, 20_000);
      assert.ok(systemMessages.some((m) => /CIDR/.test(m)), systemMessages.join(' | '));
      assert.ok(systemMessages.some((m) => /extra/.test(m)), systemMessages.join(' | '));
    });

    it('refuses to save an invalid document: nothing is sent, the document stays dirty', async () => {
      const key = (await rows('key')).find((n) => n.key.type === 'GeneralPurpose')!;
      const doc = await open('enclave.editEnrolmentKeyAsJson', key);
      await change(doc, { approvalMode: 'Sometimes' });
      assert.strictEqual(await doc.save(), false);
      await change(doc, { approvalMode: 'Manual', usesRemaining: 'x' });
      assert.strictEqual(await doc.save(), false);
      await change(doc, { usesRemaining: 3, tags: ['Web Servers'] });
      assert.strictEqual(await doc.save(), false);
      await replaceText(doc, '{ "description": ');
      assert.strictEqual(await doc.save(), false);
      assert.ok(doc.isDirty);
      assert.strictEqual(doc.getText(), '{ "description": ');
      assert.strictEqual(patches().length, 0, 'no PATCH was sent');
      const warnings = h.prompter.messagesOf('warn').map((m) => m.message);
      assert.strictEqual(warnings.length, 4);
      assert.match(warnings[0], /^The enrolment key was not saved: approvalMode must be one of "Automatic", "Manual", not "Sometimes"\. Nothing was sent/);
      assert.match(warnings[1], /usesRemaining must be a whole number/);
      assert.match(warnings[2], /"Web Servers" is not a valid tag/);
      assert.match(warnings[3], /not valid JSON/);
    });

    it('without the copy it was opened from (a reloaded window), checks the edit against the server\'s copy', async () => {
      // Never read in this window, so there is no opened copy: a save straight to the file system.
      const [node] = (await rows('system')).filter((n) => n.system.tags.length > 0).slice(-1);
      const uri = vscode.Uri.parse(`enclave:/${orgId}/systems/${node.system.systemId}.json`);
      const edit = { description: 'renamed', isEnabled: true, notes: null, gatewayRoutes: [], secretField: 1 };
      await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(edit)))));
      assert.strictEqual(patches().length, 0, 'no PATCH was sent');
      // The other problem: 'tags' was left out (it would have been sent as a clear).
      const [warning] = h.prompter.messagesOf('warn').map((m) => m.message);
      assert.match(warning ?? '', /^The system was not saved: 'secretField' is not a field you can edit here: remove it \(and 1 more problem\)\./);
    });

    it('an API refusal (400) keeps the dirty document and says why through the funnel', async () => {
      const doc = await open('enclave.editOrganisationAsJson', org);
      h.server.injectFault({ kind: 'error', status: 400, errors: { Name: ['That name is taken.'] } }, { method: 'PATCH' });
      h.prompter.answerConfirm(true);
      await change(doc, { name: 'Taken Name' });
      assert.strictEqual(await doc.save(), false);
      assert.ok(doc.isDirty);
      assert.strictEqual(read(doc).name, 'Taken Name');
      const errors = await waitFor('the error message', () => h.prompter.messagesOf('error'));
      assert.match(errors[0].message, /^Organisation '.+' could not be saved: That name is taken\.$/);
      // Saving again (the fault is spent) goes through.
      h.prompter.answerConfirm(true);
      assert.ok(await doc.save());
      assert.strictEqual(h.server.store.org(orgId)!.properties.name, 'Taken Name');
      await waitFor('the tree to show the new name', async () => (await h.children()).some((n) => n.type === 'org' && n.org.orgName === 'Taken Name'));
    });
  });
});
