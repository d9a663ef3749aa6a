import { describe, expect, it } from 'vitest';
import { utf8Length } from './utf8-length.js';

describe('utf8Length', () => {
  it('equals the length of the UTF-8 encoding, lone surrogates included', () => {
    const samples = ['', 'ascii', 'caf\u00e9', '\u20ac100', '\u{1f600}x', 'a\ud800b', '\udc00', 'z\ud83d'];
    for (const text of samples) expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
  });
});
