// The approvals inbox in the real extension host against the local Enclave-compatible server:
// the view's badge counts what waits across organisations (checked against the server's own
// store), `enclave.approvals.notify` announces arrivals only (never what waited at sign-in) and
// polls while the view is hidden only when on, and Review Approvals approves or declines systems
// of several organisations with one bulk request per organisation.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Waiting } from '../../src/features/approvalsInbox';
import type { PickItem } from '../../src/ui/prompter';
import { Harness, waitFor } from './support/harness';

const config = () => vscode.workspace.getConfiguration('enclave');
const setNotify = (on: boolean | undefined) => config().update('approvals.notify', on, vscode.ConfigurationTarget.Global);
const setInterval = (seconds: number | undefined) => config().update('refreshInterval', seconds, vscode.ConfigurationTarget.Global);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('approvals inbox', function () {
  this.timeout(60_000);
  let h: Harness;

  before(async () => {
    await setNotify(undefined);
    h = await Harness.start();
    await vscode.commands.executeCommand('enclave.networks.focus');
  });
  beforeEach(() => {
    h.prompter.reset();
    h.server.clearRequests();
    h.server.clearFaults();
  });
  after(async () => {
    await setNotify(undefined);
    await setInterval(undefined);
    await vscode.commands.executeCommand('enclave.networks.focus');
    await h.stop();
  });

  const orgs = () => [...h.server.store.orgs].sort((a, b) => a.properties.name.localeCompare(b.properties.name));
  const serverTotal = () => h.server.store.orgs.reduce((sum, o) => sum + h.server.store.unapprovedSystems(o.id).length, 0);
  const badge = () => h.api.badge();
  const waitForBadge = (value: number | undefined) =>
    waitFor(`the badge to show ${value} (it shows ${badge()?.value})`, () => badge()?.value === value || (value === undefined && badge() === undefined));
  const arrivals = () => h.prompter.messagesOf('info').filter((m) => /awaits? approval/.test(m.message));
  /** A new pending system in `orgId`, as an agent enrolling with a manual-approval key makes it. */
  function enrol(orgId: string, hostname: string): string {
    const key = h.server.store.keys(orgId).find((k) => k.approvalMode === 'Manual' && k.isEnabled && k.usesRemaining !== 0);
    assert.ok(key, `no usable manual-approval key in ${orgId}`);
    return h.server.store.enrol(orgId, key.id, { hostname }).systemId;
  }
  const bySystem = (...ids: string[]) => (item: PickItem<unknown>) => ids.includes((item.value as Waiting).system.systemId);

  it('shows the server\'s pending total across organisations once the view shows, from one small request each', async () => {
    // More than one first page in the first organisation: the badge counts the API's total.
    for (let i = 0; i < 20; i++) enrol(orgs()[0].id, `queued-${i}`);
    await vscode.commands.executeCommand('enclave.refresh');
    await waitForBadge(serverTotal());
    assert.strictEqual(serverTotal(), 32);
    const counts = orgs().map((o) => `${o.properties.name} ${h.server.store.unapprovedSystems(o.id).length}`).join(', ');
    assert.strictEqual(badge()?.tooltip, `32 systems await approval: ${counts}`);
    const reads = h.requests('GET', /\/unapproved-systems$/);
    assert.deepStrictEqual([...new Set(reads.map((r) => r.path))].sort(), orgs().map((o) => `/org/${o.id}/unapproved-systems`).sort());
    assert.ok(reads.every((r) => r.query.per_page === '20'), 'the pending slot\'s small first page');
  });

  it('goes down when a system is approved from the tree', async () => {
    const before = serverTotal();
    const org = await h.orgNode(orgs()[1].properties.name);
    const list = (await h.children(org)).find((n) => n.type === 'list' && n.kind === 'pending');
    assert.ok(list, 'no Pending approval row');
    const [row] = (await h.children(list)).filter((n) => n.type === 'pending');
    await vscode.commands.executeCommand('enclave.approveSystem', row, [row]);
    await waitForBadge(before - 1);
    assert.strictEqual(serverTotal(), before - 1);
  });

  it('announces arrivals only with enclave.approvals.notify on, and never what waited at sign-in', async () => {
    const org = orgs()[2];
    enrol(org.id, 'quiet-arrival');
    await vscode.commands.executeCommand('enclave.refresh');
    await waitForBadge(serverTotal());
    await sleep(400);
    assert.deepStrictEqual(arrivals(), [], 'notify is off by default');

    await setNotify(true);
    await sleep(400);
    assert.deepStrictEqual(arrivals(), [], 'what already waits when the setting is turned on is not news');
    enrol(org.id, 'new-laptop');
    await vscode.commands.executeCommand('enclave.refresh');
    const [message] = await waitFor('the arrival notification', () => (arrivals().length > 0 ? arrivals() : undefined));
    assert.strictEqual(message.message, `New system 'new-laptop' awaits approval in ${org.properties.name}.`);
    assert.deepStrictEqual(message.actions, ['Review']);

    // Two at once in two organisations: one message.
    enrol(orgs()[0].id, 'arrival-a');
    enrol(org.id, 'arrival-b');
    h.prompter.reset();
    await vscode.commands.executeCommand('enclave.refresh');
    const [both] = await waitFor('the second notification', () => (arrivals().length > 0 ? arrivals() : undefined));
    assert.strictEqual(both.message, `2 new systems await approval: 1 in ${orgs()[0].properties.name}, 1 in ${org.properties.name}.`);

    // Signed out the badge goes; signing in again loads the counts, and they are not arrivals.
    await h.signOut();
    await waitForBadge(undefined);
    h.prompter.reset();
    await h.signIn();
    await waitForBadge(serverTotal());
    await sleep(400);
    assert.deepStrictEqual(arrivals(), [], 'the first load after connecting announces nothing');
    await setNotify(undefined);
  });

  it('reviews systems of two organisations: key, wait and platform shown, one bulk approve per organisation', async () => {
    const [a, b] = orgs();
    const inA = h.server.store.unapprovedSystems(a.id).slice(0, 2).map((s) => s.systemId);
    const inB = h.server.store.unapprovedSystems(b.id).slice(0, 1).map((s) => s.systemId);
    const shown: PickItem<unknown>[] = [];
    h.prompter.answerPickMany([(item) => (shown.push(item), bySystem(...inA, ...inB)(item))]).answerPick('Approve');
    await vscode.commands.executeCommand('enclave.reviewApprovals');

    const [pick] = h.prompter.picks;
    assert.strictEqual(pick.labels.length, serverTotal() + 3, 'every waiting system of every organisation is offered');
    const sample = shown.find((item) => (item.value as Waiting).system.systemId === inB[0]);
    const system = (sample?.value as Waiting).system;
    assert.match(sample?.detail ?? '', new RegExp(`^waiting \\d+ \\w+ · key ${escape(system.enrolmentKeyDescription ?? '')}`));
    assert.ok(sample?.description?.startsWith(b.properties.name), `the organisation is named: ${sample?.description}`);

    const sent = h.requests('PUT');
    const ids = (body: unknown) => [...(body as { systemIds: string[] }).systemIds].sort().join(',');
    assert.deepStrictEqual(sent.map((r) => `${r.path} ${ids(r.body)}`).sort(), [
      `/org/${a.id}/unapproved-systems/approve ${[...inA].sort().join(',')}`,
      `/org/${b.id}/unapproved-systems/approve ${inB.join(',')}`,
    ].sort());
    for (const [orgId, id] of [...inA.map((id) => [a.id, id]), ...inB.map((id) => [b.id, id])]) {
      assert.strictEqual(h.server.store.unapprovedSystem(orgId, id), undefined);
      assert.ok(h.server.store.system(orgId, id), `${id} is enrolled`);
    }
    assert.deepStrictEqual(h.prompter.messagesOf('info').map((m) => m.message), [`Approved 3 systems in ${a.properties.name} and ${b.properties.name}.`]);
    await waitForBadge(serverTotal());
  });

  it('declines only after a confirmation, one bulk request per organisation', async () => {
    const [a, , c] = orgs();
    const ids = [h.server.store.unapprovedSystems(a.id)[0].systemId, h.server.store.unapprovedSystems(c.id)[0].systemId];
    h.prompter.answerPickMany([bySystem(...ids)]).answerPick('Decline').answerConfirm(false);
    await vscode.commands.executeCommand('enclave.reviewApprovals');
    assert.deepStrictEqual(h.requests('DELETE'), [], 'nothing is sent when the confirmation is refused');

    h.prompter.reset();
    h.prompter.answerPickMany([bySystem(...ids)]).answerPick('Decline').answerConfirm(true);
    await vscode.commands.executeCommand('enclave.reviewApprovals');
    const [confirm] = h.prompter.messagesOf('confirm');
    assert.strictEqual(confirm.message, 'Decline 2 systems?');
    assert.deepStrictEqual(confirm.actions, ['Decline']);
    assert.deepStrictEqual(h.requests('DELETE').map((r) => r.path).sort(), [`/org/${a.id}/unapproved-systems`, `/org/${c.id}/unapproved-systems`].sort());
    assert.strictEqual(h.server.store.unapprovedSystem(a.id, ids[0]), undefined);
    assert.strictEqual(h.server.store.unapprovedSystem(c.id, ids[1]), undefined);
    assert.strictEqual(h.server.store.system(a.id, ids[0]), undefined, 'declined, not enrolled');
    assert.match(h.prompter.messagesOf('info')[0]?.message ?? '', /^Declined 2 systems in /);
  });

  it('reports an organisation that failed through the funnel, and Retry sends only its systems again', async () => {
    const [a, b] = orgs();
    const inA = h.server.store.unapprovedSystems(a.id)[0];
    const inB = h.server.store.unapprovedSystems(b.id)[0];
    h.server.injectFault({ kind: 'error', status: 409 }, { method: 'PUT', path: `/org/${b.id}/unapproved-systems/approve$`, count: 1 });
    h.prompter.answerPickMany([bySystem(inA.systemId, inB.systemId)]).answerPick('Approve').answerError('Retry');
    await vscode.commands.executeCommand('enclave.reviewApprovals');
    const [error] = h.prompter.messagesOf('error');
    assert.match(error.message, new RegExp(`^System '.+' in ${b.properties.name} could not be approved: `));
    assert.ok(error.actions.includes('Retry'));
    assert.deepStrictEqual(h.requests('PUT').map((r) => `${r.path} ${r.status} ${JSON.stringify(r.body)}`), [
      `/org/${a.id}/unapproved-systems/approve 200 ${JSON.stringify({ systemIds: [inA.systemId] })}`,
      `/org/${b.id}/unapproved-systems/approve 409 ${JSON.stringify({ systemIds: [inB.systemId] })}`,
      `/org/${b.id}/unapproved-systems/approve 200 ${JSON.stringify({ systemIds: [inB.systemId] })}`,
    ]);
    assert.deepStrictEqual(h.prompter.messagesOf('info').map((m) => m.message), [
      `Approved 1 system in ${a.properties.name}.`,
      `Approved 1 system in ${b.properties.name}.`,
    ]);
    assert.ok(h.server.store.system(b.id, inB.systemId));
  });

  it('sends nothing while the view is hidden with notify off, and polls (and announces) with it on', async function () {
    this.timeout(90_000);
    try {
      await setInterval(10);
      await vscode.commands.executeCommand('workbench.view.explorer');
      await sleep(500); // lets a refresh in flight end
      h.server.clearRequests();
      await sleep(12_000); // longer than one interval
      assert.deepStrictEqual(h.requests().map((r) => `${r.method} ${r.path}`), [], 'requests while hidden with notify off');

      await setNotify(true);
      const id = enrol(orgs()[1].id, 'while-hidden');
      const [message] = await waitFor('an arrival found by the poll while hidden', () => (arrivals().length > 0 ? arrivals() : undefined), 20_000, 200);
      assert.strictEqual(message.message, `New system 'while-hidden' awaits approval in ${orgs()[1].properties.name}.`);
      assert.ok(h.requests().every((r) => r.method === 'GET' && /\/unapproved-systems$/.test(r.path)), 'the poll reads only the pending lists');
      assert.strictEqual(badge()?.value, serverTotal());
      assert.ok(h.server.store.unapprovedSystem(orgs()[1].id, id));
    } finally {
      await setNotify(undefined);
      await setInterval(undefined);
      await vscode.commands.executeCommand('enclave.networks.focus');
    }
  });
});
