import {
  invalidEnvelopeProblem,
  mayHoldReferences,
  type ParsedBatch,
  type Problem,
  scanTemplate,
  toPointer,
  type Violation,
} from '@batchwire/schema';

/**
 * A path as a router that ignores case, repeated and trailing slashes and percent-encoding of
 * plain characters would see it, so every spelling that reaches the same route compares equal.
 */
export function routeKey(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Malformed encoding cannot route to the batch endpoint; compare it as written.
  }
  // Stryker disable next-line MethodExpression: both sides of the comparison go through routeKey, so folding to upper instead of lower case compares the same
  return decoded
    .toLowerCase()
    .replace(/\/{2,}/g, '/')
    .replace(/\/+$/, '');
}

/** The path part of an inner url as far as it is known before execution (no reference in it). */
function visiblePath(url: string): string | undefined {
  // Stryker disable next-line BooleanLiteral,ConditionalExpression: the fast path and the template scan give the same visible path for every url (a template's raw text can never equal the endpoint)
  if (!mayHoldReferences(url)) return url.split('?', 1)[0]!;
  const result = scanTemplate(url);
  if (!result.ok) return undefined;
  const path = result.parts
    .map((part) => (typeof part === 'string' ? part : '\u0000'))
    .join('')
    .split('?', 1)[0]!;
  return path.includes('\u0000') ? undefined : path;
}

/**
 * Rejects, before anything runs, an envelope whose inner url would be routed to this batch endpoint
 * (spec req-sec-4). Urls that only reach it through a reference are refused per item at run time
 * by the inner-request marker instead.
 */
export function batchPathProblem(
  parsed: ParsedBatch,
  servicePath: string,
  endpointPath: string,
): Problem | undefined {
  const endpoint = routeKey(endpointPath);
  const violations: Violation[] = [];
  parsed.value.requests.forEach((request, index) => {
    const path = visiblePath(request.url);
    if (path !== undefined && routeKey(servicePath + path) === endpoint) {
      violations.push({
        pointer: toPointer(['requests', index, 'url']),
        rule: 'url.recursion',
        detail: 'names the batch endpoint: a batch must not contain a batch',
      });
    }
  });
  return violations.length > 0 ? invalidEnvelopeProblem(violations) : undefined;
}
