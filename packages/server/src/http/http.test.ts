import { describe, expect, it } from 'vitest';
import { conventionalHeaderName, isFramingHeader } from './header-case.js';
import { classifyBody, isTextMediaType } from './response-body.js';

describe('conventionalHeaderName', () => {
  it('writes header names in their conventional capitalisation', () => {
    expect(conventionalHeaderName('content-type')).toBe('Content-Type');
    expect(conventionalHeaderName('ETAG')).toBe('ETag');
    expect(conventionalHeaderName('location')).toBe('Location');
    expect(conventionalHeaderName('www-authenticate')).toBe('WWW-Authenticate');
    expect(conventionalHeaderName('x-powered-by')).toBe('X-Powered-By');
    expect(conventionalHeaderName('__proto__')).toBe('__proto__');
  });

  it('recognises framing headers that are meaningless once embedded', () => {
    expect(isFramingHeader('content-length')).toBe(true);
    expect(isFramingHeader('transfer-encoding')).toBe(true);
    expect(isFramingHeader('proxy-authenticate')).toBe(true);
    expect(isFramingHeader('content-type')).toBe(false);
  });
});

describe('classifyBody', () => {
  it('embeds JSON as a value, text as a string, anything else as base64', () => {
    expect(classifyBody('application/json; charset=utf-8', Buffer.from('{"a":1}'))).toEqual({
      kind: 'json',
      value: { a: 1 },
    });
    expect(classifyBody('application/problem+json', Buffer.from('[1]'))).toEqual({
      kind: 'json',
      value: [1],
    });
    expect(classifyBody('application/json', Buffer.from('{oops'))).toEqual({ kind: 'text', text: '{oops' });
    expect(classifyBody('text/csv', Buffer.from('a,b'))).toEqual({ kind: 'text', text: 'a,b' });
    expect(classifyBody('application/octet-stream', Buffer.from([1, 2]))).toEqual({
      kind: 'base64',
      data: 'AQI=',
    });
    expect(classifyBody('text/plain', Buffer.from([0xff, 0xfe]))).toEqual({ kind: 'base64', data: '//4=' });
    expect(classifyBody(undefined, Buffer.from('x'))).toEqual({ kind: 'base64', data: 'eA==' });
    expect(classifyBody('text/plain', Buffer.alloc(0))).toEqual({ kind: 'none' });
  });

  it('treats text/*, XML and anything with a charset as text', () => {
    expect(isTextMediaType('text/html')).toBe(true);
    expect(isTextMediaType('application/atom+xml')).toBe(true);
    expect(isTextMediaType('application/x-thing; charset=utf-8')).toBe(true);
    expect(isTextMediaType('image/png')).toBe(false);
  });
});
