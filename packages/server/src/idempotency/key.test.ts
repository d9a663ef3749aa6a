import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { envelopeFingerprint, scopedKey } from './key.js';

describe('envelope fingerprint', () => {
  it('is the same for equal JSON values whatever the member order', async () => {
    const a = { requests: [{ id: 'a', method: 'GET', url: '/x', headers: { B: '1', A: '2' } }] };
    const b = JSON.parse('{"requests":[{"headers":{"A":"2","B":"1"},"url":"/x","method":"GET","id":"a"}]}');
    expect(await envelopeFingerprint(b)).toBe(await envelopeFingerprint(a));
  });

  it('differs when a value, an array order or a __proto__ member differs', async () => {
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
    expect(await envelopeFingerprint(swapped)).not.toBe(await envelopeFingerprint(base));
    expect(await envelopeFingerprint(changed)).not.toBe(await envelopeFingerprint(base));
    expect(await envelopeFingerprint(withProto)).not.toBe(await envelopeFingerprint(withoutProto));
  });

  it('scopes keys by credentials', async () => {
    expect(await scopedKey('k', ['Bearer a', undefined])).not.toBe(
      await scopedKey('k', ['Bearer b', undefined]),
    );
    expect(await scopedKey('k', ['Bearer a', undefined])).toBe(await scopedKey('k', ['Bearer a', undefined]));
    // An operator-inherited API key scopes too.
    expect(await scopedKey('k', [undefined, undefined, 'key-a'])).not.toBe(
      await scopedKey('k', [undefined, undefined, 'key-b']),
    );
  });

  it('keeps the SHA-256 base64url keys of earlier versions, so keys already in a shared store still match', async () => {
    const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');
    expect(await scopedKey('k', ['Bearer \u00e9', undefined, 'x'])).toBe(
      `${sha256('Bearer \u00e9\u0000\u0000x')}:k`,
    );
    const envelope = { requests: [{ id: 'a', method: 'GET', url: '/x', headers: { B: '1', A: '2' } }] };
    expect(await envelopeFingerprint(envelope)).toBe(
      sha256('{"requests":[{"headers":{"A":"2","B":"1"},"id":"a","method":"GET","url":"/x"}]}'),
    );
  });
});
