import { describe, expect, it } from 'vitest';
import { terminalSafe, terminalSafeJson } from '../../electron/cli/terminal-text';

describe('terminalSafe', () => {
  it('escapes C0, DEL, C1, bidi embeddings, overrides and isolates, line separators and invisible spaces', () => {
    expect(terminalSafe('a\x1b[2Jb\x07\t\n\x7f\x9b\u0085')).toBe('a\\x1b[2Jb\\x07\\x09\\x0a\\x7f\\x9b\\x85');
    expect(terminalSafe('\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029\u200b\u2060\ufeff')).toBe(
      '\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069\\u2028\\u2029\\u200b\\u2060\\ufeff',
    );
  });

  it('leaves letters, marks and joiners that scripts and emoji need', () => {
    const text = 'Café “quoted” — שלום\u200f عربي\u061c नमस्ते\u200c 👩\u200d💻 ½';
    expect(terminalSafe(text)).toBe(text);
  });

  it('writes JSON that parses to the same value, with the same characters escaped', () => {
    const value = { title: 'a\u202eb\x1bc\x9bd\u2028e' };
    const json = terminalSafeJson(value);
    expect(json).toContain('a\\u202eb\\u001bc\\u009bd\\u2028e');
    expect(JSON.parse(json)).toEqual(value);
  });
});
