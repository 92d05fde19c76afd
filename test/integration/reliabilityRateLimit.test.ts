// 429 with Retry-After, in the real extension host against the local server's fault injection:
// an idempotent call waits as long as the API asks (seconds or an HTTP-date) and tries again,
// and meanwhile the status bar says "rate limited, retrying in N s" — not an error — then goes
// back to connected. Past the bound (a wait over 30 s, or more than 3 retries) the error shows.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EnclaveNode } from '../../src/tree/nodes';
import { Harness, waitFor } from './support/harness';

type Of<T extends EnclaveNode['type']> = Extract<EnclaveNode, { type: T }>;

describe('reliability: rate limits (429 + Retry-After)', () => {
  let h: Harness;
  let orgId: string;

  beforeEach(async () => {
    // A fresh server per test: nothing loaded, nothing cached.
    h = await Harness.start();
    orgId = h.server.store.orgs[0].id;
  });
  afterEach(() => h.stop());

  async function systemsRow(): Promise<Of<'list'>> {
    const org = await h.orgNode(h.server.store.orgs[0].properties.name);
    return (await h.children(org)).find((n): n is Of<'list'> => n.type === 'list' && n.kind === 'systems')!;
  }
  const systemsRequests = () => h.requests('GET', new RegExp(`^/org/${orgId}/systems$`));

  it('waits the seconds Retry-After asks for, says "rate limited, retrying" meanwhile, then loads', async function () {
    this.timeout(20_000);
    const row = await systemsRow();
    h.server.injectFault({ kind: 'rateLimit', retryAfter: 2 }, { method: 'GET', path: `^/org/${orgId}/systems$` });
    void h.api.tree.getChildren(row);

    const waiting = await waitFor('the rate-limited status', () => (/rate limited/.test(h.api.status().text) ? h.api.status() : undefined));
    assert.strictEqual(waiting.text, '$(watch) Enclave: rate limited, retrying in 2 s');
    assert.strictEqual(waiting.background, 'statusBarItem.warningBackground');
    assert.match(waiting.tooltip, /limiting requests \(HTTP 429\)\. Trying again in 2 s, by itself; nothing has failed yet/);
    const meanwhile = (await h.api.tree.getChildren(row)) ?? [];
    assert.deepStrictEqual(meanwhile.map((n) => n.type === 'message' && n.severity), ['loading'], 'the list shows Loading…, not an error');

    const rows = await h.children(row);
    assert.strictEqual(rows.filter((n) => n.type === 'system').length, 50);
    const [limited, retried] = systemsRequests();
    assert.deepStrictEqual([limited.status, retried?.status], [429, 200]);
    assert.ok(retried.timestamp - limited.timestamp >= 1_900, `retried after ${retried.timestamp - limited.timestamp} ms`);
    await waitFor('the connected status again', () => h.api.status().text === '$(shield) Enclave: 3 orgs');
    assert.deepStrictEqual(h.prompter.messages, [], 'no pop-up for a retry that worked');
  });

  it('honours Retry-After as an HTTP-date', async function () {
    this.timeout(20_000);
    const row = await systemsRow();
    h.server.injectFault({ kind: 'rateLimit', retryAfter: new Date(Date.now() + 3_000) }, { method: 'GET', path: `^/org/${orgId}/systems$` });
    void h.api.tree.getChildren(row);
    const waiting = await waitFor('the rate-limited status', () => (/rate limited/.test(h.api.status().text) ? h.api.status().text : undefined));
    assert.match(waiting, /^\$\(watch\) Enclave: rate limited, retrying in [1-3] s$/);
    await h.children(row);
    const [limited, retried] = systemsRequests();
    const gap = retried.timestamp - limited.timestamp;
    // An HTTP-date has whole seconds: the wait is 2–3 s, never the 250 ms back-off.
    assert.ok(gap >= 1_000 && gap < 4_500, `retried after ${gap} ms`);
    await waitFor('the connected status again', () => h.api.status().text.startsWith('$(shield)'));
  });

  it('retries an idempotent change (PUT disable) the same way, and reports success once', async function () {
    this.timeout(20_000);
    const system = h.server.store.systems(orgId).find((s) => s.isEnabled)!;
    const node: Of<'system'> = { type: 'system', id: `org/${orgId}/systems/${system.systemId}`, orgId, system: { ...system } };
    h.server.injectFault({ kind: 'rateLimit', retryAfter: 1 }, { method: 'PUT' });
    h.prompter.answerConfirm(true);
    await vscode.commands.executeCommand('enclave.disableSystem', node, [node]);
    assert.deepStrictEqual(h.requests('PUT').map((r) => r.status), [429, 200]);
    assert.strictEqual(h.server.store.system(orgId, system.systemId)?.isEnabled, false);
    assert.deepStrictEqual(h.prompter.messagesOf('error'), []);
    assert.strictEqual(h.prompter.messagesOf('info').length, 1);
  });

  it('does not wait past the bound: a Retry-After over 30 s is an error row at once, with the wait in words', async () => {
    const row = await systemsRow();
    h.server.injectFault({ kind: 'rateLimit', retryAfter: 120 }, { method: 'GET', path: `^/org/${orgId}/systems$` });
    const [error] = (await h.children(row)) as Of<'message'>[];
    assert.strictEqual(error.severity, 'error');
    assert.strictEqual(error.text, 'Could not load systems: the Enclave API is limiting requests (HTTP 429) — try again in 120 seconds');
    assert.deepStrictEqual(systemsRequests().map((r) => r.status), [429], 'nothing was retried');
    assert.strictEqual(h.api.session.retryWait, undefined);
    assert.strictEqual(h.api.status().text, '$(shield) Enclave: 3 orgs');
  });

  it('gives up after three retries and says so, instead of retrying for ever', async function () {
    this.timeout(20_000);
    const row = await systemsRow();
    h.server.injectFault({ kind: 'rateLimit', retryAfter: 1 }, { method: 'GET', path: `^/org/${orgId}/systems$`, count: 10 });
    const [error] = (await h.children(row, 15_000)) as Of<'message'>[];
    assert.match(error.text, /^Could not load systems: the Enclave API is limiting requests \(HTTP 429\) — try again in 1 second$/);
    assert.deepStrictEqual(systemsRequests().map((r) => r.status), [429, 429, 429, 429]);
    await waitFor('the connected status again', () => h.api.status().text.startsWith('$(shield)'));
    h.server.clearFaults();
  });
});
