import {
  generateJsonSchemas,
  IDEMPOTENCY_KEY_HEADER,
  NDJSON_MEDIA_TYPE,
  PROBLEM_MEDIA_TYPE,
  PROBLEM_TYPES,
} from '@batchwire/schema';
import { SPEC_EXAMPLES } from '../generated/spec-data.js';

/** Options of {@link openApiDocument}. */
export interface OpenApiOptions {
  /** The path of the batch endpoint (default `/batch`). */
  readonly batchPath?: string;
  /** Every path the endpoint is served at (e.g. `/batch`, `/$batch`, `/v1.0/$batch`); overrides `batchPath`. */
  readonly batchPaths?: readonly string[];
  /** Server URLs the document names (default: none, so tools use the document's own origin). */
  readonly servers?: readonly string[];
  /** The document's `info.version` (default `1`). */
  readonly version?: string;
}

type Json = Record<string, unknown>;

const SCHEMA_NAMES: Record<string, string> = {
  'batch-request': 'BatchRequest',
  'inner-request': 'InnerRequest',
  'batch-response': 'BatchResponse',
  'inner-response': 'InnerResponse',
  capabilities: 'Capabilities',
  problem: 'Problem',
  'stream-record': 'StreamRecord',
};

function componentSchemas(): Json {
  const schemas: Json = {};
  for (const [file, document] of Object.entries(generateJsonSchemas())) {
    // Inside an OpenAPI document the schemas are components: no dialect or base URI of their own.
    const { $schema: _s, $id: _i, ...schema } = document as Json;
    schemas[SCHEMA_NAMES[file] ?? file] = schema;
  }
  return schemas;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function problemResponse(description: string, types: readonly string[]): Json {
  return {
    description: `${description} Problem types: ${types.map((t) => `\`${t}\``).join(', ')}.`,
    content: { [PROBLEM_MEDIA_TYPE]: { schema: ref('Problem') } },
  };
}

/** The accepted envelopes among the spec's examples, as OpenAPI `examples` of the request body. */
function requestExamples(): Json {
  const examples: Json = {};
  for (const example of SPEC_EXAMPLES.filter((e) => e.status < 400)) {
    examples[example.name] = { summary: example.section, value: example.envelope };
  }
  return examples;
}

/** The GET and POST operations of one mount path; operation ids carry `suffix` (they are unique per document). */
function pathItem(suffix: string): Json {
  const t = PROBLEM_TYPES;
  return {
    get: {
      operationId: `getCapabilities${suffix}`,
      summary: 'The capabilities document: protocol versions, limits and optional features',
      responses: {
        '200': {
          description: 'The capabilities of this endpoint.',
          content: { 'application/json': { schema: ref('Capabilities') } },
        },
      },
    },
    post: {
      operationId: `postBatch${suffix}`,
      summary: 'Run a batch of inner requests',
      parameters: [
        {
          name: IDEMPOTENCY_KEY_HEADER,
          in: 'header',
          required: false,
          description: 'Makes a retry with the same key and envelope answer the stored response.',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        },
      ],
      requestBody: {
        required: true,
        content: { 'application/json': { schema: ref('BatchRequest'), examples: requestExamples() } },
      },
      responses: {
        '200': {
          description:
            'The consolidated response, or with `Accept: application/x-ndjson` one StreamRecord per line ' +
            '(items in completion order, the summary last).',
          content: {
            'application/json': { schema: ref('BatchResponse') },
            [NDJSON_MEDIA_TYPE]: { schema: ref('StreamRecord') },
          },
        },
        '400': problemResponse('The envelope broke the rules; `errors` lists each with its JSON Pointer.', [
          t.invalidEnvelope,
          t.malformedJson,
          t.limitExceeded,
        ]),
        '405': problemResponse('The method is not GET, HEAD or POST.', [t.methodNotAllowed]),
        '409': problemResponse('The Idempotency-Key is in use.', [t.idempotencyInProgress]),
        '413': problemResponse('An advertised limit was exceeded; `limit` names it.', [t.limitExceeded]),
        '415': problemResponse('The body is not application/json.', [t.unsupportedMediaType]),
        '422': problemResponse('The Idempotency-Key came with another envelope.', [t.idempotencyMismatch]),
      },
    },
  };
}

/**
 * The OpenAPI 3.1 description of a Batchwire batch endpoint: GET capabilities, POST batch (JSON and
 * NDJSON answers, the `Idempotency-Key` header), every problem type, with the component schemas
 * generated from @batchwire/schema's TypeBox definitions and the spec's examples.
 */
export function openApiDocument(options: OpenApiOptions = {}): Json {
  const paths = options.batchPaths ?? [options.batchPath ?? '/batch'];
  return {
    openapi: '3.1.0',
    info: {
      title: 'Batchwire batch endpoint',
      version: options.version ?? '1',
      description:
        'One POST carries many API calls; one consolidated response answers each of them in request order. ' +
        'Spec: https://github.com/batchwire/batchwire/blob/main/spec/batchwire-v1.md',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    ...(options.servers === undefined ? {} : { servers: options.servers.map((url) => ({ url })) }),
    paths: Object.fromEntries(paths.map((path, i) => [path, pathItem(i === 0 ? '' : `At${i + 1}`)])),
    components: { schemas: componentSchemas() },
  };
}
