import {
  checkHeaderValue,
  checkInnerUrl,
  DEFAULT_LIMITS,
  INNER_REQUEST_MARKER_HEADER,
  isJsonMediaType,
  mayHoldReferences,
  scanTemplate,
  toPointer,
} from '@batchwire/schema';
import { invalidResolved, resolvedTooLarge, unresolvedReference } from './item-problems.js';
import type { ResponseView } from './response-view.js';
import type { DispatchBody, DispatchRequest, EngineRequest, HeaderRecord, InnerResult } from './types.js';

const MARKER = INNER_REQUEST_MARKER_HEADER.toLowerCase();

/** Finds the response view of an earlier request by id. */
export type ViewOf = (id: string) => ResponseView | undefined;

/**
 * Records the first reference that resolved to nothing, and what the substituted values cost, so
 * the walk needs no exceptions and stops inserting once a request would grow past its budget.
 */
interface Lookup {
  readonly views: ViewOf;
  missing: { id: string; pointer: string } | undefined;
  /** Characters references may still insert into this request (url, headers and body together). */
  budget: number;
  overflow: boolean;
}

/** Size of a value as text, without building huge strings for values that are obviously too big. */
function textLength(value: unknown): number {
  // Stryker disable next-line OptionalChaining: a found value is never undefined (evaluatePointer reports undefined as not found), so it always has JSON text
  return typeof value === 'string' ? value.length : (JSON.stringify(value)?.length ?? 0);
}

function lookup(state: Lookup, id: string, pointer: string): unknown {
  // Stryker disable next-line StringLiteral: after an overflow the substituted text is thrown away and the item answers 413
  if (state.overflow) return '';
  // Stryker disable next-line OptionalChaining: a reference implies a dependency, so the referenced response always exists
  const found = state.views(id)?.lookup(pointer);
  // Stryker disable next-line OptionalChaining: lookup always returns a result object
  if (!found?.found) {
    state.missing ??= { id, pointer };
    // Stryker disable next-line StringLiteral: with a missing value the substituted text is thrown away and the item answers 424
    return '';
  }
  // Each token is charged: a few hundred tokens naming one large answer must not build gigabytes.
  state.budget -= textLength(found.value);
  if (state.budget < 0) {
    state.overflow = true;
    // Stryker disable next-line StringLiteral: after an overflow the substituted text is thrown away and the item answers 413
    return '';
  }
  return found.value;
}

function encodeUrlValue(value: string): string | undefined {
  try {
    return encodeURIComponent(value);
  } catch {
    return undefined; // a lone surrogate has no UTF-8 form
  }
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Substitutes tokens into text; `encode` percent-encodes each substituted value (urls). */
function substituteText(text: string, state: Lookup, encode: boolean): string | undefined {
  if (!mayHoldReferences(text)) return text;
  const scan = scanTemplate(text);
  if (!scan.ok) return text; // parseBatch already refused malformed tokens
  let out = '';
  for (const part of scan.parts) {
    if (typeof part === 'string') out += part;
    else {
      const value = asText(lookup(state, part.id, part.pointer));
      const encoded = encode ? encodeUrlValue(value) : value;
      if (encoded === undefined) return undefined;
      out += encoded;
    }
  }
  return out;
}

/** Substitutes tokens in a body value; a string that is exactly one token keeps the value's JSON type. */
function substituteBody(value: unknown, state: Lookup): unknown {
  if (typeof value === 'string') {
    if (!mayHoldReferences(value)) return value;
    const scan = scanTemplate(value);
    if (scan.ok && scan.parts.length === 1 && typeof scan.parts[0] !== 'string') {
      const token = scan.parts[0]!;
      return lookup(state, token.id, token.pointer);
    }
    return substituteText(value, state, false) ?? '';
  }
  if (Array.isArray(value)) return value.map((item) => substituteBody(item, state));
  if (value !== null && typeof value === 'object') {
    // A null-prototype copy: a `__proto__` member stays a plain member.
    const copy: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(value))
      copy[key] = substituteBody((value as Record<string, unknown>)[key], state);
    return copy;
  }
  return value;
}

function encodeBody(request: EngineRequest, contentType: string | undefined, state: Lookup): DispatchBody {
  // Stryker disable next-line LogicalOperator,ObjectLiteral: a JSON body is never undefined, and every dispatcher tests kind === 'bytes'
  if (!Object.hasOwn(request, 'body') || request.body === undefined) return { kind: 'none' };
  const raw = request.body;
  if (typeof raw === 'string' && contentType !== undefined && !isJsonMediaType(contentType)) {
    return { kind: 'bytes', text: substituteText(raw, state, false) ?? '', contentType };
  }
  let text = JSON.stringify(raw);
  // Serialising first is the cheap way to learn whether any string holds a token or an escape.
  // Stryker disable next-line StringLiteral: substituting a body without "${" (no token, no escape) gives the same JSON text
  if (text.includes('${')) text = JSON.stringify(substituteBody(raw, state));
  return { kind: 'bytes', text, contentType: contentType ?? 'application/json' };
}

/**
 * Builds the dispatchable form of request `index`: references substituted (424 when one resolves to
 * nothing), url and header values re-checked (400 when a substituted value breaks a rule), headers merged.
 */
export function resolveRequest(
  request: EngineRequest,
  index: number,
  inherited: HeaderRecord | undefined,
  views: ViewOf,
  maxResolvedBytes: number = DEFAULT_LIMITS.maxBodyBytes,
): DispatchRequest | InnerResult {
  const at = (...rest: string[]) => toPointer(['requests', index, ...rest]);
  const state: Lookup = { views, missing: undefined, budget: maxResolvedBytes, overflow: false };
  const unresolved = (where: string) =>
    state.overflow
      ? resolvedTooLarge(where, maxResolvedBytes)
      : state.missing && unresolvedReference(state.missing.id, state.missing.pointer, where);
  const url = substituteText(request.url, state, true);
  if (state.missing || state.overflow) return unresolved(at('url'))!;
  if (url === undefined) {
    return invalidResolved(
      at('url'),
      'url.encoding',
      'holds a referenced string that cannot be encoded as UTF-8',
    );
  }
  if (url !== request.url) {
    const broken = checkInnerUrl(url);
    if (broken) return invalidResolved(at('url'), broken.rule, broken.detail);
  }
  const headers: HeaderRecord = Object.create(null);
  if (inherited) for (const name of Object.keys(inherited)) headers[name] = inherited[name]!;
  let contentType: string | undefined;
  if (request.headers) {
    for (const name of Object.keys(request.headers)) {
      const original = request.headers[name]!;
      const value = substituteText(original, state, false) ?? '';
      if (state.missing || state.overflow) return unresolved(at('headers', name))!;
      if (value !== original) {
        const broken = checkHeaderValue(value);
        if (broken) return invalidResolved(at('headers', name), broken.rule, broken.detail);
      }
      const lower = name.toLowerCase();
      headers[lower] = value;
      if (lower === 'content-type') contentType = value;
    }
  }
  const body = encodeBody(request, contentType, state);
  if (state.missing || state.overflow) return unresolved(at('body'))!;
  if (body.kind === 'bytes') headers['content-type'] = body.contentType;
  headers[MARKER] = '1';
  return { index, id: request.id, method: request.method, url, headers, body };
}
