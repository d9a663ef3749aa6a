import type { TSchema } from '@sinclair/typebox';
import { BatchRequest } from './batch-request.js';
import { BatchResponse } from './batch-response.js';
import { Capabilities } from './capabilities.js';
import { InnerRequest } from './inner-request.js';
import { InnerResponse } from './inner-response.js';
import { Problem } from './problem.js';
import { StreamRecord } from './stream-record.js';

/** Base URI of the published JSON Schema files. */
export const JSON_SCHEMA_BASE = 'https://batchwire.dev/schema/v1/';

const SOURCES: Record<string, { schema: TSchema; title: string; description: string }> = {
  'batch-request': {
    schema: BatchRequest,
    title: 'BatchRequest',
    description: 'A Batchwire v1 batch envelope (the body of the batch POST).',
  },
  'inner-request': {
    schema: InnerRequest,
    title: 'InnerRequest',
    description: 'One inner request of a Batchwire v1 batch.',
  },
  'batch-response': {
    schema: BatchResponse,
    title: 'BatchResponse',
    description: 'The consolidated response to an accepted Batchwire v1 batch.',
  },
  'inner-response': {
    schema: InnerResponse,
    title: 'InnerResponse',
    description: 'One inner response of a Batchwire v1 batch.',
  },
  capabilities: {
    schema: Capabilities,
    title: 'Capabilities',
    description: 'The capabilities document served by GET on a Batchwire v1 batch endpoint.',
  },
  problem: {
    schema: Problem,
    title: 'Problem',
    description: 'RFC 9457 problem details with the Batchwire errors, limit and dependency extensions.',
  },
  'stream-record': {
    schema: StreamRecord,
    title: 'StreamRecord',
    description: 'One NDJSON line of a streamed Batchwire v1 response.',
  },
};

/** The names (kebab case) of the JSON Schema files the package ships. */
export const JSON_SCHEMA_NAMES = Object.keys(SOURCES);

/**
 * The JSON Schema documents generated from the TypeBox definitions, by file name (without
 * `.schema.json`), each with `$schema`, `$id`, `title` and `description`, as committed in `json/`.
 */
export function generateJsonSchemas(): Record<string, object> {
  const documents: Record<string, object> = {};
  for (const [name, source] of Object.entries(SOURCES)) {
    // JSON round trip drops TypeBox's symbol-keyed metadata and leaves plain JSON Schema.
    const plain = JSON.parse(JSON.stringify(source.schema)) as Record<string, unknown>;
    documents[name] = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `${JSON_SCHEMA_BASE}${name}.schema.json`,
      title: source.title,
      ...plain,
      description: source.description,
    };
  }
  return documents;
}

/** A generated JSON Schema document as the committed file's text (two-space JSON, final newline). */
export function jsonSchemaText(document: object): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
