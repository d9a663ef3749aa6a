import {
  Capabilities,
  REQUEST_ID_PATTERN,
  validateBatchResponse,
  validateCapabilities,
  validateProblem,
  validateStreamRecord,
} from '@batchwire/schema';
import { describe, expect, it } from 'vitest';
import {
  type Checked,
  checkBatchResponse,
  checkCapabilities,
  checkProblem,
  checkStreamRecord,
  REQUEST_ID,
} from './check-answer.js';

type Validator = (value: unknown) => { ok: boolean; errors?: { pointer: string }[] };

const inner = { id: 'a', status: 200, headers: { 'content-type': 'application/json' }, body: { n: 1 } };
const summary = { total: 1, succeeded: 1, failed: 0, skipped: 0 };

/** Valid samples of each shape: those of the schema package's tests plus one of every optional member. */
const VALID = {
  problem: [
    { type: 'about:blank', title: 'Not Found', status: 404 },
    {
      type: 'https://batchwire.dev/problems/invalid-envelope',
      title: 'Invalid batch envelope',
      status: 400,
      detail: '1 rule was broken.',
      instance: '/batch',
      errors: [{ pointer: '/requests/0/url', detail: 'must be a path', rule: 'url.form' }],
      limit: { name: 'maxRequests', value: 20 },
      dependency: 'create',
      pointer: '/body/id',
      extension: ['kept'],
    },
  ],
  batchResponse: [
    // The valid sample of packages/schema/src/checker.test.ts.
    { responses: [{ id: 'a', status: 200, headers: {} }], summary },
    {
      responses: [inner, { id: 'b~._-9', status: 599, headers: {}, body: 'AAE=', bodyEncoding: 'base64' }],
      summary: { total: 2, succeeded: 1, failed: 1, skipped: 0 },
      extra: true,
    },
    { responses: [], summary: { total: 0, succeeded: 0, failed: 0, skipped: 0 } },
  ],
  streamRecord: [{ ...inner, index: 0 }, { summary }, { id: 'z', index: 3, status: 100, headers: {} }],
  capabilities: [
    {
      protocol: 'batchwire',
      versions: ['1.0'],
      limits: {
        maxRequests: 20,
        maxBodyBytes: 1,
        maxJsonDepth: 1,
        maxConcurrency: 1,
        requestTimeoutMs: 1,
        batchTimeoutMs: 1,
        // Every limit the schema knows, optional ones included, so a new one cannot go unchecked here.
        ...Object.fromEntries(
          Object.keys(Capabilities.properties.limits.properties).map((name) => [name, 20]),
        ),
      },
      features: {
        references: true,
        onErrorStop: false,
        streaming: true,
        idempotency: false,
        atomicity: false,
      },
    },
  ],
} as const;

/** The invalid sample of packages/schema/src/checker.test.ts, and a few whole-value ones. */
const INVALID: Record<keyof typeof VALID, unknown[]> = {
  problem: [null, [], 'x', { title: 42 }],
  batchResponse: [{ responses: [{ id: 'a', status: 'x', headers: {} }] }, null, [], { responses: {} }],
  streamRecord: [null, 'line', {}, { index: 0 }, { summary: {} }],
  capabilities: [null, {}, { protocol: 'batchwire' }],
};

const PAIRS: Record<keyof typeof VALID, [Validator, (value: unknown) => Checked<unknown>]> = {
  problem: [validateProblem, checkProblem],
  batchResponse: [validateBatchResponse, checkBatchResponse],
  streamRecord: [validateStreamRecord, checkStreamRecord],
  capabilities: [validateCapabilities, checkCapabilities],
};

/** Values a member is replaced by: every JSON type and the boundaries of every rule the schemas have. */
const REPLACEMENTS: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1,
  1.5,
  19,
  20,
  99,
  100,
  599,
  600,
  1e300,
  '',
  'x',
  'a b',
  'base64',
  'batchwire',
  'é',
  'x'.repeat(129),
  [],
  ['x'],
  [1],
  {},
  { a: 'b' },
  { a: 1 },
];

/** Every variant of a value with one member (at any depth) replaced or removed. */
function* mutations(value: unknown): Generator<unknown> {
  if (value === null || typeof value !== 'object') return;
  const entries = Object.entries(value);
  for (const [key, member] of entries) {
    const copy = (replacement: unknown, remove = false): unknown => {
      if (Array.isArray(value)) {
        const next = [...value];
        if (remove) next.splice(Number(key), 1);
        else next[Number(key)] = replacement;
        return next;
      }
      const next: Record<string, unknown> = { ...value };
      if (remove) delete next[key];
      else next[key] = replacement;
      return next;
    };
    yield copy(undefined, true);
    for (const replacement of REPLACEMENTS) yield copy(replacement);
    for (const deeper of mutations(member)) yield copy(deeper);
  }
}

describe('hand-written answer checks agree with @batchwire/schema', () => {
  for (const name of Object.keys(VALID) as (keyof typeof VALID)[]) {
    const [schema, hand] = PAIRS[name];
    const samples = [...VALID[name], ...INVALID[name], ...VALID[name].flatMap((v) => [...mutations(v)])];

    it(`${name}: the same verdict on ${samples.length} samples, and a pointer the schema also names`, () => {
      let invalid = 0;
      for (const sample of samples) {
        const expected = schema(sample);
        const actual = hand(sample);
        expect(actual.ok, JSON.stringify(sample)).toBe(expected.ok);
        if (actual.ok) {
          expect(actual.value).toBe(sample);
          continue;
        }
        invalid++;
        expect(actual.errors.length).toBeGreaterThan(0);
        // A union's errors sit at its root in TypeBox; elsewhere the first pointer must be one TypeBox names.
        if (name !== 'streamRecord') {
          const pointers = (expected.errors ?? []).map((e) => e.pointer);
          expect(pointers, JSON.stringify(sample)).toContain(actual.errors[0]!.pointer);
        }
      }
      expect(invalid).toBeGreaterThan(samples.length / 2);
    });
  }

  it('uses the schema package request id pattern', () => {
    expect(REQUEST_ID.source).toBe(REQUEST_ID_PATTERN);
  });

  it('bounds the errors of a hostile answer', () => {
    const responses = Array.from({ length: 10_000 }, () => ({ id: 'bad id', status: 'x', headers: [] }));
    const checked = checkBatchResponse({ responses, summary });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors).toHaveLength(20);
  });
});
