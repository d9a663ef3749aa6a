import { describe, expect, it } from 'vitest';
import { escapeTemplateLiteral, referenceToken, scanTemplate } from './references.js';

describe('reference templates', () => {
  it('splits literal text and tokens in order', () => {
    expect(scanTemplate('/items/${create#/body/id}/tags')).toEqual({
      ok: true,
      parts: ['/items/', { id: 'create', pointer: '/body/id' }, '/tags'],
      references: [{ id: 'create', pointer: '/body/id' }],
    });
  });

  it('reads ${ID#} as the whole response and a lone token as one part', () => {
    const result = scanTemplate('${a#}');
    expect(result).toEqual({
      ok: true,
      parts: [{ id: 'a', pointer: '' }],
      references: [{ id: 'a', pointer: '' }],
    });
  });

  it('reads $${ as a literal ${', () => {
    expect(scanTemplate('price: $${amount} and ${a#/x}')).toEqual({
      ok: true,
      parts: ['price: ${amount} and ', { id: 'a', pointer: '/x' }],
      references: [{ id: 'a', pointer: '/x' }],
    });
  });

  it('leaves text without tokens as one literal part', () => {
    expect(scanTemplate('plain $ text {}')).toEqual({ ok: true, parts: ['plain $ text {}'], references: [] });
    expect(scanTemplate('')).toEqual({ ok: true, parts: [''], references: [] });
  });

  it('fails with a reason on malformed tokens', () => {
    for (const text of ['${a', '${a}', '${#/x}', '${a b#/x}', '${a#x}', '${a#/~3}']) {
      const result = scanTemplate(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.detail).toMatch(/reference/);
    }
  });

  it('builds tokens and escapes literals that scan back to the same text', () => {
    expect(referenceToken('a', '/body/id')).toBe('${a#/body/id}');
    const escaped = escapeTemplateLiteral('use ${x} here');
    expect(escaped).toBe('use $${x} here');
    expect(scanTemplate(escaped)).toEqual({ ok: true, parts: ['use ${x} here'], references: [] });
  });
});
