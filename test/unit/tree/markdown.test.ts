import * as assert from 'node:assert/strict';
import { escapeMarkdown, field, tooltip } from '../../../src/tree/markdown';
import { presentSystem } from '../../../src/tree/presentSystem';
import { aSystem } from '../model/fixtures';

const HOSTILE = '**bold** <img src=x> [x](command:workbench.action.quit)';
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/** Every ASCII punctuation character is preceded by an odd number of backslashes. */
function allPunctuationEscaped(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!PUNCTUATION.includes(text[i])) continue;
    if (text[i] === '\\' && PUNCTUATION.includes(text[i + 1] ?? '')) { i++; continue; }
    return false;
  }
  return true;
}

/** The text a reader sees after CommonMark backslash escapes are applied. */
function unescape(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

describe('escapeMarkdown', () => {
  it('neutralises emphasis, HTML and command: links, and reads back as the same text', () => {
    const escaped = escapeMarkdown(HOSTILE);
    assert.ok(allPunctuationEscaped(escaped), escaped);
    assert.ok(!/(^|[^\\])\*\*/.test(escaped), 'bold markers survive');
    assert.ok(!/(^|[^\\])</.test(escaped), 'an HTML tag can open');
    assert.ok(!/(^|[^\\])\]\(/.test(escaped), 'a link can form');
    assert.ok(!/command:/.test(escaped), 'a command: scheme survives');
    assert.equal(unescape(escaped), HOSTILE);
  });

  it('escapes every ASCII punctuation character, entities included', () => {
    const escaped = escapeMarkdown(PUNCTUATION + ' &lt;b&gt; &#60;');
    assert.ok(allPunctuationEscaped(escaped), escaped);
    assert.ok(!/(^|[^\\])&/.test(escaped));
  });

  it('keeps a value on its line: no headings, lists or code blocks from line breaks', () => {
    const escaped = escapeMarkdown('name\n# Heading\r\n- item\n\n    code\u2028x');
    assert.ok(!/[\r\n\u2028]/.test(escaped));
    assert.equal(unescape(escaped), 'name # Heading - item     code x');
  });

  it('drops control and bidi-override characters that could disguise text', () => {
    assert.equal(escapeMarkdown('safe\u202egnp.exe\u0000'), 'safegnp\\.exe');
  });

  it('leaves letters, digits and non-ASCII text alone', () => {
    assert.equal(escapeMarkdown('Büro Laptop 42 東京'), 'Büro Laptop 42 東京');
  });

  it('is used for every API-supplied value in a tooltip', () => {
    const tip = presentSystem(aSystem({ description: HOSTILE, hostname: '<script>', tags: [{ tag: '[t](command:x)', ref: 'r' }], osVersion: '_os_' }), new Date()).tooltip ?? '';
    for (const line of tip.split('\n')) {
      const value = line.replace(/^\*\*[A-Za-z ]+:\*\* /, '').replace(/^\*\*(.*)\*\*$/, '$1').replace(/ {2}$/, '');
      assert.ok(allPunctuationEscaped(value.replace(/ — /, ' ')), line);
    }
    assert.ok(!tip.includes('command:'));
    assert.equal(field('Empty', '  '), undefined);
    assert.equal(tooltip('T', [undefined, '**A:** b']), '**T**\n\n**A:** b');
  });
});
