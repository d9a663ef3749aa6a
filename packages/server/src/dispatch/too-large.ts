import { PROBLEM_TYPES } from '@batchwire/schema';
import { problemItem } from '../engine/item-problems.js';
import type { InnerResult } from '../engine/types.js';

/** The two answer-size limits an item can be refused under. */
export type ResponseLimitName = 'maxItemResponseBytes' | 'maxResponseBytes';

/** 502 for an inner answer that was not relayed because it was larger than a limit. */
export function responseTooLarge(name: ResponseLimitName, value: number): InnerResult {
  return problemItem({
    type: PROBLEM_TYPES.responseTooLarge,
    title: 'Response too large',
    status: 502,
    detail:
      name === 'maxItemResponseBytes'
        ? `The inner response body is larger than maxItemResponseBytes (${value} bytes); it was not relayed.`
        : `This entry would make the consolidated answer larger than maxResponseBytes (${value} bytes); it was not relayed.`,
    limit: { name, value },
  });
}

/**
 * Whether a declared `Content-Length` already exceeds `maxBytes`, so the body need not be read.
 * A value that is not a plain decimal is left to the byte count.
 */
export function declaredTooLarge(contentLength: unknown, maxBytes: number): boolean {
  const text = Array.isArray(contentLength) ? contentLength[0] : contentLength;
  if (typeof text === 'number') return text > maxBytes;
  if (typeof text !== 'string' || !/^[0-9]+$/.test(text)) return false;
  return Number(text) > maxBytes;
}
