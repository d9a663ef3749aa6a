import { describe, expect, it } from 'vitest';
import { PROBLEM_TYPES } from '../constants/problem-types.js';
import { parseBatch } from './parse-batch.js';

type Envelope = unknown;

const get = (id: string, url: string, extra: Record<string, unknown> = {}) => ({
  id,
  method: 'GET',
  url,
  ...extra,
});
const post = (id: string, url: string, body: unknown, extra: Record<string, unknown> = {}) => ({
  id,
  method: 'POST',
  url,
  body,
  ...extra,
});
const batch = (...requests: unknown[]) => ({ requests });

/** Envelopes that must be accepted. */
const VALID: [string, Envelope][] = [
  ['one GET', batch(get('1', '/items/1'))],
  [
    'Graph-style ids and query',
    batch(get('1', '/me?$select=displayName'), get('2', '/users?$top=5&$filter=x%20eq%201')),
  ],
  [
    'all allowed methods',
    batch(
      ...['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].map((m, i) => ({
        id: `r${i}`,
        method: m,
        url: '/x',
      })),
    ),
  ],
  [
    'dependsOn an earlier request',
    batch(post('a', '/items', { n: 1 }), get('b', '/items/1', { dependsOn: ['a'] })),
  ],
  [
    'reference in url implies a dependency',
    batch(post('create', '/items', {}), get('read', '/items/${create#/body/id}')),
  ],
  ['reference to the whole response in a body', batch(get('a', '/x'), post('b', '/y', { copy: '${a#}' }))],
  ['escaped literal ${ in a body string', batch(post('a', '/y', { text: 'costs $${price}' }))],
  [
    'reference in a header value',
    batch(get('a', '/x'), get('b', '/y', { headers: { 'If-Match': '${a#/headers/ETag}' } })),
  ],
  [
    'unknown members are ignored',
    { requests: [{ ...get('1', '/x'), future: true }], options: { onError: 'stop', later: 1 }, extra: {} },
  ],
  ['options.onError continue', { requests: [get('1', '/x')], options: { onError: 'continue' } }],
  ['id of 128 characters with every allowed kind', batch(get(`${'a'.repeat(124)}._~-`, '/x'))],
  ['root path', batch(get('1', '/'))],
  [
    'content-type header and text body',
    batch(post('1', '/notes', 'hello', { headers: { 'Content-Type': 'text/plain' } })),
  ],
  ['null body on POST', batch(post('1', '/x', null))],
  ['brackets in the query', batch(get('1', '/items?filter[name]=a'))],
  ['dot inside a segment', batch(get('1', '/files/v1.2/a..b'))],
  [
    '__proto__ key in a body',
    JSON.parse('{"requests":[{"id":"1","method":"POST","url":"/x","body":{"__proto__":{"polluted":true}}}]}'),
  ],
];

