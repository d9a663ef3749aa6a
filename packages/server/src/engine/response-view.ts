import { evaluatePointer, type PointerResult, parsePointer } from '@batchwire/schema';
import type { InnerResult, ResponseBody } from './types.js';

/** The JSON a client would read for a body: what the reference pointer `/body/...` walks. */
export function bodyJson(body: ResponseBody): unknown {
  switch (body.kind) {
    // Stryker disable next-line StringLiteral: an unmatched 'none' falls through the switch to undefined, the same answer
    case 'none':
      return undefined;
    case 'jsonText':
      return JSON.parse(body.text);
    case 'json': {
      // Round trip so toJSON, Dates and undefined members read exactly as a client would see them.
      const text = JSON.stringify(body.value);
      return text === undefined ? undefined : JSON.parse(text);
    }
    case 'text':
      return body.text;
    case 'base64':
      return body.data;
  }
}

/** A lazily built `{ status, headers, body }` view of one earlier response, for reference pointers. */
export interface ResponseView {
  readonly lookup: (pointer: string) => PointerResult;
}

/** Builds the view; the body is parsed only when a pointer first reaches into it. */
export function responseView(result: InnerResult): ResponseView {
  let body: { value: unknown } | undefined;
  const bodyValue = () => {
    body ??= { value: bodyJson(result.body) };
    return body.value;
  };
  const whole = () => {
    const document: Record<string, unknown> = { status: result.status, headers: result.headers };
    const value = bodyValue();
    if (value !== undefined) document.body = value;
    return document;
  };
  return {
    lookup(pointer) {
      const segments = parsePointer(pointer);
      if (segments === undefined) return { found: false };
      const [head, ...rest] = segments;
      if (head === undefined) return { found: true, value: whole() };
      const tail = rest.length === 0 ? '' : pointer.slice(pointer.indexOf('/', 1));
      if (head === 'status') return evaluatePointer(result.status, tail);
      if (head === 'body') return evaluatePointer(bodyValue(), tail);
      if (head === 'headers') {
        const [name] = rest;
        if (name === undefined) return { found: true, value: result.headers };
        // Header names are case-insensitive: `/headers/location` finds `Location`.
        const wanted = name.toLowerCase();
        for (const key of Object.keys(result.headers)) {
          if (key.toLowerCase() === wanted) {
            // Stryker disable next-line MethodExpression: a pointer into a header's string value finds nothing either way
            const afterName = rest.length === 1 ? '' : tail.slice(tail.indexOf('/', 1));
            return evaluatePointer(result.headers[key], afterName);
          }
        }
      }
      // Stryker disable next-line ObjectLiteral: a result without found reads as not found
      return { found: false };
    },
  };
}
