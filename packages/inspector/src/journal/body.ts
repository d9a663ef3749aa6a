import type { DispatchBody, ResponseBody } from '@batchwire/server';
import type { JournalBody } from './types.js';

function cut(text: string, maxChars: number): { text: string; truncatedFrom?: number } {
  return text.length <= maxChars ? { text } : { text: text.slice(0, maxChars), truncatedFrom: text.length };
}

function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    // A value the engine could embed is always serialisable; this guards exotic handler output.
    return '"[unserialisable]"';
  }
}

/** A response body as the journal keeps it, at most `maxChars` characters. */
export function responseBody(body: ResponseBody, maxChars: number): JournalBody {
  switch (body.kind) {
    case 'none':
      return { kind: 'none' };
    case 'jsonText':
      return { kind: 'json', ...cut(body.text, maxChars) };
    case 'json':
      return { kind: 'json', ...cut(jsonText(body.value), maxChars) };
    case 'text':
      return { kind: 'text', ...cut(body.text, maxChars) };
    case 'base64': {
      const { text, truncatedFrom } = cut(body.data, maxChars);
      return truncatedFrom === undefined
        ? { kind: 'base64', data: text }
        : { kind: 'base64', data: text, truncatedFrom };
    }
  }
}

/** A dispatched request body as the journal keeps it, at most `maxChars` characters. */
export function dispatchBody(body: DispatchBody, maxChars: number): JournalBody {
  if (body.kind === 'none') return { kind: 'none' };
  const json = /[/+]json\b/i.test(body.contentType);
  return { kind: json ? 'json' : 'text', ...cut(body.text, maxChars) };
}

/** Characters a body holds in the journal (its share of the byte budget). */
export function bodySize(body: JournalBody): number {
  switch (body.kind) {
    case 'none':
    case 'omitted':
      return 0;
    case 'base64':
      return body.data.length;
    default:
      return body.text.length;
  }
}

/** The body, or an `omitted` marker when the batch may not spend more characters on bodies. */
export function withinBudget(body: JournalBody, allowed: boolean): JournalBody {
  return allowed || body.kind === 'none' ? body : { kind: 'omitted', length: bodySize(body) };
}