/** Envelopes that must be rejected, with the exact pointers (and rules) expected. */
const INVALID: [string, Envelope, [string, string][]][] = [
  ['not an object', 42, [['', 'schema.type']]],
  ['null', null, [['', 'schema.type']]],
  ['an array (JSON-RPC style)', [get('1', '/x')], [['', 'schema.type']]],
  ['missing requests', {}, [['/requests', 'schema.required']]],
  ['empty requests', { requests: [] }, [['/requests', 'schema.minItems']]],
  ['requests not an array', { requests: {} }, [['/requests', 'schema.type']]],
  ['missing id', batch({ method: 'GET', url: '/x' }), [['/requests/0/id', 'schema.required']]],
  ['empty id', batch(get('', '/x')), [['/requests/0/id', 'schema.format']]],
  ['id with a space', batch(get('a b', '/x')), [['/requests/0/id', 'schema.format']]],
  ['id of 129 characters', batch(get('a'.repeat(129), '/x')), [['/requests/0/id', 'schema.format']]],
  ['numeric id', batch({ id: 1, method: 'GET', url: '/x' }), [['/requests/0/id', 'schema.type']]],
  ['duplicate id', batch(get('a', '/x'), get('a', '/y')), [['/requests/1/id', 'id.duplicate']]],
  ['unknown method', batch({ id: '1', method: 'TRACE', url: '/x' }), [['/requests/0/method', 'schema.enum']]],
  [
    'method no capitalisation makes allowed',
    batch({ id: '1', method: 'gett', url: '/x' }),
    [['/requests/0/method', 'schema.enum']],
  ],
  ['missing url', batch({ id: '1', method: 'GET' }), [['/requests/0/url', 'schema.required']]],
  ['absolute url', batch(get('1', 'http://evil.example/x')), [['/requests/0/url', 'url.form']]],
  ['scheme-relative url', batch(get('1', '//evil.example/x')), [['/requests/0/url', 'url.form']]],
  ['relative url with a scheme', batch(get('1', 'items:1/x')), [['/requests/0/url', 'url.form']]],
  ['backslash after slash', batch(get('1', '/\\evil.example')), [['/requests/0/url', 'url.form']]],
  ['backslash inside', batch(get('1', '/a\\b')), [['/requests/0/url', 'url.character']]],
  ['encoded double slash', batch(get('1', '/%2F%2Fevil.example')), [['/requests/0/url', 'url.encoding']]],
  ['encoded backslash', batch(get('1', '/a%5cb')), [['/requests/0/url', 'url.encoding']]],
  ['fragment', batch(get('1', '/x#frag')), [['/requests/0/url', 'url.fragment']]],
  ['dot-dot segment', batch(get('1', '/a/../batch')), [['/requests/0/url', 'url.dotSegment']]],
  ['single dot segment', batch(get('1', '/./x')), [['/requests/0/url', 'url.dotSegment']]],
  ['encoded dot-dot segment', batch(get('1', '/a/%2e%2E/x')), [['/requests/0/url', 'url.dotSegment']]],
  ['raw space', batch(get('1', '/a b')), [['/requests/0/url', 'url.character']]],
  ['CR LF in url', batch(get('1', '/a\r\nHost: evil')), [['/requests/0/url', 'url.character']]],
  ['encoded NUL', batch(get('1', '/a%00')), [['/requests/0/url', 'url.encoding']]],
  ['bad percent-encoding', batch(get('1', '/a%zz')), [['/requests/0/url', 'url.encoding']]],
  [
    'Authorization header',
    batch(get('1', '/x', { headers: { Authorization: 'Bearer x' } })),
    [['/requests/0/headers/Authorization', 'header.forbidden']],
  ],
  [
    'cookie header any case',
    batch(get('1', '/x', { headers: { COOKIE: 'a=b' } })),
    [['/requests/0/headers/COOKIE', 'header.forbidden']],
  ],
  [
    'host header',
    batch(get('1', '/x', { headers: { host: 'evil' } })),
    [['/requests/0/headers/host', 'header.forbidden']],
  ],
  [
    'transfer-encoding header',
    batch(post('1', '/x', {}, { headers: { 'Transfer-Encoding': 'chunked' } })),
    [['/requests/0/headers/Transfer-Encoding', 'header.forbidden']],
  ],
  [
    'proxy-authorization header',
    batch(get('1', '/x', { headers: { 'Proxy-Authorization': 'x' } })),
    [['/requests/0/headers/Proxy-Authorization', 'header.forbidden']],
  ],
  [
    'CRLF in a header value',
    batch(get('1', '/x', { headers: { 'X-A': 'v\r\nX-B: w' } })),
    [['/requests/0/headers/X-A', 'header.value']],
  ],
  [
    'NUL in a header value',
    batch(get('1', '/x', { headers: { 'X-A': 'v\u0000' } })),
    [['/requests/0/headers/X-A', 'header.value']],
  ],
  [
    'invalid header name',
    batch(get('1', '/x', { headers: { 'X A': 'v' } })),
    [['/requests/0/headers/X A', 'header.name']],
  ],
  [
    'header name with a slash is escaped in the pointer',
    batch(get('1', '/x', { headers: { 'a/b': 'v' } })),
    [['/requests/0/headers/a~1b', 'header.name']],
  ],
  [
    'duplicate header names',
    batch(get('1', '/x', { headers: { 'X-A': '1', 'x-a': '2' } })),
    [['/requests/0/headers/x-a', 'header.duplicate']],
  ],
  [
    'non-string header value',
    batch(get('1', '/x', { headers: { 'X-A': 1 } })),
    [['/requests/0/headers/X-A', 'schema.type']],
  ],
  ['body on GET', batch(get('1', '/x', { body: { a: 1 } })), [['/requests/0/body', 'body.notAllowed']]],
  [
    'null body on HEAD',
    batch({ id: '1', method: 'HEAD', url: '/x', body: null }),
    [['/requests/0/body', 'body.notAllowed']],
  ],
  [
    'dependsOn unknown id',
    batch(get('a', '/x', { dependsOn: ['zzz'] })),
    [['/requests/0/dependsOn/0', 'dependsOn.unknown']],
  ],
  [
    'dependsOn itself',
    batch(get('a', '/x', { dependsOn: ['a'] })),
    [['/requests/0/dependsOn/0', 'dependsOn.self']],
  ],
  [
    'dependsOn a later request (cycle)',
    batch(get('a', '/x', { dependsOn: ['b'] }), get('b', '/y', { dependsOn: ['a'] })),
    [['/requests/0/dependsOn/0', 'dependsOn.forward']],
  ],
  [
    'dependsOn not an array',
    batch(get('a', '/x', { dependsOn: 'b' })),
    [['/requests/0/dependsOn', 'schema.type']],
  ],
  [
    'reference to a later request',
    batch(get('a', '/x/${b#/body/id}'), get('b', '/y')),
    [['/requests/0/url', 'reference.forward']],
  ],
  [
    'reference to itself',
    batch(post('a', '/x', { v: '${a#/status}' })),
    [['/requests/0/body/v', 'reference.self']],
  ],
  [
    'reference to an unknown id',
    batch(get('a', '/x'), post('b', '/y', { list: ['${nope#/body}'] })),
    [['/requests/1/body/list/0', 'reference.unknown']],
  ],
  [
    'malformed reference without #',
    batch(get('a', '/x'), get('b', '/y/${a}')),
    [['/requests/1/url', 'reference.syntax']],
  ],
  [
    'unterminated reference',
    batch(get('a', '/x'), post('b', '/y', '${a#/body')),
    [['/requests/1/body', 'reference.syntax']],
  ],
  [
    'reference pointer not a JSON Pointer',
    batch(get('a', '/x'), get('b', '/y', { headers: { 'X-Id': '${a#body}' } })),
    [['/requests/1/headers/X-Id', 'reference.syntax']],
  ],
  [
    'reference pointer with a bad escape',
    batch(get('a', '/x'), post('b', '/y', { v: '${a#/a~2}' })),
    [['/requests/1/body/v', 'reference.syntax']],
  ],
  [
    'url with the OData $id prefix',
    batch(get('a', '/x'), get('b', '$a/parts')),
    [['/requests/1/url', 'url.form']],
  ],
  [
    'onError not allowed value',
    { requests: [get('1', '/x')], options: { onError: 'abort' } },
    [['/options/onError', 'schema.enum']],
  ],
  [
    'atomicityGroup without the capability',
    batch(post('1', '/x', {}, { atomicityGroup: 'g1' })),
    [['/requests/0/atomicityGroup', 'atomicity.unsupported']],
  ],
  ['request not an object', batch('GET /x'), [['/requests/0', 'schema.type']]],
  [
    'several violations at once are all listed',
    batch(get('a', 'http://x'), get('a', '/y', { headers: { Cookie: 'c' } }), {
      id: 'c',
      method: 'GET',
      url: '/z',
      body: 1,
    }),
    [
      ['/requests/1/id', 'id.duplicate'],
      ['/requests/0/url', 'url.form'],
      ['/requests/1/headers/Cookie', 'header.forbidden'],
      ['/requests/2/body', 'body.notAllowed'],
    ],
  ],
];

