import * as assert from 'node:assert/strict';
import type { SearchKey } from '../../../src/api/types';
import { completions, searchProblem } from '../../../src/features/searchSyntax';

function key(name: string, more: Partial<SearchKey> = {}): SearchKey {
  return { name, modifiers: null, dataType: 'None', description: `${name} description`, hintText: `${name}:x`, hintValues: null, canHaveMultiple: false, isDefault: false, useExactMatch: false, ...more };
}

const KEYS = [key('state', { hintValues: ['connected', 'disconnected', 'disabled'] }), key('tags', { dataType: 'Tags' }), key('os', { hintValues: ['windows', 'linux', 'mac'] }), key('key', { dataType: 'EnrolmentKey' })];

describe('search syntax: completion', () => {
  it('completes key names from what is typed, keeping the words before', () => {
    assert.deepEqual(completions('', KEYS).map((i) => i.label), ['state:', 'tags:', 'os:', 'key:']);
    assert.deepEqual(completions('tags:web st', KEYS).map((i) => [i.label, i.value]), [['state:', 'tags:web state:']]);
    assert.deepEqual(completions('tags:web ', KEYS).length, 4, 'after a space: a new word');
  });

  it('completes values from hintValues and the given source, after modifiers, quoting spaces', () => {
    assert.deepEqual(completions('state:dis', KEYS).map((i) => [i.label, i.value]), [['state:disconnected', 'state:disconnected '], ['state:disabled', 'state:disabled ']]);
    assert.deepEqual(completions('os:!w', KEYS).map((i) => i.value), ['os:!windows ']);
    const tags = () => [{ value: 'web' }, { value: 'build agents' }];
    assert.deepEqual(completions('tags:b', KEYS, tags).map((i) => i.value), ['tags:"build agents" ']);
    assert.deepEqual(completions('nope:x', KEYS), []);
    assert.deepEqual(completions('state:connected', KEYS), [], 'a complete value offers nothing more');
  });
});

describe('search syntax: checks as typed', () => {
  it('accepts plain words, known keys, modifiers and the spaced form', () => {
    for (const ok of ['', 'web', 'state:connected os:!windows', 'tags: web', 'key:12 "two words"', 'os:linux os:!mac']) assert.equal(searchProblem(ok, KEYS), undefined, ok);
  });

  it('names an unknown key with the known ones, an empty value with a hint, and an open quote', () => {
    assert.equal(searchProblem('colour:red', KEYS), "Unknown search key 'colour'. Known keys: state, tags, os, key.");
    assert.equal(searchProblem('web state:', KEYS), "'state:' needs a value, e.g. state:x.");
    assert.equal(searchProblem('"web', KEYS), 'A quote is not closed: add the closing ".');
    assert.match(searchProblem('x'.repeat(501), KEYS) ?? '', /too long/);
  });
});
