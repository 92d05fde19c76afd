import * as assert from 'assert';
import { andRefusal, fieldMessages, refusalOf } from '../../../src/ui/promptsRefused';

describe('API validation errors on the prompts', () => {
  it('maps the API field names (any case, indexed, JSON paths) to form keys', () => {
    const messages = fieldMessages(
      { Description: ['Too long.'], 'Tags[1]': ['Bad tag.'], '$.usesRemaining': ['Nope.'], Other: ['Elsewhere.'] },
      ['description', 'tags', 'usesRemaining'],
    );
    assert.deepStrictEqual(messages, { description: 'Too long.', tags: 'Bad tag.', usesRemaining: 'Nope.' });
  });

  it('reads the errors from an API error by shape, and only when there are some', () => {
    const error = Object.assign(new Error('400'), { validationErrors: { Description: ['Too long.'] } });
    assert.deepStrictEqual(refusalOf(error, { description: 'abc', tags: '' }), { sent: { description: 'abc', tags: '' }, messages: { description: 'Too long.' } });
    assert.strictEqual(refusalOf(new Error('network'), { description: 'abc' }), undefined);
  });

  it('shows the message while the box still holds the refused value', () => {
    const refusal = { sent: { description: 'abc' }, messages: { description: 'Too long.' } };
    const validate = andRefusal(() => undefined, 'description', refusal);
    assert.strictEqual(validate('abc'), 'Too long.');
    assert.strictEqual(validate(' abc '), 'Too long.');
    assert.strictEqual(validate('ab'), undefined);
    assert.strictEqual(andRefusal((x) => (x ? undefined : 'Enter one.'), 'description', refusal)(''), 'Enter one.');
  });
});
