import type { BatchRequest, InnerRequest } from '@batchwire/schema';
import { targetsOf } from './components.js';
import type { BatchResult } from './result.js';
import { mapStrings, replaceTokens, wholeToken } from './template.js';

/** The follow-up batch of throttled calls: the requests to send again, and who could not be. */
export interface FollowUp {
  readonly envelope: BatchRequest;
  /** For each request of `envelope`, its index in the original batch. */
  readonly indices: readonly number[];
  /** Original indices that cannot be sent again (they depend on a call that failed for good). */
  readonly stuck: readonly number[];
}

const INDEX = /^(?:0|[1-9][0-9]*)$/;

/** Evaluates a JSON Pointer against own members only, as the server does (`__proto__` finds nothing). */
export function pointAt(document: unknown, pointer: string): { found: boolean; value?: unknown } {
  let value = document;
  for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const missing =
      value === null ||
      typeof value !== 'object' ||
      (Array.isArray(value) && !INDEX.test(key)) ||
      !Object.hasOwn(value, key);
    if (missing) return { found: false };
    value = (value as Record<string, unknown>)[key];
  }
  return value === undefined ? { found: false } : { found: true, value };
}

/**
 * Builds the batch that sends the calls at `again` (original indices, in order) once more. A call
 * keeps its id; `dependsOn` keeps only calls sent again, and a reference to a call that already
 * succeeded is replaced by its value, as the server would have done, since that call is not re-sent.
 */
export function followUp(
  original: BatchRequest,
  again: readonly number[],
  results: readonly (BatchResult | undefined)[],
): FollowUp {
  const resent = new Set(again.map((index) => original.requests[index]!.id));
  const positions = new Map(original.requests.map((request, index) => [request.id, index]));
  const requests: InnerRequest[] = [];
  const indices: number[] = [];
  const stuck: number[] = [];
  const stuckIds = new Set<string>();
  for (const index of again) {
    let broken = false;
    /** The value of a finished call's response at `pointer`; `broken` when there is none. */
    const responseValue = (id: string, pointer = '/status'): unknown => {
      const result = results[positions.get(id) ?? -1];
      const found = result?.ok
        ? pointAt({ status: result.status, headers: result.headers, body: result.body }, pointer)
        : { found: false };
      if (!found.found) broken = true;
      return found.value;
    };
    const replace = (encode: boolean) => (id: string, pointer: string) => {
      if (resent.has(id)) return undefined;
      const value = responseValue(id, pointer);
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      return encode ? encodeURIComponent(text) : text;
    };
    const request = original.requests[index]!;
    const copy: InnerRequest = { ...request, url: replaceTokens(request.url, replace(true)) };
    if (request.headers !== undefined) {
      copy.headers = Object.fromEntries(
        Object.entries(request.headers).map(([name, header]) => [
          name,
          replaceTokens(header, replace(false)),
        ]),
      );
    }
    if (request.body !== undefined) {
      copy.body = mapStrings(request.body, (string) => {
        const token = wholeToken(string);
        return token === undefined || resent.has(token.id)
          ? replaceTokens(string, replace(false))
          : responseValue(token.id, token.pointer);
      });
    }
    // A dependency not sent again must have succeeded (responseValue marks it broken otherwise).
    const waitsFor = (request.dependsOn ?? []).filter((id) => resent.has(id) || responseValue(id) === null);
    if (waitsFor.length === 0) delete copy.dependsOn;
    else copy.dependsOn = waitsFor;
    // A call waiting for a stuck one is stuck too (the follow-up could not name it).
    if (broken || targetsOf(request).some((id) => stuckIds.has(id))) {
      stuck.push(index);
      stuckIds.add(request.id);
    } else {
      requests.push(copy);
      indices.push(index);
    }
  }
  return { envelope: { ...original, requests }, indices, stuck };
}
