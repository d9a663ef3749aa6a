import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReferenceApp } from './app.js';
import { type Listening, listen } from './test-support/listen.js';
import { readmeExamples } from './test-support/readme-examples.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const PRINTED_ORIGIN = 'http://127.0.0.1:3000';
const examples = readmeExamples(README);

describe('README curl examples run as printed against a fresh server', () => {
  let server: Listening;
  beforeAll(async () => {
    server = await listen(createReferenceApp({ logger: pino({ level: 'silent' }) }));
  });
  afterAll(() => server.close());

  it('holds the capabilities, delete-three, create-and-read and failing-chain examples, each with its answer', () => {
    expect(examples).toHaveLength(4);
    for (const example of examples) {
      expect(example.curl.url.startsWith(PRINTED_ORIGIN)).toBe(true);
      expect(example.expected).toBeDefined();
    }
    expect(examples.filter((e) => e.curl.headers.Authorization === 'Bearer demo-token')).toHaveLength(3);
  });

  // The examples depend on one another (deleted and created entries), so they run in README order.
  it.each(examples.map((example, index) => [index + 1, example] as const))(
    'example %i answers what the README shows',
    async (_index, example) => {
      const res = await request(example.curl.url.replace(PRINTED_ORIGIN, server.url), {
        method: example.curl.method as 'GET' | 'POST',
        headers: example.curl.headers,
        ...(example.curl.body === undefined ? {} : { body: example.curl.body }),
        headersTimeout: 15_000,
        bodyTimeout: 15_000,
      });
      expect(res.statusCode).toBe(200);
      expect(await res.body.json()).toEqual(example.expected);
    },
  );
});
