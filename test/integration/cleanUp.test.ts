// Clean Up Stale Systems, in the real extension host against the local server (its seed data
// timed against the real clock, so "N days ago" means what it says): which systems are offered
// is computed here from the server's own store, the dry-run report opens before anything is asked
// to be revoked, the typed confirmation refuses every other phrase, and the one bulk revoke
// carries exactly the systems left ticked.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EnclaveSystem } from '../../src/api/types';
import type { EnclaveNode } from '../../src/tree/nodes';
import { Harness, orgSuite } from './support/harness';

const DAY = 24 * 60 * 60 * 1000;

describe('clean up stale systems', () => {
  let h: Harness, org: Extract<EnclaveNode, { type: 'org' }>, orgId: string;
  orgSuite((suite) => ({ h, org, orgId } = suite), { realTime: true });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  /** The rule, stated independently of the extension: not connected, and last there over `days` ago. */
  function expectedStale(days: number): EnclaveSystem[] {
    const cutoff = Date.now() - days * DAY;
    return h.server.store.systems(orgId).filter((s) => s.state !== 'Connected' && Date.parse(s.lastSeen ?? s.enrolledAt) < cutoff);
  }
  const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString().replace('Z', '+00:00');
  const revokes = () => h.requests('DELETE');
  const report = () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'enclave-report');
  const pickedIds = (answer: unknown) => (answer as EnclaveSystem[]).map((s) => s.systemId).sort();

  /** Makes sure the organisation has stale systems of every kind, and a connected one with an old date. */
  function shapeSystems(): { connectedOld: EnclaveSystem; disabledOld: EnclaveSystem; neverSeen: EnclaveSystem } {
    const systems = h.server.store.systems(orgId);
    const connectedOld = systems.find((s) => s.state === 'Connected')!;
    connectedOld.lastSeen = ago(200); // a live connection counts as seen, whatever the date says
    const disabledOld = systems.find((s) => s.state !== 'Connected' && s.systemId !== connectedOld.systemId)!;
    disabledOld.isEnabled = false;
    disabledOld.state = 'Disabled';
    disabledOld.lastSeen = ago(120);
    const neverSeen = systems.find((s) => s.state === 'Disconnected' && s.systemId !== disabledOld.systemId)!;
    neverSeen.lastSeen = null;
    neverSeen.enrolledAt = ago(75);
    return { connectedOld, disabledOld, neverSeen };
  }

  it('offers exactly the stale, non-connected systems (disabled included), after a dry-run report; revokes the ones left ticked', async () => {
    const { connectedOld, disabledOld, neverSeen } = shapeSystems();
    const stale = expectedStale(30);
    assert.ok(stale.length >= 4, `the seed should have several stale systems (has ${stale.length})`);
    const keep = stale.find((s) => s.systemId !== disabledOld.systemId && s.systemId !== neverSeen.systemId)!;
    const revoked = stale.filter((s) => s.systemId !== keep.systemId).map((s) => s.systemId).sort();
    const total = h.server.store.systems(orgId).length;
    let reportAtPick: string | undefined;
    const offered: { id: string; picked: boolean | undefined }[] = [];

    h.prompter
      .answerInput('30')
      .answerPickMany([(item) => {
        reportAtPick = report()?.getText();
        offered.push({ id: (item.value as EnclaveSystem).systemId, picked: item.picked });
        return (item.value as EnclaveSystem).systemId !== keep.systemId;
      }])
      .answerInput(`revoke ${revoked.length}`);
    await vscode.commands.executeCommand('enclave.cleanUpStaleSystems', org, [org]);

    // Every system was read, disabled ones too, before anything was asked.
    const reads = h.requests('GET', /\/systems$/);
    assert.ok(reads.length >= 1 && reads.every((r) => r.query.include_disabled === 'true'), JSON.stringify(reads.map((r) => r.query)));
    // The pick offered exactly the stale systems, all ticked.
    assert.deepStrictEqual(offered.map((o) => o.id).sort(), stale.map((s) => s.systemId).sort());
    assert.ok(offered.every((o) => o.picked === true));
    assert.ok(!offered.some((o) => o.id === connectedOld.systemId));
    // The dry-run report was open when the pick was shown, naming each of them with the counts.
    assert.ok(reportAtPick, 'no report was open while picking');
    assert.match(reportAtPick, new RegExp(`\\*\\*${stale.length}\\*\\* of ${total} systems have not been seen for more than 30 days`));
    for (const s of stale) assert.ok(reportAtPick.includes(`| ${s.systemId} |`), `${s.systemId} is not in the report`);
    assert.ok(!reportAtPick.includes(connectedOld.systemId), 'a connected system is in the report');
    assert.match(reportAtPick, /never seen since enrolling/);

    // One bulk revoke with exactly the ticked systems.
    const sent = revokes();
    assert.deepStrictEqual(sent.map((r) => r.path), [`/org/${orgId}/systems`]);
    assert.deepStrictEqual([...(sent[0].body as { systemIds: string[] }).systemIds].sort(), revoked);
    for (const id of revoked) assert.strictEqual(h.server.store.system(orgId, id), undefined, `${id} was not revoked`);
    assert.ok(h.server.store.system(orgId, keep.systemId), 'the unticked system was revoked');
    assert.ok(h.server.store.system(orgId, connectedOld.systemId));
    assert.deepStrictEqual(h.prompter.messagesOf('info').map((m) => m.message), [`Revoked ${revoked.length} systems.`]);
    assert.deepStrictEqual(h.prompter.unanswered, []);
  });

  it('the typed confirmation accepts only the exact phrase; Escape there revokes nothing', async () => {
    shapeSystems();
    const before = h.server.store.systems(orgId).length;
    const n = expectedStale(30).length;
    h.prompter.answerInput('30').answerPickMany('picked').answerInput('revoke', `Revoke ${n}`, `revoke ${n + 1}`, ` revoke ${n}`, 'yes', undefined);
    await vscode.commands.executeCommand('enclave.cleanUpStaleSystems', org, [org]);

    const confirmation = h.prompter.inputs[1];
    assert.strictEqual(confirmation.options.placeholder, `revoke ${n}`);
    assert.deepStrictEqual(confirmation.tried.map((t) => t.value), ['revoke', `Revoke ${n}`, `revoke ${n + 1}`, ` revoke ${n}`, 'yes']);
    for (const t of confirmation.tried) assert.strictEqual(t.validation, `Type exactly 'revoke ${n}' to revoke, or press Escape to keep them all.`);
    assert.deepStrictEqual(revokes(), []);
    assert.strictEqual(h.server.store.systems(orgId).length, before);
  });

  it('checks the days as typed (whole number 1–3650), remembers them, and with none stale says so and sends nothing', async () => {
    h.prompter.answerInput('0', '3651', '1.5', 'ten', '3650');
    await vscode.commands.executeCommand('enclave.cleanUpStaleSystems', org, [org]);
    const days = h.prompter.inputs[0];
    assert.strictEqual(days.options.value, '30'); // the default (the earlier tests used 30 too)
    assert.deepStrictEqual(days.tried.map((t) => [t.value, t.validation]), [
      ['0', 'Type a number of days from 1 to 3650.'],
      ['3651', 'Type a number of days from 1 to 3650.'],
      ['1.5', 'Type a whole number of days, e.g. 30.'],
      ['ten', 'Type a whole number of days, e.g. 30.'],
      ['3650', undefined],
    ]);
    assert.deepStrictEqual(expectedStale(3650), []);
    const total = h.server.store.systems(orgId).length;
    assert.deepStrictEqual(h.prompter.messagesOf('info').map((m) => m.message), [
      `No stale systems in ${org.org.orgName}: none of its ${total} systems has been away for more than 3650 days (connected systems never count). Nothing was revoked.`,
    ]);
    assert.deepStrictEqual(h.prompter.picks, []);
    assert.deepStrictEqual(revokes(), []);

    // The next clean-up starts from the days used last.
    h.prompter.reset();
    h.server.clearRequests();
    h.prompter.answerInput(undefined);
    await vscode.commands.executeCommand('enclave.cleanUpStaleSystems', org, [org]);
    assert.strictEqual(h.prompter.inputs[0].options.value, '3650');
    assert.deepStrictEqual(h.server.requests.filter((r) => r.path.endsWith('/systems')), []);
  });

  it('from the palette and the Systems list: the organisation is asked for (or taken from the list); unticking all sends nothing', async () => {
    shapeSystems();
    h.prompter.answerPick(org.org.orgName).answerInput('30').answerPickMany([]);
    await vscode.commands.executeCommand('enclave.cleanUpStaleSystems');
    assert.strictEqual(h.prompter.picks[0].many, false);
    assert.deepStrictEqual(h.prompter.messagesOf('info').map((m) => m.message), ['No systems were left ticked: nothing was revoked.']);
    assert.deepStrictEqual(revokes(), []);

    h.prompter.reset();
    const lists = await h.children(org);
    const systemsList = lists.find((n) => n.type === 'list' && n.kind === 'systems')!;
    const item = await h.api.tree.getTreeItem(systemsList);
    assert.strictEqual(item.contextValue, 'list.systems');
    h.prompter.answerInput('30').answerPickMany(undefined);
    await vscode.commands.executeCommand('enclave.cleanUpStaleSystems', systemsList, [systemsList]);
    assert.deepStrictEqual(h.prompter.picks.map((p) => p.many), [true]);
    assert.deepStrictEqual(revokes(), []);
  });

  it('a system revoked elsewhere meanwhile is counted short; a failed revoke offers Retry, which sends the same ids', async () => {
    shapeSystems();
    const stale = expectedStale(30);
    const gone = stale[0];
    // Revoked in the portal while the confirmation box is open.
    h.prompter.answerInput('30').answerPickMany('picked').answerInput(() => {
      h.server.store.revokeSystem(h.server.store.org(orgId)!, gone.systemId);
      return `revoke ${stale.length}`;
    });
    await vscode.commands.executeCommand('enclave.cleanUpStaleSystems', org, [org]);
    const [message] = h.prompter.messagesOf('info').map((m) => m.message);
    assert.match(message, new RegExp(`^Revoked ${stale.length - 1} of ${stale.length} systems; `));
    assert.deepStrictEqual(pickedIds(h.prompter.picks[0].answer), stale.map((s) => s.systemId).sort());

    h.prompter.reset();
    h.server.clearRequests();
    shapeSystems();
    const next = expectedStale(30);
    h.server.injectFault({ kind: 'error', status: 500 }, { count: 1, method: 'DELETE', path: /\/systems$/ });
    h.prompter.answerInput('30').answerPickMany('picked').answerInput(`revoke ${next.length}`).answerError('Retry');
    await vscode.commands.executeCommand('enclave.cleanUpStaleSystems', org, [org]);
    const [error] = h.prompter.messagesOf('error');
    assert.match(error.message, new RegExp(`^The ${next.length} systems could not be revoked: `));
    assert.deepStrictEqual(error.actions, ['Retry', 'Show Log']);
    const sent = revokes();
    assert.strictEqual(sent.length, 2);
    assert.deepStrictEqual(sent[1].body, sent[0].body);
    assert.deepStrictEqual(h.prompter.messagesOf('info').map((m) => m.message), [`Revoked ${next.length} systems.`]);
    for (const s of next) assert.strictEqual(h.server.store.system(orgId, s.systemId), undefined);
  });

  it('when the systems cannot be read, says so in one sentence with Retry, and asks and sends nothing more', async () => {
    h.server.injectFault({ kind: 'error', status: 500 }, { count: 5, method: 'GET', path: /\/systems$/ });
    h.prompter.answerInput('30').answerError(undefined);
    await vscode.commands.executeCommand('enclave.cleanUpStaleSystems', org, [org]);
    const [error] = h.prompter.messagesOf('error');
    assert.match(error.message, new RegExp(`^The systems of ${org.org.orgName} could not be read, so nothing was revoked: `));
    assert.deepStrictEqual(error.actions, ['Retry', 'Show Log']);
    assert.deepStrictEqual(h.prompter.picks, []);
    assert.deepStrictEqual(revokes(), []);
  });
});
