// The vscode-free parts of Edit as JSON: paths, documents, the save-time checks, change detection,
// and the JSON schemas in media/schemas kept in step with the documents and the checks.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { EnclaveSystem, EnrolmentKey } from '../../../src/api/types';
import { changedFields, conflicts, patchOf } from '../../../src/features/json/changes';
import { check } from '../../../src/features/json/checks';
import { FIELDS, keyDoc, parse, READ_ONLY, render, systemDoc, type JsonObject } from '../../../src/features/json/documents';
import { docPath, parseDocPath, sameTarget } from '../../../src/features/json/uris';
import * as v from '../../../src/ui/validation';

const ORG = 'e6f26a224e796d3f7b3843ac60da256b';

const system = {
  systemId: 'AB12C', description: 'web-01', systemType: 'GeneralPurpose', state: 'Connected', enrolledAt: '2026-01-01T00:00:00Z',
  enrolmentKeyId: 3, isEnabled: true, hostname: 'web-01.local', gatewayRoutes: [{ subnet: '192.168.1.0/24', userEntered: true, weight: 10, name: 'Office' }],
  tags: [{ tag: 'web', ref: 'ref:1' }, { tag: 'prod', ref: 'ref:2' }], notes: null,
} as unknown as EnclaveSystem;

const key = {
  id: 12, created: '2026-01-01T00:00:00Z', type: 'Ephemeral', approvalMode: 'Manual', status: 'Enabled', key: 'SECRET-VALUE-NEVER-SHOWN',
  description: 'Build agents', isEnabled: true, usesRemaining: -1, enrolledCount: 1, unapprovedCount: 0, tags: [], disconnectedRetentionMinutes: 15,
  ipConstraints: [{ range: '198.51.100.0/24', description: 'Office' }], notes: 'n', autoExpire: null,
} as unknown as EnrolmentKey;

function messages(kind: 'system' | 'key' | 'org', base: JsonObject, edit: JsonObject): string[] {
  return check(kind, edit, base).map((p) => p.message);
}

