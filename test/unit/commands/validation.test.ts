import * as assert from 'assert';
import * as v from '../../../src/ui/validation';
import { LIMITS, TAG_PATTERN as SERVER_TAG_PATTERN } from '../../server/rules';

describe('entity prompt validation', () => {
  it('uses the same limits as the local Enclave-compatible server', () => {
    assert.strictEqual(v.DESCRIPTION_MAX, LIMITS.description);
    assert.strictEqual(v.NOTES_MAX, LIMITS.notes);
    assert.strictEqual(v.ORG_NAME_MAX, LIMITS.orgName);
    assert.strictEqual(v.WEBSITE_MAX, LIMITS.website);
    assert.strictEqual(v.PHONE_MAX, LIMITS.phone);
    assert.strictEqual(v.TAG_MAX, LIMITS.tag);
    assert.deepStrictEqual([v.RETENTION_MIN, v.RETENTION_MAX], [...LIMITS.retentionMinutes]);
    assert.strictEqual(v.TAG_PATTERN.source, SERVER_TAG_PATTERN.source);
  });

  describe('description', () => {
    it('is required and not blank', () => {
      assert.strictEqual(v.validateDescription(''), 'Enter a description.');
      assert.strictEqual(v.validateDescription('   '), 'Enter a description.');
      assert.strictEqual(v.validateDescription('Build agents'), undefined);
    });
    it('is at most the limit, counted without surrounding spaces', () => {
      assert.strictEqual(v.validateDescription('x'.repeat(v.DESCRIPTION_MAX)), undefined);
      assert.strictEqual(v.validateDescription(`  ${'x'.repeat(v.DESCRIPTION_MAX)}  `), undefined);
      assert.match(v.validateDescription('x'.repeat(v.DESCRIPTION_MAX + 1)) ?? '', /at most 100 characters; this one has 101/);
    });
    it('may be empty where optional (systems)', () => {
      assert.strictEqual(v.validateOptionalDescription(''), undefined);
      assert.ok(v.validateOptionalDescription('x'.repeat(v.DESCRIPTION_MAX + 1)));
    });
  });

  describe('tags', () => {
    it('accepts lower-case words joined by - or .', () => {
      for (const ok of ['', 'web', 'web-servers', 'eu.west-1', 'a1, b2 ,c3', 'x,,y', 'a,']) assert.strictEqual(v.validateTags(ok), undefined, ok);
    });
    it('names the first tag that breaks the rule', () => {
      for (const bad of ['Web', 'web servers', 'web--servers', '-web', 'web-', 'we_b', 'ok, Bad']) {
        assert.match(v.validateTags(bad) ?? '', /is not a valid tag/, bad);
      }
      assert.match(v.validateTags('ok, Bad') ?? '', /^'Bad'/);
    });
    it('refuses duplicates and over-long tags', () => {
      assert.strictEqual(v.validateTags('web, db, web'), "'web' is listed twice.");
      assert.match(v.validateTags('a'.repeat(v.TAG_MAX + 1)) ?? '', /at most 64 characters/);
      assert.strictEqual(v.validateTags('a'.repeat(v.TAG_MAX)), undefined);
    });
    it('parses a comma-separated list, ignoring blanks', () => {
      assert.deepStrictEqual(v.parseTags(' web , db,, edge '), ['web', 'db', 'edge']);
      assert.deepStrictEqual(v.parseTags(''), []);
    });
  });

  describe('uses', () => {
    it('takes empty or "unlimited" as unlimited (-1)', () => {
      for (const unlimited of ['', '  ', 'unlimited', 'Unlimited ']) {
        assert.strictEqual(v.validateUses(unlimited), undefined);
        assert.strictEqual(v.parseUses(unlimited), -1);
      }
    });
    it('takes a whole number of at least 1 for a new key', () => {
      assert.strictEqual(v.validateUses('1'), undefined);
      assert.strictEqual(v.parseUses(' 25 '), 25);
      for (const bad of ['0', '-1', '1.5', 'ten', '1e3', '99999999999']) assert.match(v.validateUses(bad) ?? '', /whole number of uses \(1 or more\)/, bad);
    });
    it('allows 0 for the uses left of an existing key', () => {
      assert.strictEqual(v.validateUsesLeft('0'), undefined);
      assert.match(v.validateUsesLeft('-3') ?? '', /0 or more/);
    });
    it('shows unlimited as an empty box', () => {
      assert.strictEqual(v.usesText(-1), '');
      assert.strictEqual(v.usesText(7), '7');
    });
  });

  it('retention minutes: a whole number in the range', () => {
    assert.strictEqual(v.validateRetentionMinutes('0'), undefined);
    assert.strictEqual(v.validateRetentionMinutes('30'), undefined);
    assert.strictEqual(v.validateRetentionMinutes(String(v.RETENTION_MAX)), undefined);
    for (const bad of ['', '-1', '2.5', String(v.RETENTION_MAX + 1), 'soon']) {
      assert.strictEqual(v.validateRetentionMinutes(bad), 'Enter a whole number of minutes from 0 to 10080 (one week).', bad);
    }
  });

  it('organisation name: required, at most the limit', () => {
    assert.match(v.validateOrgName(' ') ?? '', /Enter a name/);
    assert.strictEqual(v.validateOrgName('Acme Ltd'), undefined);
    assert.match(v.validateOrgName('x'.repeat(v.ORG_NAME_MAX + 1)) ?? '', /at most 100/);
  });

  it('website: empty, or an http(s) address with or without the scheme', () => {
    for (const ok of ['', 'https://example.com', 'http://intranet.example.org/path', 'example.com', 'http://localhost:8080']) {
      assert.strictEqual(v.validateWebsite(ok), undefined, ok);
    }
    for (const bad of ['not a url', 'ftp://example.com', 'https://acme', 'javascript:alert(1)']) {
      assert.match(v.validateWebsite(bad) ?? '', /web address/, bad);
    }
    assert.match(v.validateWebsite(`https://example.com/${'a'.repeat(v.WEBSITE_MAX)}`) ?? '', /at most 200/);
  });

  it('phone: loose, refusing only obvious mistakes', () => {
    for (const ok of ['', '+44 20 7946 0000', '(555) 123-4567', '555.123.4567 ext 12', '+1-800-555-0199 x3']) {
      assert.strictEqual(v.validatePhone(ok), undefined, ok);
    }
    assert.match(v.validatePhone('call me') ?? '', /digits, spaces/);
    assert.match(v.validatePhone('12') ?? '', /between 3 and 20 digits/);
    assert.match(v.validatePhone('1'.repeat(v.PHONE_MAX + 1)) ?? '', /at most 50/);
  });

  it('notes: at most the limit', () => {
    assert.strictEqual(v.validateNotes(''), undefined);
    assert.match(v.validateNotes('n'.repeat(v.NOTES_MAX + 1)) ?? '', /at most 4000/);
  });
});
