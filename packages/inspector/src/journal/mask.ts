/** The text that replaces a credential or cookie value in the journal. */
export const MASK = '***';

const SENSITIVE = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'x-auth-token',
  'x-csrf-token',
]);

/** Whether a header name carries a credential or cookie. */
export function isSensitiveHeader(name: string): boolean {
  return SENSITIVE.has(name.toLowerCase());
}

/**
 * A copy of a header record with lower-case names and credentials masked. The scheme of an
 * `Authorization` value stays visible (`Bearer ***`) because it tells a developer which login was used.
 */
export function maskHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const masked: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (!isSensitiveHeader(lower)) masked[lower] = value;
    else {
      const scheme = /^([A-Za-z][A-Za-z0-9+.-]*) \S/.exec(value)?.[1];
      masked[lower] = lower.endsWith('authorization') && scheme !== undefined ? `${scheme} ${MASK}` : MASK;
    }
  }
  return masked;
}