describe('edit as JSON (pure logic)', () => {
  it('builds readable paths and parses the entity back from them, whatever the name says', () => {
    const p = docPath({ kind: 'system', orgId: ORG, id: 'AB12C' }, 'web/01: "prod"');
    assert.strictEqual(p, `/${ORG}/systems/AB12C web-01- -prod-.json`);
    assert.deepStrictEqual(parseDocPath(p), { kind: 'system', orgId: ORG, id: 'AB12C' });
    assert.deepStrictEqual(parseDocPath(docPath({ kind: 'key', orgId: ORG, id: '12' }, 'Build agents')), { kind: 'key', orgId: ORG, id: '12' });
    assert.deepStrictEqual(parseDocPath(`/${ORG}/organisation Acme.json`), { kind: 'org', orgId: ORG, id: '' });
    assert.strictEqual(parseDocPath(`/${ORG}/enrolment-keys/abc.json`), undefined);
    assert.strictEqual(parseDocPath(`/${ORG}/systems`), undefined);
    assert.ok(sameTarget({ kind: 'system', orgId: ORG, id: 'ab12c' }, { kind: 'system', orgId: ORG, id: 'AB12C' }));
  });

  it('puts the patchable fields in the document, never the key secret', () => {
    const doc = keyDoc(key);
    assert.deepStrictEqual(Object.keys(doc), [...FIELDS.key, READ_ONLY]);
    assert.ok(!render(doc).includes(key.key));
    const general = keyDoc({ ...key, type: 'GeneralPurpose' } as EnrolmentKey);
    assert.ok(!('disconnectedRetentionMinutes' in general));
    assert.deepStrictEqual(systemDoc(system).tags, ['web', 'prod']);
  });

  it('accepts the document as opened and refuses each kind of mistake with a sentence', () => {
    const base = systemDoc(system);
    assert.deepStrictEqual(messages('system', base, base), []);
    assert.match(messages('system', base, { ...base, tags: ['Web Servers'] })[0], /"Web Servers" is not a valid tag/);
    assert.match(messages('system', base, { ...base, tags: ['web', 'web'] })[0], /'web' is listed twice/);
    assert.match(messages('system', base, { ...base, isEnabled: 'yes' })[0], /isEnabled must be true or false/);
    assert.match(messages('system', base, { ...base, gatewayRoutes: [{ subnet: '10.0.0.0/33', userEntered: true, weight: 0, name: null }] })[0], /CIDR/);
    assert.match(messages('system', base, { ...base, extra: 1 })[0], /'extra' is not a field/);
    const { notes: _dropped, ...withoutNotes } = base;
    assert.match(messages('system', base, withoutNotes)[0], /'notes' is missing/);
    assert.match(messages('system', base, { ...base, [READ_ONLY]: { state: 'Disabled' } })[0], /cannot be changed/);

    const kbase = keyDoc(key);
    assert.match(messages('key', kbase, { ...kbase, approvalMode: 'Sometimes' })[0], /one of "Automatic", "Manual"/);
    assert.match(messages('key', kbase, { ...kbase, usesRemaining: 'x' })[0], /whole number/);
    assert.match(messages('key', kbase, { ...kbase, usesRemaining: -2 })[0], /whole number/);
    assert.match(messages('key', kbase, { ...kbase, description: '  ' })[0], /Enter a description/);
    assert.match(messages('key', kbase, { ...kbase, disconnectedRetentionMinutes: 99999 })[0], /minutes/);
    assert.match(messages('key', kbase, { ...kbase, ipConstraints: [{ range: '300.1.1.1', description: null }] })[0], /not an IP address/);
    assert.match(messages('key', kbase, { ...kbase, autoExpire: { timeZoneId: null, expiryDateTime: 'soon', expiryAction: 'Disable' } })[0], /date and time/);
    assert.deepStrictEqual(messages('key', kbase, { ...kbase, autoExpire: { timeZoneId: 'Etc/UTC', expiryDateTime: '2026-12-31T17:00', expiryAction: 'Delete' } }), []);
    const general = keyDoc({ ...key, type: 'GeneralPurpose' } as EnrolmentKey);
    assert.match(messages('key', general, { ...general, disconnectedRetentionMinutes: 5 })[0], /only ephemeral keys/);

    const org = { name: 'Acme', website: null, phone: null };
    assert.match(messages('org', org, { ...org, name: '' })[0], /Enter a name/);
    assert.match(messages('org', org, { ...org, phone: 'call me' })[0], /phone number/);
  });

  it('reports JSON syntax errors with the line', () => {
    const parsed = parse('{\n  "description": \n}');
    assert.ok(!parsed.ok);
    assert.match(parsed.ok ? '' : parsed.message, /^the document is not valid JSON/);
    assert.ok(!parse('[1]').ok);
  });

  it('finds the changed fields (tags as a set, readOnly never) and patches only those', () => {
    const base = systemDoc(system);
    const edit = { ...base, tags: ['prod', 'web'], notes: 'x', [READ_ONLY]: {} };
    assert.deepStrictEqual(changedFields(base, edit), ['notes']);
    assert.deepStrictEqual(patchOf(edit, ['notes']), { notes: 'x' });
    assert.ok(!conflicts(base, { ...base, [READ_ONLY]: { state: 'Disconnected' } }), 'a new lastSeen or state is no conflict');
    assert.ok(conflicts(base, { ...base, description: 'renamed' }));
  });

  describe('JSON schemas (media/schemas)', () => {
    const schema = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../media/schemas', name), 'utf8'));
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8'));

    it('describe exactly the fields of each document, with the same rules as the checks', () => {
      const system = schema('system.schema.json');
      const key = schema('enrolment-key.schema.json');
      const org = schema('organisation.schema.json');
      assert.deepStrictEqual(Object.keys(system.properties), [...FIELDS.system, READ_ONLY]);
      assert.deepStrictEqual(Object.keys(key.properties), [...FIELDS.key, READ_ONLY]);
      assert.deepStrictEqual(Object.keys(org.properties), [...FIELDS.org, READ_ONLY]);
      assert.strictEqual(system.definitions.tags.items.pattern, v.TAG_PATTERN.source);
      assert.strictEqual(key.properties.tags.items.pattern, v.TAG_PATTERN.source);
      assert.strictEqual(system.properties.description.maxLength, v.DESCRIPTION_MAX);
      assert.strictEqual(key.properties.notes.maxLength, v.NOTES_MAX);
      assert.strictEqual(key.properties.disconnectedRetentionMinutes.maximum, v.RETENTION_MAX);
      assert.strictEqual(org.properties.name.maxLength, v.ORG_NAME_MAX);
      assert.deepStrictEqual(key.properties.approvalMode.enum, ['Automatic', 'Manual']);
      for (const s of [system, key, org]) assert.strictEqual(s.additionalProperties, false);
    });

    it('are contributed for enclave: documents only', () => {
      const contributed = manifest.contributes.jsonValidation as { fileMatch: string; url: string }[];
      assert.deepStrictEqual(contributed.map((c) => c.url).sort(), ['./media/schemas/enrolment-key.schema.json', './media/schemas/organisation.schema.json', './media/schemas/system.schema.json']);
      for (const c of contributed) assert.match(c.fileMatch, /^enclave:\//);
    });
  });
});
