import { IDEMPOTENCY_KEY_HEADER, PROBLEM_TYPES, type Problem } from '@batchwire/schema';

const KEY = /^[\x20-\x7e]{1,255}$/;
const encoder = new TextEncoder();

/** SHA-256 of a string's UTF-8 bytes in base64url, through Web Crypto (Node, Bun, Deno, Workers). */
async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

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
 * The store key: the client's key scoped by every credential the inner requests carry (the outer
 * `Authorization` and `Cookie`, and any header the operator made inherited, such as an API key),
 * so one caller's key can never replay another caller's response.
 */
export async function scopedKey(key: string, credentials: readonly (string | undefined)[]): Promise<string> {
  const scope = await sha256(credentials.map((value) => value ?? '').join('\u0000'));
  return `${scope}:${key}`;
}

/** Orders the members of every object, so equal JSON values serialise to the same text. */
function sortedMembers(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // fromEntries defines own properties, so a "__proto__" member stays data.
  return Object.fromEntries(entries);
}

/**
 * A digest of the envelope as a JSON value (member order and whitespace aside), so a retry that
 * re-serialised the same envelope replays, and a reused key with a different envelope gets 422.
 */
export function envelopeFingerprint(envelope: unknown): Promise<string> {
  return sha256(JSON.stringify(envelope, sortedMembers));
}
