import type { IdempotencyBegin } from '@batchwire/server';

/**
 * What one Redis value holds: a JSON header line, then (for a finished run) the answer's text
 * verbatim, so a multi-megabyte answer is never escaped into a JSON string.
 */
type Header =
  | { readonly s: 'r'; readonly t: string; readonly f: string }
  | { readonly s: 'd'; readonly f: string };

/** The value of a running claim; `token` makes it unique to the claim, so compare-and-set is ownership. */
export function claimValue(token: string, fingerprint: string): string {
  return JSON.stringify({ s: 'r', t: token, f: fingerprint } satisfies Header);
}

/** The value of a finished run. */
export function doneValue(fingerprint: string, body: string): string {
  return `${JSON.stringify({ s: 'd', f: fingerprint } satisfies Header)}\n${body}`;
}

/** Reads a stored value back; undefined for anything this store did not write. */
export function readValue(value: string): Exclude<IdempotencyBegin, { state: 'started' }> | undefined {
  const newline = value.indexOf('\n');
  let header: unknown;
  try {
    header = JSON.parse(newline === -1 ? value : value.slice(0, newline));
  } catch {
    return undefined;
  }
  if (typeof header !== 'object' || header === null) return undefined;
  const { s, f } = header as { s?: unknown; f?: unknown };
  if (typeof f !== 'string') return undefined;
  if (s === 'r' && newline === -1) return { state: 'running', fingerprint: f };
  if (s === 'd' && newline !== -1)
    return { state: 'done', fingerprint: f, response: { body: value.slice(newline + 1) } };
  return undefined;
}
