import SwaggerParser from '@apidevtools/swagger-parser';
import { BatchRequest, checkAgainst, PROBLEM_TYPES, parseBatch } from '@batchwire/schema';
import { describe, expect, it } from 'vitest';
import { SPEC_EXAMPLES } from '../generated/spec-data.js';
import { openApiDocument } from './document.js';

describe('openApiDocument', () => {
  it('is a valid OpenAPI 3.1 document for a real validator', async () => {
    const document = openApiDocument({
      batchPaths: ['/batch', '/$batch', '/v1.0/$batch'],
      servers: ['http://127.0.0.1:3000'],
    });
    // validate() mutates what it is given (dereferencing), so it gets a copy.
    const api = await SwaggerParser.validate(structuredClone(document) as never);
    expect('openapi' in api && api.openapi).toBe('3.1.0');
    expect(Object.keys(api.paths ?? {})).toEqual(['/batch', '/$batch', '/v1.0/$batch']);
    expect(Object.keys(openApiDocument({ batchPath: '/v1.0/$batch' }).paths as object)).toEqual([
      '/v1.0/$batch',
    ]);
  });

  it('names every problem type the protocol defines for the outer answer', () => {
    const text = JSON.stringify(openApiDocument());
    for (const type of [
      PROBLEM_TYPES.invalidEnvelope,
      PROBLEM_TYPES.malformedJson,
      PROBLEM_TYPES.limitExceeded,
      PROBLEM_TYPES.unsupportedMediaType,
      PROBLEM_TYPES.methodNotAllowed,
      PROBLEM_TYPES.idempotencyMismatch,
      PROBLEM_TYPES.idempotencyInProgress,
    ])
      expect(text).toContain(type);
    expect(text).toContain('application/x-ndjson');
  });

  it('carries every accepted spec example, each valid against the request schema; refused ones are not', () => {
    const document = openApiDocument() as {
      paths: Record<string, { post: { requestBody: { content: Record<string, { examples: object }> } } }>;
    };
    const examples = document.paths['/batch']?.post.requestBody.content['application/json']?.examples ?? {};
    const accepted = SPEC_EXAMPLES.filter((example) => example.status < 400);
    expect(accepted.length).toBeGreaterThanOrEqual(8);
    expect(Object.keys(examples)).toEqual(accepted.map((example) => example.name));
    for (const example of SPEC_EXAMPLES) {
      const result = parseBatch(example.envelope);
      const refusedEnvelope = example.status === 400 || example.status === 413;
      if (refusedEnvelope) expect(result.ok, example.name).toBe(false);
      if (example.status < 400) {
        const schema = checkAgainst(BatchRequest, example.envelope);
        expect(schema.ok ? [] : schema.errors, example.name).toEqual([]);
        expect(result.ok ? [] : result.problem.errors, example.name).toEqual([]);
      }
    }
  });
});
