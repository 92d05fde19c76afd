// The entity actions run from the command palette (no tree node) against a server with a single
// organisation: the organisation is not asked for, the entity is picked by label from items the
// API returned (only those the action applies to), and the copy / portal actions.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EnclaveNode } from '../../src/tree/nodes';
import { Harness } from './support/harness';

type Of<T extends EnclaveNode['type']> = Extract<EnclaveNode, { type: T }>;

describe('entity actions: from the command palette', () => {
  let h: Harness;
  let orgId: string;

  before(async () => {
    h = await Harness.start({ server: { orgs: 1, systemsPerOrg: 30, keysPerOrg: 6, unapprovedPerOrg: 3 } });
    orgId = h.server.store.orgs[0].id;
  });
  beforeEach(() => {
    h.prompter.reset();
    h.server.clearRequests();
  });
  after(() => h.stop());

  const nameOf = (s: { description?: string | null; hostname?: string | null; systemId: string }) => s.description || s.hostname || s.systemId;

  it('disables a system picked by label; the organisation is not asked for', async () => {
    const systems = h.server.store.systems(orgId);
    const target = systems.find((s) => s.isEnabled && s.description)!;
    const enabled = systems.filter((s) => s.isEnabled).map(nameOf).sort();
    // By label; labels can repeat (two "Home Lab Pi"), and the description starting with the ID tells them apart.
    h.prompter.answerPickMany([(item) => item.label === target.description && (item.description ?? '').startsWith(target.systemId)]).answerConfirm(true);
    await vscode.commands.executeCommand('enclave.disableSystem');

    assert.strictEqual(h.prompter.picks.length, 1, 'only the systems were picked: one organisation needs no question');
    const [pick] = h.prompter.picks;
    assert.strictEqual(pick.many, true);
    // Offered: every enabled system the API has (not only the tree's loaded page), no disabled one.
    assert.deepStrictEqual([...pick.labels].sort(), enabled);
    const [list] = h.requests('GET', /\/systems$/);
    assert.deepStrictEqual([list.query.include_disabled, list.query.per_page], ['true', '200']);
    assert.strictEqual(h.server.store.system(orgId, target.systemId)?.isEnabled, false);
    assert.strictEqual(h.prompter.messagesOf('confirm')[0].message, `Disable system '${target.description}'?`);
  });

  it('enable offers only disabled systems', async () => {
    const disabled = h.server.store.systems(orgId).filter((s) => !s.isEnabled);
    assert.ok(disabled.length > 0);
    h.prompter.answerPickMany(undefined);
    await vscode.commands.executeCommand('enclave.enableSystem');
    assert.deepStrictEqual([...h.prompter.picks[0].labels].sort(), disabled.map(nameOf).sort());
    assert.deepStrictEqual(h.requests('PUT'), [], 'cancelling the pick sends nothing');
    assert.deepStrictEqual(h.prompter.messages, [], 'and says nothing');
  });

  it('approves pending systems picked by label, with the bulk endpoint for two', async () => {
    const [a, b] = h.server.store.unapprovedSystems(orgId);
    h.prompter.answerPickMany([nameOf(a), nameOf(b)]);
    await vscode.commands.executeCommand('enclave.approveSystem');
    const [put] = h.requests('PUT');
    // In the order the pick listed them: by label.
    const systemIds = [a, b].sort((x, y) => nameOf(x).localeCompare(nameOf(y))).map((s) => s.systemId);
    assert.deepStrictEqual([put.path, put.body], [`/org/${orgId}/unapproved-systems/approve`, { systemIds }]);
    assert.ok(h.server.store.system(orgId, a.systemId) && h.server.store.system(orgId, b.systemId));
  });

  it('creates an enrolment key without asking for the organisation', async () => {
    h.prompter.answerInput('From the palette', '3', '', '').answerPick('General purpose', 'Manual').answerInfo(undefined);
    const id = await vscode.commands.executeCommand<number>('enclave.createEnrolmentKey');
    assert.strictEqual(h.prompter.picks.length, 2, 'type and approval only');
    assert.strictEqual(h.prompter.inputs[0].options.title, `Create Enrolment Key in ${h.server.store.orgs[0].properties.name}`);
    const key = h.server.store.key(orgId, id)!;
    assert.deepStrictEqual([key.description, key.usesRemaining, key.approvalMode], ['From the palette', 3, 'Manual']);
  });

  it('edits an enrolment key picked by label', async () => {
    const key = h.server.store.keys(orgId).find((k) => k.type === 'GeneralPurpose')!;
    h.prompter.answerPick(key.description, (i) => i.picked === true, 'Save').answerInput('Edited from the palette', (o) => o.value, (o) => o.value, (o) => o.value, (o) => o.value);
    await vscode.commands.executeCommand('enclave.editEnrolmentKey');
    assert.deepStrictEqual(h.requests('PATCH').map((r) => r.body), [{ description: 'Edited from the palette' }]);
    assert.strictEqual(h.server.store.key(orgId, key.id)?.description, 'Edited from the palette');
  });

  it('copies an enrolment key read from its detail, without showing or logging it', async () => {
    const key = h.server.store.keys(orgId)[0];
    h.prompter.answerPick(key.description);
    await vscode.commands.executeCommand('enclave.copyEnrolmentKey');
    assert.ok(h.requests('GET').some((r) => r.path === `/org/${orgId}/enrolment-keys/${key.id}`), 'the detail was fetched');
    assert.strictEqual(await vscode.env.clipboard.readText(), key.key);
    assert.deepStrictEqual(h.prompter.messagesOf('info').map((m) => m.message), ['Enrolment key copied to the clipboard.']);
    assert.ok(!h.prompter.shownTexts().some((t) => t.includes(key.key)));
    assert.ok(!h.api.logLines().some((l) => l.includes(key.key)));
  });

  it('copies IDs: of a tree node directly, or of a kind and item picked from the palette', async () => {
    const system = h.server.store.systems(orgId)[0];
    const node: Of<'system'> = { type: 'system', id: `org/${orgId}/systems/${system.systemId}`, orgId, system };
    assert.strictEqual(await vscode.commands.executeCommand('enclave.copyId', node), system.systemId);
    assert.strictEqual(await vscode.env.clipboard.readText(), system.systemId);

    h.prompter.answerPick('Organisation');
    assert.strictEqual(await vscode.commands.executeCommand('enclave.copyId'), orgId);
    assert.strictEqual(await vscode.env.clipboard.readText(), orgId);

    const key = h.server.store.keys(orgId)[1];
    h.prompter.answerPick('Enrolment key', key.description);
    assert.strictEqual(await vscode.commands.executeCommand('enclave.copyId'), String(key.id));
    assert.match(h.prompter.messagesOf('info').at(-1)?.message ?? '', new RegExp(`enrolment key ID of '.+' to the clipboard: ${key.id}$`));
  });

  it('opens the portal page of a node, or of a page picked from the palette', async () => {
    const key = h.server.store.keys(orgId)[0];
    const node: Of<'key'> = { type: 'key', id: `org/${orgId}/enrolmentKeys/${key.id}`, orgId, key };
    const url = await vscode.commands.executeCommand('enclave.openInPortal', node);
    assert.strictEqual(url, `https://portal.enclave.io/org/${orgId}/enrolment-keys/${key.id}`);
    assert.ok(h.api.logLines().some((l) => l.includes(`Opening ${url}`)));

    h.prompter.answerPick('Systems');
    assert.strictEqual(await vscode.commands.executeCommand('enclave.openInPortal'), `https://portal.enclave.io/org/${orgId}/systems`);
    assert.strictEqual(h.prompter.picks.length, 1, 'the only organisation is not asked for');
  });
});
