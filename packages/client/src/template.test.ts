import * as schema from '@batchwire/schema';
import { describe, expect, it } from 'vitest';
import { MIN_MAX_REQUESTS } from './check-answer.js';
import { pointAt } from './follow-up.js';
import { IN_PROGRESS } from './retry.js';
import { LIMIT_EXCEEDED } from './send.js';
import {
  escapeTemplateLiteral,
  mapStrings,
  referencedIds,
  referenceToken,
  replaceTokens,
  wholeToken,
} from './template.js';

describe('template helpers', () => {
  it('write tokens and escapes exactly as @batchwire/schema does (the client bundles its own)', () => {
    for (const [id, pointer] of [
      ['a', '/body/id'],
      ['x.y~z', ''],
      ['1', '/headers/ETag'],
    ] as const) {
      expect(referenceToken(id, pointer)).toBe(schema.referenceToken(id, pointer));
    }
    for (const text of ['plain', 'costs ${price}', '$${already}', '${a}${b}'])
      expect(escapeTemplateLiteral(text)).toBe(schema.escapeTemplateLiteral(text));
    expect(IN_PROGRESS).toBe(schema.PROBLEM_TYPES.idempotencyInProgress);
    expect(LIMIT_EXCEEDED).toBe(schema.PROBLEM_TYPES.limitExceeded);
    expect(MIN_MAX_REQUESTS).toBe(schema.MIN_MAX_REQUESTS);
  });

  it('find the tokens the server would, leaving escaped ones alone', () => {
    const text = '/a/${one#/body/id}/$${two#/body}/$$${three#}';
    const scanned = schema.scanTemplate(text);
    expect(scanned.ok && scanned.references.map((r) => r.id)).toEqual(referencedIds(text));
    expect(referencedIds(text)).toEqual(['one']);
    expect(replaceTokens(text, (id) => (id === 'one' ? '7' : undefined))).toBe(
      '/a/7/$${two#/body}/$$${three#}',
    );
    expect(wholeToken('${a#/body/n}')).toEqual({ id: 'a', pointer: '/body/n' });
    expect(wholeToken('x${a#/body/n}')).toBeUndefined();
  });

  it('maps every string of a JSON value, keeping a "__proto__" key a plain key', () => {
    const value = JSON.parse('{"a":["x",{"b":"y"}],"__proto__":{"c":"z"},"n":1}') as unknown;
    const mapped = mapStrings(value, (s) => s.toUpperCase()) as Record<string, unknown>;
    expect(mapped).toEqual(JSON.parse('{"a":["X",{"b":"Y"}],"__proto__":{"c":"Z"},"n":1}'));
    expect(Object.getPrototypeOf(mapped)).toBe(Object.prototype);
  });
});

describe('pointAt', () => {
  it('finds what the schema package evaluatePointer finds', () => {
    const document = JSON.parse(
      '{"status":200,"headers":{"ETag":"x"},"body":{"a/b":[1,{"~k":null}],"__proto__":{"p":1},"n":0}}',
    ) as unknown;
    const pointers = [
      '',
      '/status',
      '/headers/ETag',
      '/body/a~1b/0',
      '/body/a~1b/1/~0k',
      '/body/a~1b/01',
      '/body/a~1b/length',
      '/body/__proto__/p',
      '/body/constructor',
      '/body/n',
      '/missing',
      '/body/n/x',
    ];
    for (const pointer of pointers)
      expect(pointAt(document, pointer), pointer).toEqual(schema.evaluatePointer(document, pointer));
  });
});
