// Time-boxed access ("Enable for…") in the real extension host against the local server: the
// enable-until body, the remaining time in the tree, what the server does when the time is up
// (its clock moved on), the typed date and time checked as it is typed, Edit Again after the API
// refused, and many items at once.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EnclaveNode } from '../../src/tree/nodes';
import { Harness, orgSuite, waitFor } from './support/harness';

type Of<T extends EnclaveNode['type']> = Extract<EnclaveNode, { type: T }>;

const MIN = 60_000;
const HOUR = 60 * MIN;
const two = (n: number): string => String(n).padStart(2, '0');
/** A local time as the date box reads it: "2026-12-05 18:00". */
const typed = (d: Date): string => `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
/** That typed time (seconds dropped) as the instant it means. */
const instantOf = (d: Date): number => new Date(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()).getTime();
const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

describe('time-boxed access: Enable for…', () => {
  let h: Harness, org: Of<'org'>, orgId: string;
  // The server's clock runs from the real now, so "in 1 hour" means the same to both sides.
  orgSuite((suite) => ({ h, org, orgId } = suite), { realTime: true });

  async function list(kind: 'systems' | 'enrolmentKeys'): Promise<EnclaveNode[]> {
    const node = (await h.children(org)).find((n) => n.type === 'list' && n.kind === kind);
    assert.ok(node, `no ${kind} list`);
    return h.children(node);
  }
  const systems = async (enabled: boolean) => (await list('systems')).filter((n): n is Of<'system'> => n.type === 'system' && n.system.isEnabled === enabled && !n.system.autoExpire);
  const keys = async () => (await list('enrolmentKeys')).filter((n): n is Of<'key'> => n.type === 'key' && n.key.isEnabled && !n.key.autoExpire);
  const timed = () => h.requests('PUT', /\/enable-until$/);
  const label = (n: Of<'system'>) => n.system.description || n.system.hostname || n.system.systemId;
  const row = async (kind: 'systems' | 'enrolmentKeys', id: string) => {
    const node = (await list(kind)).find((n) => n.id === id);
    return node ? h.api.tree.getTreeItem(node) : undefined;
  };
  const tooltipOf = (item: vscode.TreeItem) => (item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? '')).replace(/\\/g, '');
  /** The instant the last enable-until call asked for: what the server's clock moves past. */
  const sentExpiry = () => Date.parse((timed().pop()?.body as { expiryDateTime: string }).expiryDateTime);
  const assertNear = (iso: string, expected: number, what: string) =>
    assert.ok(iso.endsWith('Z') && Math.abs(Date.parse(iso) - expected) < MIN, `${what}: ${iso} is not within a minute of ${new Date(expected).toISOString()}`);

  it('enables a disabled system for 1 hour with one PUT enable-until, and the tree shows the time left', async () => {
    const [node] = await systems(false);
    h.prompter.answerPick('1 hour', 'Disable at expiry');
    const sentAt = Date.now();
    await vscode.commands.executeCommand('enclave.enableSystemFor', node, [node]);

    const [put, ...more] = timed();
    assert.deepStrictEqual(more, []);
    assert.strictEqual(put.path, `/org/${orgId}/systems/${node.system.systemId}/enable-until`);
    const body = put.body as { expiryDateTime: string; timeZoneId: string; expiryAction: string };
    assert.deepStrictEqual(Object.keys(body).sort(), ['expiryAction', 'expiryDateTime', 'timeZoneId']);
    assert.strictEqual(body.expiryAction, 'Disable');
    assert.strictEqual(body.timeZoneId, ZONE);
    assertNear(body.expiryDateTime, sentAt + HOUR, 'expiryDateTime');
    assert.strictEqual(h.prompter.messagesOf('confirm').length, 0, 'disabling at expiry needs no confirmation');
    assert.match(h.prompter.messagesOf('info')[0]?.message ?? '', new RegExp(`^Enabled system '${label(node)}' until .+; then it is disabled\\.$`));

    const server = h.server.store.system(orgId, node.system.systemId);
    assert.strictEqual(server?.isEnabled, true);
    assert.strictEqual(server?.autoExpire?.expiryAction, 'Disable');
    const item = await waitFor('the row to show the time left', async () => {
      const r = await row('systems', node.id);
      return r && /· disables in (59 min|1 h)$/.test(String(r.description)) ? r : undefined;
    });
    assert.strictEqual(item.contextValue, 'system.enabled');
    assert.match(tooltipOf(item), /Disables at:\*\* .+ \(in (59 min|1 h)\)/);
    assert.deepStrictEqual(h.prompter.unanswered, []);
  });

  it('asks before a permanent action, and sends nothing when declined', async () => {
    const [node] = await systems(true);
    h.prompter.answerPick('8 hours', 'Revoke at expiry').answerConfirm(false);
    await vscode.commands.executeCommand('enclave.enableSystemFor', node, [node]);
    const [confirm] = h.prompter.messagesOf('confirm');
    assert.strictEqual(confirm.message, `Revoke system '${label(node)}' when access ends?`);
    assert.deepStrictEqual(confirm.actions, ['Revoke at Expiry']);
    assert.match(confirm.detail ?? '', /^This is permanent: at .+ the system is removed from the organisation/);
    assert.deepStrictEqual(timed(), []);
  });

  it('checks the typed date and time as it is typed: garbage, the past, too far; then shows how it read it', async () => {
    const [node] = await systems(true);
    const now = new Date();
    const good = new Date(now.getTime() + 3 * HOUR + 12 * MIN);
    h.prompter
      .answerPick('Until a date and time…')
      .answerInput('next friday', typed(new Date(now.getTime() - HOUR)), typed(new Date(now.getTime() + 400 * 24 * HOUR)), typed(good))
      .answerPick('Disable at expiry');
    await vscode.commands.executeCommand('enclave.enableSystemFor', node, [node]);

    const [box] = h.prompter.inputs;
    assert.match(box.options.value ?? '', /^\d{4}-\d\d-\d\d \d\d:\d\d$/, 'the box starts with a time to edit');
    assert.match(box.options.prompt ?? '', new RegExp(`local time \\(${ZONE.replace(/[/+]/g, '\\$&')}\\)`));
    const [garbage, past, far, ok] = box.tried;
    assert.match(garbage.validation ?? '', /^'next friday' is not a date and time: use YYYY-MM-DD HH:mm or ISO 8601/);
    assert.match(past.validation ?? '', /is in the past: pick a time in the future\.$/);
    assert.match(far.validation ?? '', /is more than a year away/);
    assert.strictEqual(ok.validation, undefined);
    assert.match(ok.note ?? '', /^Access ends .+, in 3 h 1[12] min\.$/);
    const [put] = timed();
    assert.strictEqual((put.body as { expiryDateTime: string }).expiryDateTime, new Date(instantOf(good)).toISOString());
  });

  it('goes Back from the date box to the durations, keeping the answers', async () => {
    const [node] = await systems(true);
    h.prompter.answerPick('Until a date and time…', (item) => item.picked === true).answerInput(h.api.back);
    await vscode.commands.executeCommand('enclave.enableSystemFor', node, [node]);
    const durationPicks = h.prompter.picks.filter((p) => p.options.placeholder === 'How long should access last?');
    assert.strictEqual(durationPicks.length, 2);
    assert.strictEqual(durationPicks[1].labels[0], 'Until a date and time…', 'the earlier answer comes first after Back');
    // Back, then Enter on the kept answer asks for the date again (unscripted here: cancelled).
    assert.strictEqual(h.prompter.inputs.length, 2);
    assert.strictEqual(h.prompter.inputs[1].options.value, h.prompter.inputs[0].options.value);
    assert.deepStrictEqual(timed(), []);
  });

  it('after the API refuses, Edit Again reopens the prompts with the answers kept and its message on the date', async () => {
    const [node] = await systems(true);
    const [first, second] = [5, 6].map((hours) => new Date(Date.now() + hours * HOUR));
    h.server.injectFault({ kind: 'error', status: 400, errors: { '$.expiryDateTime': ['The expiry is outside the allowed window.'] } }, { method: 'PUT', path: /\/enable-until$/ });
    h.prompter
      .answerPick('Until a date and time…').answerInput(typed(first)).answerPick('Revoke at expiry').answerConfirm(true)
      .answerError('Edit Again')
      // Enter on what was answered before, in each step; the refused time is refused again.
      .answerPick((item) => item.picked === true).answerInput((o) => o.value, typed(second)).answerPick((item) => item.picked === true).answerConfirm(true);
    await vscode.commands.executeCommand('enclave.enableSystemFor', node, [node]);

    const [error] = h.prompter.messagesOf('error');
    assert.match(error.message, new RegExp(`^System '${label(node)}' could not be enabled until .+: The expiry is outside the allowed window\\.$`));
    assert.deepStrictEqual(error.actions, ['Retry', 'Edit Again', 'Show Log']);
    const again = h.prompter.picks.slice(-2);
    assert.strictEqual(again[0].labels[0], 'Until a date and time…');
    assert.strictEqual(again[1].labels[0], 'Revoke at expiry');
    const box = h.prompter.inputs[1];
    assert.strictEqual(box.options.value, typed(first));
    assert.strictEqual(box.tried[0].validation, 'The expiry is outside the allowed window.');
    const sent = timed();
    assert.strictEqual(sent.length, 2);
    assert.deepStrictEqual(sent.map((r) => (r.body as { expiryAction: string }).expiryAction), ['Delete', 'Delete']);
    assert.strictEqual((sent[1].body as { expiryDateTime: string }).expiryDateTime, new Date(instantOf(second)).toISOString());
    assert.strictEqual(h.server.store.system(orgId, node.system.systemId)?.autoExpire?.expiryAction, 'Delete');
  });

  it('enables a selection with one call each and one message; Retry sends only the ones that failed', async () => {
    const selection = [...(await systems(true)).slice(0, 2), ...(await systems(false)).slice(0, 2)];
    assert.strictEqual(selection.length, 4);
    const failing = selection[2];
    // A 500 is not retried by the client: exactly one failed call.
    h.server.injectFault({ kind: 'error', status: 500 }, { method: 'PUT', path: `/systems/${failing.system.systemId}/enable-until$` });
    h.prompter.answerPick('1 day', 'Disable at expiry').answerError('Retry');
    await vscode.commands.executeCommand('enclave.enableSystemFor', selection[0], selection);

    const [error] = h.prompter.messagesOf('error');
    assert.match(error.message, new RegExp(`^Enabled 3 of 4 systems until .+, but '${label(failing)}' could not be: the Enclave API at .+ had a problem \\(HTTP 500\\)`));
    const sent = timed().map((r) => r.path.split('/')[4]);
    // Four items, then the Retry for the one that failed only.
    assert.deepStrictEqual(sent.slice(0, 4).sort(), selection.map((n) => n.system.systemId).sort());
    assert.deepStrictEqual(sent.slice(4), [failing.system.systemId]);
    for (const n of selection) assert.strictEqual(h.server.store.system(orgId, n.system.systemId)?.autoExpire?.expiryAction, 'Disable', n.system.systemId);
    const bodies = new Set(timed().slice(0, 4).map((r) => (r.body as { expiryDateTime: string }).expiryDateTime));
    assert.strictEqual(bodies.size, 1, 'the same expiry for each');
    assert.match(h.prompter.messagesOf('info').pop()?.message ?? '', new RegExp(`^Enabled system '${label(failing)}' until .+; then it is disabled\\.$`));
  });

  it('from the palette: organisation, keys (several), duration, action', async () => {
    const [a, b] = await keys();
    h.prompter
      .answerPick(org.org.orgName)
      .answerPickMany([a, b].map((n) => (item: { value: unknown }) => (item.value as { id: number }).id === n.key.id))
      .answerPick('1 hour', 'Disable at expiry');
    await vscode.commands.executeCommand('enclave.enableEnrolmentKeyFor');
    assert.strictEqual(h.prompter.picks[1].options.title, 'Enable Enrolment Keys for a Time');
    assert.deepStrictEqual(timed().map((r) => r.path).sort(), [a, b].map((n) => `/org/${orgId}/enrolment-keys/${n.key.id}/enable-until`).sort());
    assert.deepStrictEqual(h.prompter.messagesOf('info').map((m) => m.message.replace(/until .+;/, 'until …;')), ['Enabled 2 enrolment keys until …; then they are disabled.']);
  });

  // These two move the server's clock past the expiry they set, so they come last: later "1 hour
  // from now" bodies would be in the server's past.
  it('when the hour is up the server disables the system; after a refresh the tree shows it disabled', async () => {
    const [node] = await systems(false);
    h.prompter.answerPick('1 hour', 'Disable at expiry');
    await vscode.commands.executeCommand('enclave.enableSystemFor', node, [node]);
    await waitFor('the row to count down', async () => /disables in/.test(String((await row('systems', node.id))?.description)));

    h.server.clock.set(sentExpiry() + MIN);
    await vscode.commands.executeCommand('enclave.refresh');
    const item = await waitFor('the row to show the system disabled', async () => {
      const r = await row('systems', node.id);
      return r?.contextValue === 'system.disabled' ? r : undefined;
    });
    assert.doesNotMatch(String(item.description), /disables|expired/);
    const server = h.server.store.system(orgId, node.system.systemId);
    assert.strictEqual(server?.isEnabled, false);
    assert.strictEqual(server?.autoExpire ?? null, null);
  });

  it('an enrolment key set to "Delete at expiry" is gone once its day is up', async () => {
    const [node] = await keys();
    const name = node.key.description;
    h.prompter.answerPick('1 day', 'Delete at expiry').answerConfirm(true);
    await vscode.commands.executeCommand('enclave.enableEnrolmentKeyFor', node, [node]);
    const [confirm] = h.prompter.messagesOf('confirm');
    assert.strictEqual(confirm.message, `Delete enrolment key '${name}' when access ends?`);
    assert.deepStrictEqual(confirm.actions, ['Delete at Expiry']);
    assert.strictEqual((timed()[0].body as { expiryAction: string }).expiryAction, 'Delete');
    const item = await waitFor('the key row to count down', async () => {
      const r = await row('enrolmentKeys', node.id);
      return r && /· deleted in (23 h|1 d)$/.test(String(r.description)) ? r : undefined;
    });
    assert.match(tooltipOf(item), /Deleted at:\*\* .+ \(in (23 h 59 min|1 d)\)/);

    h.server.clock.set(sentExpiry() + MIN);
    await vscode.commands.executeCommand('enclave.refresh');
    await waitFor('the key row to go', async () => (await row('enrolmentKeys', node.id)) === undefined);
    assert.strictEqual(h.server.store.key(orgId, node.key.id), undefined);
  });
});
