import { readFileSync } from 'node:fs';
import { parseBatch, type Violation } from '@batchwire/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerOf, readExamples } from './support/http-examples.js';
import { matchesText, matchJson } from './support/match.js';
import { type RunningServer, startReferenceServer } from './support/reference-server.js';
import { sendExample } from './support/send.js';

const markdown = readFileSync(new URL('../batchwire-v1.md', import.meta.url), 'utf8');
const examples = readExamples(markdown);

const PROBLEM_BASE = 'https://batchwire.dev/problems/';
const NDJSON = 'application/x-ndjson';

function isNdjson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === NDJSON;
}

/** The JSON values of a written or received body: one per line for NDJSON, else one. */
function bodyValues(body: string, contentType: string | undefined): unknown[] {
  if (body === '') return [];
  if (isNdjson(contentType))
    return body
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line));
  return [JSON.parse(body)];
}

function problemType(body: string): string | undefined {
  const value: unknown = JSON.parse(body);
  if (value === null || typeof value !== 'object' || !('type' in value)) return undefined;
  return typeof value.type === 'string' ? value.type.replace(PROBLEM_BASE, '') : undefined;
}

function expectedViolations(body: string): { pointer: unknown; rule: unknown }[] {
  const value = JSON.parse(body) as { errors?: Violation[] };
  return (value.errors ?? []).map((e) => ({ pointer: e.pointer, rule: e.rule }));
}

describe('spec examples are well-formed', () => {
  it('there are examples, each name used once', () => {
    expect(examples.length).toBeGreaterThanOrEqual(15);
    const names = examples.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
  });

  for (const example of examples) {
    describe(`${example.name} (line ${example.line})`, () => {
      const responseType = headerOf(example.response, 'Content-Type');

      it('has a request line, a status line and JSON bodies', () => {
        expect(example.request.startLine).toMatch(
          /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) \/\S* HTTP\/1\.1$/,
        );
        expect(example.response.startLine).toMatch(/^HTTP\/1\.1 [1-5][0-9]{2} [A-Za-z ]+$/);
        expect(() => bodyValues(example.response.body, responseType)).not.toThrow();
      });

      it('its envelope is judged by parseBatch as its response says', () => {
        const isProblem = (responseType ?? '').toLowerCase().startsWith('application/problem+json');
        const type = isProblem ? problemType(example.response.body) : undefined;
        if (type === 'malformed-json') {
          expect(() => JSON.parse(example.request.body)).toThrow();
          return;
        }
        if (example.request.body === '') {
          expect(example.request.startLine.startsWith('GET ')).toBe(true);
          return;
        }
        const result = parseBatch(JSON.parse(example.request.body));
        if (type === 'invalid-envelope' || type === 'limit-exceeded') {
          expect(result.ok).toBe(false);
          const found = result.ok
            ? []
            : (result.problem.errors ?? []).map((e) => ({ pointer: e.pointer, rule: e.rule }));
          expect(found).toEqual(expectedViolations(example.response.body));
        } else {
          expect(result.ok ? [] : result.problem.errors).toEqual([]);
        }
      });
    });
  }
});

describe('spec examples against the reference server', () => {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startReferenceServer();
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
  });

  // Sequential on purpose: the examples run in document order on one server (section 15).
  for (const example of examples) {
    it(`${example.name} (line ${example.line}) gets the response the spec shows`, async () => {
      if (server === undefined) throw new Error('the reference server did not start');
      const received = await sendExample(server.batchUrl, example.request);
      const expectedStatus = Number(example.response.startLine.split(' ')[1]);
      const problems: string[] = [];
      if (received.status !== expectedStatus)
        problems.push(`status: expected ${expectedStatus}, got ${received.status}`);
      for (const [name, value] of example.response.headers) {
        const raw = received.headers[name.toLowerCase()];
        const actual = Array.isArray(raw) ? raw.join(', ') : raw;
        const comparable =
          name.toLowerCase() === 'content-type' && !value.includes(';')
            ? actual?.split(';')[0]?.trim().toLowerCase()
            : actual;
        if (comparable === undefined || !matchesText(value, comparable))
          problems.push(
            `header ${name}: expected "${value}", got ${actual === undefined ? 'nothing' : `"${actual}"`}`,
          );
      }
      const contentType = headerOf(example.response, 'Content-Type');
      let actualValues: unknown[] = [];
      try {
        actualValues = bodyValues(received.body, contentType);
      } catch {
        problems.push(
          `body is not ${isNdjson(contentType) ? 'NDJSON' : 'JSON'}: ${received.body.slice(0, 200)}`,
        );
      }
      const expectedValues = bodyValues(example.response.body, contentType);
      problems.push(...matchJson(expectedValues, actualValues).map((p) => `body ${p}`));
      expect(problems, `received ${received.status} ${received.body.slice(0, 2000)}`).toEqual([]);
    });
  }
});
