import type { BatchResponse, InnerResponse } from '@batchwire/schema';
import { bodyJson } from './response-view.js';
import type { BatchOutcome, ItemOutcome, ResponseBody, SummaryCounts } from './types.js';

/** The JSON text of a body, or `undefined` when the response has none. */
function bodyText(body: ResponseBody): string | undefined {
  switch (body.kind) {
    // Stryker disable next-line ConditionalExpression,StringLiteral: an unmatched 'none' falls through the switch to undefined, the same answer
    case 'none':
      return undefined;
    case 'jsonText':
      return body.text;
    case 'json':
      return JSON.stringify(body.value);
    case 'text':
      return JSON.stringify(body.text);
    case 'base64':
      return JSON.stringify(body.data);
  }
}

/** Serialises one inner response; `index` is added for stream records. Bodies already in JSON text are embedded as is. */
export function innerResponseJson(item: ItemOutcome, withIndex = false): string {
  let out = `{"id":${JSON.stringify(item.id)},${withIndex ? `"index":${item.index},` : ''}"status":${item.status},"headers":${JSON.stringify(item.headers)}`;
  const body = bodyText(item.body);
  if (body !== undefined) out += `,"body":${body}`;
  if (item.body.kind === 'base64') out += ',"bodyEncoding":"base64"';
  return `${out}}`;
}

/** Serialises the consolidated response: every inner response in request order, then the summary. */
export function batchResponseJson(outcome: BatchOutcome): string {
  let out = '{"responses":[';
  const items = outcome.items;
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    out += innerResponseJson(items[i]!);
  }
  return `${out}],"summary":${summaryJson(outcome.summary)}}`;
}

/** Serialises the summary counts in their schema order. */
export function summaryJson(summary: SummaryCounts): string {
  return `{"total":${summary.total},"succeeded":${summary.succeeded},"failed":${summary.failed},"skipped":${summary.skipped}}`;
}

/** One NDJSON line for an inner response: the response plus its `index`. */
export function streamItemLine(item: ItemOutcome): string {
  return `${innerResponseJson(item, true)}\n`;
}

/** The final NDJSON line: only the summary. */
export function streamSummaryLine(summary: SummaryCounts): string {
  return `{"summary":${summaryJson(summary)}}\n`;
}

/** The consolidated response as plain JSON values (for callers of the engine that want objects). */
export function toBatchResponse(outcome: BatchOutcome): BatchResponse {
  const responses = outcome.items.map((item): InnerResponse => {
    const response: InnerResponse = { id: item.id, status: item.status, headers: { ...item.headers } };
    const body = bodyJson(item.body);
    if (body !== undefined) response.body = body;
    if (item.body.kind === 'base64') response.bodyEncoding = 'base64';
    return response;
  });
  return { responses, summary: { ...outcome.summary } };
}
