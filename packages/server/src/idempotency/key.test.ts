import { describe, expect, it } from 'vitest';
import { envelopeFingerprint, scopedKey } from './key.js';

describe('envelope fingerprint', () => {
  it('is the same for equal JSON values whatever the member order', () => {
    const a = { requests: [{ id: 'a', method: 'GET', url: '/x', headers: { B: '1', A: '2' } }] };
    const b = JSON.parse('{"requests":[{"headers":{"A":"2","B":"1"},"url":"/x","method":"GET","id":"a"}]}');
    expect(envelopeFingerprint(b)).toBe(envelopeFingerprint(a));
  });

  it('differs when a value, an array order or a __proto__ member differs', () => {
    const base = {
      requests: [
        { id: 'a', method: 'GET', url: '/x' },
        { id: 'b', method: 'GET', url: '/y' },
      ],
    };
    const swapped = { requests: [base.requests[1], base.requests[0]] };
    const changed = { requests: [{ id: 'a', method: 'GET', url: '/z' }, base.requests[1]] };
    const withProto = JSON.parse(
      '{"requests":[{"id":"a","method":"POST","url":"/x","body":{"__proto__":{"v":1}}}]}',
    );
    const withoutProto = JSON.parse('{"requests":[{"id":"a","method":"POST","url":"/x","body":{}}]}');
    expect(envelopeFingerprint(swapped)).not.toBe(envelopeFingerprint(base));
    expect(envelopeFingerprint(changed)).not.toBe(envelopeFingerprint(base));
    expect(envelopeFingerprint(withProto)).not.toBe(envelopeFingerprint(withoutProto));
  });

  it('scopes keys by credentials', () => {
    expect(scopedKey('k', ['Bearer a', undefined])).not.toBe(scopedKey('k', ['Bearer b', undefined]));
    expect(scopedKey('k', ['Bearer a', undefined])).toBe(scopedKey('k', ['Bearer a', undefined]));
    // An operator-inherited API key scopes too.
    expect(scopedKey('k', [undefined, undefined, 'key-a'])).not.toBe(
      scopedKey('k', [undefined, undefined, 'key-b']),
    );
  });
});
