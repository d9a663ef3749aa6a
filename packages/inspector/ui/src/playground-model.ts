import { parseBatch, type Violation } from '@batchwire/schema';
import { SPEC_EXAMPLES } from '../../src/generated/spec-data.js';

/** A batch the playground can load: a demo or a spec example, with the outer headers it wants. */
export interface Preset {
  readonly key: string;
  readonly label: string;
  readonly envelope: unknown;
  readonly authorization: string;
  readonly idempotencyKey: string;
  readonly ndjson: boolean;
}

/** The outer headers the playground sends. */
export interface OuterHeaders {
  readonly authorization: string;
  readonly idempotencyKey: string;
  readonly ndjson: boolean;
}

const delayed = Array.from({ length: 10 }, (_, i) => ({
  id: `d${i}`,
  method: 'GET',
  url: '/_conformance/delay/100',
}));

/** The demo batches first (they use the reference server's fixtures and blogs API), then the spec's. */
export const PRESETS: readonly Preset[] = [
  {
    key: 'demo-concurrency',
    label: 'Demo: 10 delayed calls and a dependent (concurrency)',
    envelope: {
      requests: [
        ...delayed,
        {
          id: 'after',
          method: 'GET',
          url: '/_conformance/echo?waitedUntil=${d3#/body/end}',
          dependsOn: ['d3'],
        },
      ],
    },
    authorization: '',
    idempotencyKey: '',
    ndjson: false,
  },
  {
    key: 'demo-blogs',
    label: 'Demo: create a blog entry and read it back',
    envelope: {
      requests: [
        {
          id: 'create',
          method: 'POST',
          url: '/blogs/entries',
          body: { groupId: 1, title: 'Hello', content: 'From the playground' },
        },
        { id: 'read', method: 'GET', url: '/blogs/entries/${create#/body/id}' },
      ],
    },
    authorization: 'Bearer demo-token',
    idempotencyKey: '',
    ndjson: false,
  },
  ...SPEC_EXAMPLES.map((example) => ({
    key: example.name,
    label: `Spec ${example.section} (${example.name})`,
    envelope: example.envelope,
    authorization: example.authorization ?? '',
    idempotencyKey: example.idempotencyKey ?? '',
    ndjson: example.ndjson,
  })),
];

/** What the editor's text amounts to. */
export type EditorCheck =
  | { readonly kind: 'ok'; readonly count: number }
  | { readonly kind: 'malformed'; readonly detail: string }
  | { readonly kind: 'invalid'; readonly errors: readonly Violation[]; readonly title: string };

/** Checks the editor text as the server will: JSON first, then `parseBatch` of @batchwire/schema. */
export function checkEditor(text: string, maxRequests?: number): EditorCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { kind: 'malformed', detail: error instanceof Error ? error.message : String(error) };
  }
  const result = parseBatch(value, maxRequests === undefined ? {} : { maxRequests });
  if (result.ok) return { kind: 'ok', count: result.value.requests.length };
  return {
    kind: 'invalid',
    errors: result.problem.errors ?? [],
    title: result.problem.detail ?? result.problem.title,
  };
}

/** The header record of a playground send. */
export function requestHeaders(headers: OuterHeaders): Record<string, string> {
  const record: Record<string, string> = { 'content-type': 'application/json' };
  if (headers.authorization.trim() !== '') record.authorization = headers.authorization.trim();
  if (headers.idempotencyKey.trim() !== '') record['idempotency-key'] = headers.idempotencyKey.trim();
  if (headers.ndjson) record.accept = 'application/x-ndjson';
  return record;
}

const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** The batch as a POSIX shell `curl` command line. */
export function curlCommand(url: string, headers: OuterHeaders, body: string): string {
  const parts = ['curl -sS', quote(url)];
  for (const [name, value] of Object.entries(requestHeaders(headers)))
    parts.push(`-H ${quote(`${name}: ${value}`)}`);
  parts.push(`--data-binary ${quote(body)}`);
  return parts.join(' \\\n  ');
}
