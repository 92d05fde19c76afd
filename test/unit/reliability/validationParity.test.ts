// The prompts check what is typed with the API's own rules, so a request the API would refuse is
// not sent. Here every input goes both ways: through the prompt's validator, and — built into the
// body exactly as the extension builds it — to the local Enclave-compatible server. The verdicts
// must agree; where the prompt is stricter on purpose, the case says why.
import * as assert from 'node:assert/strict';
import type { EnrolmentKey } from '../../../src/api/types';
import { detectChanges } from '../../../src/ui/promptsChanges';
import { createBody, newKeyDraft, type KeyDraft } from '../../../src/ui/promptsKeyCreate';
import { KEY_FIELDS, keyForm, withConstraints } from '../../../src/ui/promptsKeyEdit';
import * as v from '../../../src/ui/validation';
import { call, useServer } from '../server/helpers';

interface Case {
  readonly input: string;
  /** The prompt refuses what the API would take, on purpose: why. */
  readonly stricter?: string;
}

const cases = (inputs: readonly string[], stricter: Record<string, string> = {}): Case[] =>
  [...inputs, ...Object.keys(stricter)].map((input) => ({ input, stricter: stricter[input] }));

describe('reliability: prompt validation agrees with the API', () => {
  const ctx = useServer({ orgs: 1, systemsPerOrg: 4, keysPerOrg: 4, unapprovedPerOrg: 0 });
  const keys = () => `/org/${ctx.org}/enrolment-keys`;

  /** Sends the create body the prompts would build; true when the server accepted it. */
  async function created(draft: Partial<KeyDraft>): Promise<{ ok: boolean; errors: Record<string, string[]> }> {
    const res = await call(ctx.server, 'POST', keys(), { body: createBody({ ...newKeyDraft(), description: 'Parity', ...draft }) });
    assert.ok(res.status === 200 || res.status === 400, `status ${res.status}: ${res.text}`);
    return { ok: res.status === 200, errors: res.json?.errors ?? {} };
  }

  async function check(field: string, validate: (value: string) => string | undefined, list: Case[], send: (value: string) => Promise<{ ok: boolean; errors: Record<string, string[]> }>): Promise<void> {
    for (const { input, stricter } of list) {
      const local = validate(input);
      const server = await send(input);
      const what = `${field} ${JSON.stringify(input)}: prompt says ${local ?? 'ok'}; API says ${server.ok ? 'ok' : JSON.stringify(server.errors)}`;
      if (stricter) assert.ok(local !== undefined && server.ok, `expected the prompt alone to refuse (${stricter}) — ${what}`);
      else assert.equal(local === undefined, server.ok, what);
    }
  }

  it('key description: required, not blank, at most 100 characters (after trimming)', async () => {
    await check('description', v.validateDescription, cases(['', '   ', 'a', 'Build agents', 'x'.repeat(100), ` ${'x'.repeat(100)} `, 'x'.repeat(101), 'é'.repeat(100), 'é'.repeat(101)]),
      (description) => created({ description }));
  });

  it('tags: lower-case words joined by single - or ., at most 64 characters, no repeats', async () => {
    await check('tags', v.validateTags, cases(['', 'web', 'web, db', 'eu.west-1', 'Web', 'web servers', 'web--servers', '-web', 'we_b', 'a,a', 'x'.repeat(64), 'x'.repeat(65)]),
      (tags) => created({ tags }));
  });

  it('uses of a new key: 1 or more, or unlimited (empty)', async () => {
    await check('uses', v.validateUses, cases(['', 'unlimited', 'UNLIMITED', '1', '10', '2147483647', '0', '1.5', '2147483648', 'ten'], {
      '-1': 'the box offers "empty = unlimited"; a typed -1 reads as a mistake',
    }), (usesRemaining) => created({ usesRemaining }));
  });

  it('uses left on an existing key: 0 or more, or unlimited', async () => {
    const key = ctx.server.store.keys(ctx.org).find((k) => k.type === 'GeneralPurpose')!;
    await check('uses left', v.validateUsesLeft, cases(['', '0', '1', '2147483647', '1.5', 'many'], {
      '-1': 'as for a new key',
    }), async (usesRemaining) => {
      const { patch } = detectChanges(KEY_FIELDS, keyForm({ ...key, usesRemaining: 3 }), { ...keyForm({ ...key, usesRemaining: 3 }), usesRemaining });
      const res = await call(ctx.server, 'PATCH', `${keys()}/${key.id}`, { body: patch });
      return { ok: res.status === 200, errors: res.json?.errors ?? {} };
    });
  });

  it('retention of an ephemeral key: whole minutes from 0 to 10080', async () => {
    await check('retention', v.validateRetentionMinutes, cases(['0', '30', '10080', '10081', '1.5', '-1'], {
      '': "the box starts at the portal's 30 minutes; an emptied box is a slip, not a wish for the API's default",
      soon: "not a number: the body would carry null, which the API reads as its default",
    }), (disconnectedRetentionMinutes) => created({ type: 'Ephemeral', disconnectedRetentionMinutes }));
  });

  it('IP constraints: CIDR (IPv4 and IPv6), single addresses, a.b.c.d - e.f.g.h with start ≤ end, each once', async () => {
    await check('IP ranges', v.validateIpRanges, cases([
      '', '203.0.113.0/24', '0.0.0.0/0', '10.0.0.1', '2001:db8::/32', '::1', 'fe80::1/128', '10.0.0.1 - 10.0.0.9', '10.0.0.1-10.0.0.9',
      '10.0.0.5 - 10.0.0.5', '203.0.113.0/24, 2001:db8::1 , 10.1.1.1 - 10.1.2.1',
      '203.0.113.0/33', '2001:db8::/129', '10.0.0.9 - 10.0.0.1', '300.1.1.1', '10.0.0', 'office', '10.0.0.1 - ::1', '::1 - ::2',
      '10.0.0.0/8, 10.0.0.0/8', '10.0.0.0/', '/24', '10.0.0.0/abc', '10.0.0.1 - 10.0.0.2 - 10.0.0.3',
    ]), (ipConstraints) => created({ ipConstraints }));
  });

  it('IP constraints on edit: only changed ranges are sent, and a kept range keeps its portal description', async () => {
    const key = ctx.server.store.keys(ctx.org).find((k) => k.type === 'GeneralPurpose')!;
    const detail = { ...key, ipConstraints: [{ range: '198.51.100.0/24', description: 'Office' }] } as EnrolmentKey;
    const before = keyForm(detail);
    assert.equal(before.ipConstraints, '198.51.100.0/24');
    const { patch } = detectChanges(KEY_FIELDS, before, { ...before, ipConstraints: '198.51.100.0/24, 192.0.2.7' });
    assert.deepEqual(Object.keys(patch), ['ipConstraints']);
    const body = withConstraints(patch, detail);
    assert.deepEqual(body, { ipConstraints: [{ range: '198.51.100.0/24', description: 'Office' }, { range: '192.0.2.7' }] });
    const res = await call(ctx.server, 'PATCH', `${keys()}/${key.id}`, { body });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json.ipConstraints, [{ range: '198.51.100.0/24', description: 'Office' }, { range: '192.0.2.7', description: null }]);
    const same = detectChanges(KEY_FIELDS, before, { ...before, ipConstraints: ' 198.51.100.0/24 ' });
    assert.deepEqual(same.patch, {}, 'spacing is no change');
  });
});