describe('parseBatch', () => {
  it.each(VALID)('accepts: %s', (_name, envelope) => {
    const result = parseBatch(envelope);
    if (!result.ok) expect.fail(JSON.stringify(result.problem.errors));
    expect(result.value).toBe(envelope);
    expect(result.dependencies).toHaveLength((envelope as { requests: unknown[] }).requests.length);
  });

  it.each(INVALID)('rejects: %s', (_name, envelope, expected) => {
    const result = parseBatch(envelope);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.status).toBe(400);
    expect(result.problem.type).toBe(PROBLEM_TYPES.invalidEnvelope);
    const got = (result.problem.errors ?? []).map((e) => [e.pointer, e.rule]);
    expect(got).toEqual(expect.arrayContaining(expected));
    // No violation is reported at a pointer the table does not expect.
    expect(new Set(got.map(([pointer]) => pointer))).toEqual(new Set(expected.map(([pointer]) => pointer)));
    for (const error of result.problem.errors ?? []) expect(error.detail.length).toBeGreaterThan(5);
  });

  it('has a table of at least 40 envelopes', () => {
    expect(VALID.length + INVALID.length).toBeGreaterThanOrEqual(40);
  });

  it('returns the dependency graph of dependsOn and references, as earlier indices', () => {
    const result = parseBatch(
      batch(
        post('a', '/items', {}),
        get('b', '/x'),
        get('c', '/items/${a#/body/id}', { dependsOn: ['b'] }),
        post('d', '/y', { v: '${c#/body}', w: ['${a#/status}'] }),
      ),
    );
    if (!result.ok) expect.fail(JSON.stringify(result.problem));
    expect(result.dependencies).toEqual([[], [], [0, 1], [0, 2]]);
    expect(result.referencing).toEqual([false, false, true, true]);
  });

  it('answers 413 naming maxRequests when the count limit is exceeded, without walking every item', () => {
    const requests = Array.from({ length: 21 }, (_, i) => get(`r${i}`, '/x'));
    const result = parseBatch({ requests }, { maxRequests: 20 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({
      status: 413,
      type: PROBLEM_TYPES.limitExceeded,
      limit: { name: 'maxRequests', value: 20 },
    });
    expect(result.problem.errors).toEqual([
      expect.objectContaining({ pointer: '/requests', rule: 'limit.maxRequests' }),
    ]);
    expect(parseBatch({ requests: requests.slice(0, 20) }, { maxRequests: 20 }).ok).toBe(true);
  });

  it('rejects nesting deeper than maxJsonDepth with 400 and the pointer of the first too-deep value', () => {
    const body = { a: { b: { c: {} } } };
    const envelope = batch(post('1', '/x', body));
    // envelope(1) > requests(2) > request(3) > body(4) > a(5) > b(6) > c(7)
    expect(parseBatch(envelope, { maxJsonDepth: 7 }).ok).toBe(true);
    const result = parseBatch(envelope, { maxJsonDepth: 6 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({ status: 400, limit: { name: 'maxJsonDepth', value: 6 } });
    expect(result.problem.errors?.[0]).toMatchObject({
      pointer: '/requests/0/body/a/b/c',
      rule: 'limit.maxJsonDepth',
    });
  });

  it('survives 10,000 levels of nesting (as JSON.parse produces them) without throwing', () => {
    const text = `{"requests":[{"id":"1","method":"POST","url":"/x","body":${'['.repeat(10_000)}${']'.repeat(10_000)}}]}`;
    const result = parseBatch(JSON.parse(text));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.limit).toEqual({ name: 'maxJsonDepth', value: 64 });
  });

  it('rejects references and onError "stop" on a server that does not support them', () => {
    const envelope = {
      requests: [get('a', '/x'), post('b', '/y', { v: '${a#/body}', w: 'lit $${x}' })],
      options: { onError: 'stop' },
    };
    expect(parseBatch(envelope).ok).toBe(true);
    const result = parseBatch(envelope, { references: false, onErrorStop: false });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.errors?.map((e) => [e.pointer, e.rule])).toEqual([
      ['/options/onError', 'onError.unsupported'],
      ['/requests/1/body/v', 'references.unsupported'],
    ]);
  });

  it('refuses forwarding headers that would let an item lie about its origin', () => {
    const result = parseBatch(
      batch(get('1', '/x', { headers: { Forwarded: 'for=1.2.3.4', 'X-Forwarded-Host': 'evil' } })),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.errors?.map((e) => e.rule)).toEqual(['header.forbidden', 'header.forbidden']);
  });

  it('accepts atomicityGroup when the server advertises atomicity', () => {
    expect(parseBatch(batch(post('1', '/x', {}, { atomicityGroup: 'g' })), { atomicity: true }).ok).toBe(
      true,
    );
  });

  it('never reads a __proto__ or constructor key through the prototype', () => {
    const envelope = JSON.parse(
      '{"requests":[{"id":"1","method":"GET","url":"/x","headers":{"__proto__":"x","constructor":"y"}}],"__proto__":{"requests":5}}',
    );
    const result = parseBatch(envelope);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).requests).toBeUndefined();
  });

  it('does not mutate its input', () => {
    const envelope = batch(
      post('a', '/items', { n: 1 }),
      get('b', '/items/${a#/body/id}', { dependsOn: ['a'] }),
      get('a', 'http://x'),
    );
    const before = JSON.stringify(envelope);
    parseBatch(envelope);
    expect(JSON.stringify(envelope)).toBe(before);
  });
});
