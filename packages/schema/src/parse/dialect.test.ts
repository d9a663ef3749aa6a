import { describe, expect, it } from 'vitest';
import { canonicalEnvelope, canonicalMethod } from './dialect.js';
import { parseBatch } from './parse-batch.js';

const one = (request: Record<string, unknown>) => ({ requests: [{ id: 'a', ...request }] });

function accepted(envelope: unknown) {
  const parsed = parseBatch(envelope);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem.errors));
  return parsed.value.requests;
}

function rules(envelope: unknown) {
  const parsed = parseBatch(envelope);
  if (parsed.ok) throw new Error('accepted');
  return (parsed.problem.errors ?? []).map((e) => ({ pointer: e.pointer, rule: e.rule }));
}

describe('the OData 4.01 dialect: methods in any ASCII capitalisation', () => {
  it.each(['get', 'Get', 'gEt'])('reads %s as GET', (method) => {
    expect(accepted(one({ method, url: '/x' }))[0]?.method).toBe('GET');
  });

  it('reads every allowed method written in lower case as its upper-case form', () => {
    for (const method of ['head', 'post', 'put', 'patch', 'delete', 'options'])
      expect(accepted(one({ method, url: '/x' }))[0]?.method).toBe(method.toUpperCase());
  });

  it('refuses what no capitalisation makes an allowed method, Unicode case mapping included', () => {
    // "optıons" has a dotless i, which toUpperCase() maps to "I".
    for (const method of ['optıons', 'gett', 'connect', 'GE T', ''])
      expect(rules(one({ method, url: '/x' }))).toContainEqual({
        pointer: '/requests/0/method',
        rule: 'schema.enum',
      });
    expect(canonicalMethod('optıons')).toBeUndefined();
  });

  it('applies the body rule to the canonical method: get with a body is body.notAllowed', () => {
    expect(rules(one({ method: 'get', url: '/x', body: {} }))).toEqual([
      { pointer: '/requests/0/body', rule: 'body.notAllowed' },
    ]);
  });
});

describe('the OData 4.01 dialect: a url without a leading "/" is relative to the service root', () => {
  it('reads Books and Books/1?x=2 as /Books and /Books/1?x=2', () => {
    const requests = accepted({
      requests: [
        { id: 'a', method: 'GET', url: 'Books' },
        { id: 'b', method: 'GET', url: 'Books/1?x=2' },
        { id: 'c', method: 'GET', url: '$metadata' },
      ],
    });
    expect(requests.map((r) => r.url)).toEqual(['/Books', '/Books/1?x=2', '/$metadata']);
  });

  it('keeps every url rule on the relative form: no other origin, no dot segment, no fragment', () => {
    const cases: [string, string][] = [
      ['http://169.254.169.254/latest', 'url.form'],
      ['evil.example:80/steal', 'url.form'],
      ['mailto:someone', 'url.form'],
      ['\\\\evil.example/steal', 'url.form'],
      ['a/../admin', 'url.dotSegment'],
      ['..', 'url.dotSegment'],
      ['%2e%2e/admin', 'url.dotSegment'],
      ['a#frag', 'url.fragment'],
      ['a b', 'url.character'],
      ['%2F%2Fevil.example', 'url.encoding'],
    ];
    for (const [url, rule] of cases)
      expect(rules(one({ method: 'GET', url })), url).toEqual([{ pointer: '/requests/0/url', rule }]);
  });

  it('holds references in a relative url like in a path', () => {
    const parsed = parseBatch({
      requests: [
        { id: 'make', method: 'POST', url: 'items', body: {} },
        { id: 'read', method: 'GET', url: 'items/${make#/body/id}' },
      ],
    });
    expect(parsed.ok && parsed.value.requests[1]?.url).toBe('/items/${make#/body/id}');
    expect(parsed.ok && parsed.dependencies[1]).toEqual([0]);
  });

  it('refuses the OData $<id> url prefix (never a path literally named $id), saying what to write', () => {
    const parsed = parseBatch({
      requests: [
        { id: 'create', method: 'POST', url: '/items', body: {} },
        { id: 'read', method: 'GET', url: '$create/parts' },
      ],
    });
    expect(parsed.ok).toBe(false);
    const errors = parsed.ok ? [] : (parsed.problem.errors ?? []);
    expect(errors).toEqual([
      expect.objectContaining({
        pointer: '/requests/1/url',
        rule: 'url.form',
        detail: expect.stringContaining('${create#/body/id}'),
      }),
    ]);
  });
});

describe('canonicalEnvelope', () => {
  it('returns the very input when nothing needs rewriting, and never mutates it', () => {
    const plain = { requests: [{ id: 'a', method: 'GET', url: '/x' }] };
    expect(canonicalEnvelope(plain)).toBe(plain);
    const odata = { requests: [{ id: 'a', method: 'get', url: 'x' }], options: { onError: 'stop' } };
    const copy = structuredClone(odata);
    expect(canonicalEnvelope(odata)).toEqual({
      requests: [{ id: 'a', method: 'GET', url: '/x' }],
      options: { onError: 'stop' },
    });
    expect(odata).toEqual(copy);
  });

  it('leaves values that are not envelopes alone', () => {
    for (const value of [null, 1, 'x', [], { requests: 'no' }, { requests: [null, 1, 'x'] }])
      expect(canonicalEnvelope(value)).toBe(value);
  });
});
