import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALLOWED_METHODS } from '../constants/methods.js';
import { parseBatch } from './parse-batch.js';

// CI runs a smaller count; `PROPERTY_RUNS=100000 pnpm exec vitest run` reproduces the full measurement.
const RUNS = Number(process.env.PROPERTY_RUNS ?? 2_000);
// Generous per-test time for large counts; the default count finishes in about a second.
const TIMEOUT = Math.max(90_000, RUNS * 5);

const idArb = fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/);
const segmentArb = fc.stringMatching(/^[A-Za-z0-9_~-]{1,8}$/);
const pathArb = fc.array(segmentArb, { maxLength: 4 }).map((segments) => `/${segments.join('/')}`);

/** Envelopes that follow every rule: unique ids, dependencies and references on earlier ids only. */
const validEnvelopeArb = fc
  .uniqueArray(idArb, { minLength: 1, maxLength: 12 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((id, position) =>
        fc
          .record(
            {
              method: fc.constantFrom(...ALLOWED_METHODS),
              path: pathArb,
              dependsOn: fc.subarray(ids.slice(0, position)),
              referTo:
                position === 0
                  ? fc.constant(undefined)
                  : fc.option(fc.constantFrom(...ids.slice(0, position)), { nil: undefined }),
              // A generated string may hold `${`, which is a reference token (or an error) by design.
              body: fc.jsonValue({ maxDepth: 4 }).filter((body) => !JSON.stringify(body).includes('${')),
              headerValue: fc.stringMatching(/^[ -~]{0,20}$/),
            },
            { requiredKeys: ['method', 'path', 'dependsOn', 'body', 'headerValue'] },
          )
          .map(({ method, path, dependsOn, referTo, body, headerValue }) => {
            const url = referTo === undefined ? path : `${path === '/' ? '' : path}/\${${referTo}#/body/id}`;
            const request: Record<string, unknown> = {
              id,
              method,
              url,
              headers: { 'X-Value': headerValue.replace(/\$\{/g, '$$${') },
            };
            if (dependsOn.length > 0) request.dependsOn = dependsOn;
            if (method !== 'GET' && method !== 'HEAD') request.body = body;
            return request;
          }),
      ),
    ),
  )
  .map((requests) => ({ requests }));

describe('parseBatch properties', () => {
  it(
    'never throws and never mutates, whatever JSON value it is given',
    () => {
      fc.assert(
        fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
          const before = JSON.stringify(value);
          const result = parseBatch(value);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) expect(result.problem.errors?.length ?? 0).toBeGreaterThan(0);
          expect(JSON.stringify(value)).toBe(before);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'never throws on envelope-shaped values with arbitrary members',
    () => {
      const requestish = fc.dictionary(
        fc.constantFrom(
          'id',
          'method',
          'url',
          'headers',
          'body',
          'dependsOn',
          'atomicityGroup',
          '__proto__',
          'constructor',
        ),
        fc.jsonValue({ maxDepth: 3 }),
      );
      fc.assert(
        fc.property(
          fc.array(requestish, { maxLength: 8 }),
          fc.jsonValue({ maxDepth: 2 }),
          (requests, options) => {
            const envelope = { requests, options };
            const before = JSON.stringify(envelope);
            parseBatch(envelope);
            expect(JSON.stringify(envelope)).toBe(before);
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'accepts every generated valid envelope and returns a graph over earlier requests only',
    () => {
      fc.assert(
        fc.property(validEnvelopeArb, (envelope) => {
          const result = parseBatch(envelope);
          if (!result.ok) expect.fail(JSON.stringify(result.problem.errors));
          result.dependencies.forEach((deps, position) => {
            for (const dep of deps) expect(dep).toBeLessThan(position);
          });
        }),
        { numRuns: Math.max(200, RUNS / 4) },
      );
    },
    TIMEOUT,
  );
});
