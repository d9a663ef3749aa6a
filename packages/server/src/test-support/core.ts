import type { BatchHandler, BatchHttpRequest, BatchHttpResponse } from '../core/types.js';
import type { Dispatch } from '../engine/types.js';
import { jsonResult } from './engine.js';

/** A dispatch answering `{ url }` at once, counting the requests it started. */
export function echoDispatch(): { dispatch: Dispatch; started: string[] } {
  const started: string[] = [];
  return {
    started,
    dispatch: (request) => {
      started.push(request.id);
      return jsonResult(200, { url: request.url });
    },
  };
}

/** An outer POST value with a JSON envelope; `overrides` replace any field. */
export function postValue(
  envelope: unknown,
  dispatch: Dispatch | undefined,
  overrides: Partial<BatchHttpRequest> = {},
): BatchHttpRequest {
  const text = typeof envelope === 'string' ? envelope : JSON.stringify(envelope);
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...overrides.headers },
    body: async () => new TextEncoder().encode(text),
    signal: new AbortController().signal,
    dispatch,
    endpointPath: '/batch',
    raw: undefined,
    ...overrides,
  };
}

/** Reads a whole answer body as text (pulling a streamed one to its end). */
export async function bodyText(answer: BatchHttpResponse): Promise<string> {
  if (typeof answer.body === 'string') return answer.body;
  let text = '';
  for await (const chunk of answer.body) text += chunk;
  return text;
}

/** Posts an envelope to a handler and parses the JSON answer. */
export async function postJson(
  handle: BatchHandler,
  envelope: unknown,
  dispatch: Dispatch | undefined,
  overrides: Partial<BatchHttpRequest> = {},
): Promise<{ status: number; headers: Readonly<Record<string, string>>; json: Record<string, unknown> }> {
  const answer = await handle(postValue(envelope, dispatch, overrides));
  return { status: answer.status, headers: answer.headers, json: JSON.parse(await bodyText(answer)) };
}
