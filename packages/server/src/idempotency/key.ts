import { createHash } from 'node:crypto';
import { IDEMPOTENCY_KEY_HEADER, PROBLEM_TYPES, type Problem } from '@batchwire/schema';

const KEY = /^[\x20-\x7e]{1,255}$/;

/** The problem of an `Idempotency-Key` that is not 1 to 255 visible ASCII characters. */
export function invalidKeyProblem(): Problem {
  return {
    type: PROBLEM_TYPES.invalidEnvelope,
    title: 'Invalid batch envelope',
    status: 400,
    detail: `The ${IDEMPOTENCY_KEY_HEADER} header must hold 1 to 255 visible ASCII characters.`,
    errors: [{ pointer: '', rule: 'idempotency.key', detail: `${IDEMPOTENCY_KEY_HEADER} is malformed` }],
  };
}

/** Whether a header value is an acceptable idempotency key. */
export function isValidKey(key: string): boolean {
  return KEY.test(key);
}

/**
 * The store key: the client's key scoped by the credentials of the outer request, so one caller's
 * key can never replay another caller's response.
 */
export function scopedKey(
  key: string,
  authorization: string | undefined,
  cookie: string | undefined,
): string {
  const scope = createHash('sha256')
    .update(`${authorization ?? ''}\u0000${cookie ?? ''}`)
    .digest('base64url');
  return `${scope}:${key}`;
}

/** A digest of the envelope, so a reused key with a different envelope is recognised (422). */
export function envelopeFingerprint(envelope: unknown): string {
  return createHash('sha256').update(JSON.stringify(envelope)).digest('base64url');
}
