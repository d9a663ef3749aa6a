import { BatchRequest } from '../batch-request.js';
import { compiledChecker, schemaViolations } from '../checker.js';
import { DEFAULT_LIMITS } from '../constants/limits.js';
import { toPointer } from '../json-pointer.js';
import type { Problem } from '../problem.js';
import { invalidEnvelopeProblem, limitProblem } from '../problems.js';
import type { Violation } from '../violation.js';
import { findTooDeep } from './depth.js';
import { canonicalEnvelope } from './dialect.js';
import { checkInnerRequest } from './request-rules.js';

/** What `parseBatch` enforces beyond the schema; anything left out takes the default. */
export interface ParseOptions {
  /** Most inner requests (413 above it). */
  readonly maxRequests?: number;
  /** Deepest JSON nesting of the envelope (400 above it). */
  readonly maxJsonDepth?: number;
  /** Whether the server supports `atomicityGroup`; without it, any use is a violation (default false). */
  readonly atomicity?: boolean;
  /** Whether the server supports reference tokens; without it, any token is a violation (default true). */
  readonly references?: boolean;
  /** Whether the server supports `onError: "stop"`; without it, asking for it is a violation (default true). */
  readonly onErrorStop?: boolean;
}

/** An accepted envelope with its dependency graph (indices of earlier requests, dependsOn and references). */
export interface ParsedBatch {
  readonly ok: true;
  /** The envelope in its canonical spelling: upper-case methods, urls beginning with "/". */
  readonly value: BatchRequest;
  /** For each request, the sorted indices of the earlier requests it waits for. */
  readonly dependencies: readonly (readonly number[])[];
  /** For each request, whether its url, headers or body hold reference tokens. */
  readonly referencing: readonly boolean[];
}

/** A rejected envelope: a problem listing every violation; nothing may run. */
export interface RejectedBatch {
  readonly ok: false;
  readonly problem: Problem;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Decides whether a parsed JSON value is an acceptable Batchwire envelope. Never throws and never
 * mutates its input: the answer is the typed envelope (OData spellings read in their canonical form,
 * spec section 4.8) with its dependency graph, or an RFC 9457
 * problem listing every violation with its JSON Pointer (413 for the request count limit).
 */
export function parseBatch(written: unknown, options: ParseOptions = {}): ParsedBatch | RejectedBatch {
  const maxRequests = options.maxRequests ?? DEFAULT_LIMITS.maxRequests;
  const maxJsonDepth = options.maxJsonDepth ?? DEFAULT_LIMITS.maxJsonDepth;
  try {
    // Depth first: everything after this may walk the value.
    const deep = findTooDeep(written, maxJsonDepth);
    if (deep !== undefined) {
      return {
        ok: false,
        problem: limitProblem('maxJsonDepth', maxJsonDepth, 400, [
          {
            pointer: toPointer(deep),
            rule: 'limit.maxJsonDepth',
            detail: `nests deeper than maxJsonDepth (${maxJsonDepth})`,
          },
        ]),
      };
    }
    if (isRecord(written) && Array.isArray(written.requests) && written.requests.length > maxRequests) {
      // Validating a huge list item by item would be the amplification the limit exists to stop.
      return {
        ok: false,
        problem: limitProblem('maxRequests', maxRequests, 413, [
          {
            pointer: '/requests',
            rule: 'limit.maxRequests',
            detail: `holds ${written.requests.length} requests; at most ${maxRequests} are accepted`,
          },
        ]),
      };
    }
    // The OData spellings (lower-case methods, relative urls) are read as their canonical form.
    const input = canonicalEnvelope(written);
    const violations: Violation[] = compiledChecker(BatchRequest).Check(input)
      ? []
      : schemaViolations(BatchRequest, input);
    if (!isRecord(input) || !Array.isArray(input.requests))
      return { ok: false, problem: invalidEnvelopeProblem(violations) };

    const requests: unknown[] = input.requests;
    const positions = new Map<string, number>();
    requests.forEach((request, position) => {
      if (!isRecord(request) || typeof request.id !== 'string') return;
      const first = positions.get(request.id);
      if (first === undefined) positions.set(request.id, position);
      else
        violations.push({
          pointer: toPointer(['requests', position, 'id']),
          rule: 'id.duplicate',
          detail: `"${request.id}" is already the id of request ${first} (ids are unique and case-sensitive)`,
        });
    });

    // Stryker disable next-line BooleanLiteral: unreachable from a request: @batchwire/server never passes onErrorStop: false to parseBatch (post.ts); packages/schema's unit tests cover the branch
    if (options.onErrorStop === false && isRecord(input.options) && input.options.onError === 'stop') {
      violations.push({
        pointer: '/options/onError',
        rule: 'onError.unsupported',
        detail: 'this server does not support onError "stop"',
      });
    }
    const index = {
      positions,
      // Stryker disable next-line LogicalOperator: @batchwire/server always passes atomicity: false, and false && false is false as false ?? false is
      atomicity: options.atomicity ?? false,
      references: options.references ?? true,
    };
    const dependencies: number[][] = [];
    const referencing: boolean[] = [];
    requests.forEach((request, position) => {
      const check = checkInnerRequest(request, position, index);
      for (const violation of check.violations) violations.push(violation);
      dependencies.push(check.dependencies);
      referencing.push(check.referencing);
    });

    if (violations.length > 0) return { ok: false, problem: invalidEnvelopeProblem(violations) };
    return { ok: true, value: input as BatchRequest, dependencies, referencing };
  } catch (error) {
    // Unreachable for JSON values; a defensive answer for exotic objects (getters, proxies).
    return {
      ok: false,
      problem: invalidEnvelopeProblem([
        {
          pointer: '',
          rule: 'schema.type',
          detail: `could not be read as JSON: ${error instanceof Error ? error.message : String(error)}`,
        },
      ]),
    };
  }
}
