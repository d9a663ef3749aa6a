import { BODYLESS_METHODS } from '../constants/methods.js';
import { toPointer } from '../json-pointer.js';
import { mayHoldReferences, scanTemplate } from '../references.js';
import type { Violation } from '../violation.js';
import { isIdPrefixedUrl } from './dialect.js';
import { checkHeaderName, checkHeaderValue } from './header-rules.js';
import { checkInnerUrl } from './url-rules.js';

/** What the semantic rules need to know about the whole envelope. */
export interface EnvelopeIndex {
  /** Each id to the position of its first request. */
  readonly positions: ReadonlyMap<string, number>;
  /** Whether the server supports `atomicityGroup`. */
  readonly atomicity: boolean;
  /** Whether the server supports reference tokens. */
  readonly references: boolean;
}

/** Violations of one inner request plus the indices it depends on (dependsOn and references). */
export interface RequestCheck {
  readonly violations: Violation[];
  readonly dependencies: number[];
  readonly referencing: boolean;
}

type Record_ = Record<string, unknown>;

function isRecord(value: unknown): value is Record_ {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Classifies a dependency or reference target: an earlier index, or why it is not allowed. */
function earlierIndex(
  target: string,
  ownIndex: number,
  index: EnvelopeIndex,
): number | 'self' | 'forward' | 'unknown' {
  const position = index.positions.get(target);
  if (position === undefined) return 'unknown';
  if (position === ownIndex) return 'self';
  if (position > ownIndex) return 'forward';
  return position;
}

const TARGET_DETAIL = {
  self: 'names the request itself',
  forward: 'names a later request (only earlier requests may be named, so no cycle can form)',
  unknown: 'names no request in this batch',
} as const;

/**
 * Checks the rules of one inner request that a schema cannot express: dependencies on earlier
 * requests only, reference syntax and targets, url form, header names and values, body on GET/HEAD.
 */
export function checkInnerRequest(request: unknown, position: number, index: EnvelopeIndex): RequestCheck {
  const violations: Violation[] = [];
  const dependencies = new Set<number>();
  // Stryker disable next-line BooleanLiteral: marking every request as referencing only keeps answers in memory longer in a streamed batch; nothing reads them
  let referencing = false;
  // Stryker disable next-line ArrayDeclaration: a request that is not an object always breaks the schema (400), so its dependencies are never used
  if (!isRecord(request)) return { violations, dependencies: [], referencing };
  const at = (...rest: (string | number)[]) => toPointer(['requests', position, ...rest]);
  // Pointers are built only when a rule is broken: valid requests are the hot path.
  const addTarget = (target: string, where: () => string, kind: 'dependsOn' | 'reference') => {
    const result = earlierIndex(target, position, index);
    if (typeof result === 'number') dependencies.add(result);
    else
      violations.push({
        pointer: where(),
        rule: `${kind}.${result}`,
        detail: `"${target}" ${TARGET_DETAIL[result]}`,
      });
  };
  const scan = (text: string, where: () => string): boolean => {
    if (!mayHoldReferences(text)) return true;
    const result = scanTemplate(text);
    if (!result.ok) {
      violations.push({ pointer: where(), rule: 'reference.syntax', detail: result.detail });
      // Stryker disable next-line BooleanLiteral: the spec leaves this open: after reference.syntax the raw "{" also gets url.character, true of the url as written (req-validate-3 asks for every violation)
      return false;
    }
    // Stryker disable next-line EqualityOperator: unreachable from a request: @batchwire/server never passes references: false to parseBatch (post.ts); packages/schema's unit tests cover the branch
    if (result.references.length > 0 && !index.references) {
      violations.push({
        pointer: where(),
        rule: 'references.unsupported',
        detail: 'this server does not support references; write $${ for a literal ${',
      });
      return true;
    }
    for (const token of result.references) {
      referencing = true;
      addTarget(token.id, where, 'reference');
    }
    return true;
  };

  if (Array.isArray(request.dependsOn)) {
    request.dependsOn.forEach((target, i) => {
      if (typeof target === 'string') addTarget(target, () => at('dependsOn', i), 'dependsOn');
    });
  }

  if (typeof request.url === 'string' && request.url !== '') {
    const url = request.url;
    if (scan(url, () => at('url'))) {
      // A substituted value is percent-encoded, so a neutral placeholder stands for each token here.
      const result = scanTemplate(url);
      const literal = result.ok ? result.parts.map((p) => (typeof p === 'string' ? p : 'x')).join('') : url;
      const broken = checkInnerUrl(literal);
      if (broken && isIdPrefixedUrl(url, index.positions)) {
        violations.push({
          pointer: at('url'),
          rule: 'url.form',
          detail: `the OData "$<id>" url prefix is not supported; write a reference such as \${${url.slice(1).split(/[/?#]/, 1)[0]}#/body/id}`,
        });
      } else if (broken) violations.push({ pointer: at('url'), ...broken });
    }
  }

  if (isRecord(request.headers)) {
    const seen = new Map<string, string>();
    for (const [name, value] of Object.entries(request.headers)) {
      const where = () => at('headers', name);
      const badName = checkHeaderName(name);
      if (badName) violations.push({ pointer: where(), ...badName });
      const lower = name.toLowerCase();
      const earlier = seen.get(lower);
      if (earlier !== undefined) {
        violations.push({
          pointer: where(),
          rule: 'header.duplicate',
          detail: `repeats header "${earlier}" (names are case-insensitive)`,
        });
      }
      seen.set(lower, name);
      if (typeof value === 'string') {
        const badValue = checkHeaderValue(value);
        if (badValue) violations.push({ pointer: where(), ...badValue });
        scan(value, where);
      }
    }
  }

  if (Object.hasOwn(request, 'body')) {
    if (
      typeof request.method === 'string' &&
      (BODYLESS_METHODS as readonly string[]).includes(request.method)
    ) {
      violations.push({
        pointer: at('body'),
        rule: 'body.notAllowed',
        detail: `a ${request.method} request must not have a body`,
      });
    }
    scanBody(request.body, ['requests', position, 'body'], scan);
  }

  if (Object.hasOwn(request, 'atomicityGroup') && !index.atomicity) {
    violations.push({
      pointer: at('atomicityGroup'),
      rule: 'atomicity.unsupported',
      detail: 'this server does not support atomicityGroup; it must reject the batch rather than ignore it',
    });
  }

  // Stryker disable next-line MethodExpression,ArithmeticOperator,ArrowFunction: the order of the dependency indices only changes the order they are counted in; each request starts when all its dependencies are done
  return { violations, dependencies: [...dependencies].sort((a, b) => a - b), referencing };
}

/** Visits every string in a body (iteratively; depth is already bounded) and scans it for tokens. */
function scanBody(
  body: unknown,
  base: (string | number)[],
  scan: (text: string, where: () => string) => boolean,
): void {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: body, path: base }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (mayHoldReferences(value)) scan(value, () => toPointer(path));
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        stack.push({ value: item, path: [...path, i] });
      });
    } else if (isRecord(value)) {
      for (const key of Object.keys(value)) stack.push({ value: value[key], path: [...path, key] });
    }
  }
}
