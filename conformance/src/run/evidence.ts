/** Response headers whose values change from run to run; reports show them masked. */
export const VOLATILE_HEADERS: ReadonlySet<string> = new Set([
  'date',
  'age',
  'expires',
  'last-modified',
  'etag',
  'set-cookie',
  'keep-alive',
  'server-timing',
  'x-response-time',
  'x-request-id',
  'request-id',
  'traceparent',
]);

const MAX_BODY_CHARS = 4000;

/** What was sent and received in one exchange, as a report shows it. */
export interface Evidence {
  readonly request: {
    readonly method: string;
    readonly url: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body?: unknown;
  };
  readonly response?: {
    readonly status: number;
    readonly headers: Readonly<Record<string, string>>;
    readonly body?: unknown;
  };
  /** Why no response was received (network error, timeout, abort). */
  readonly error?: string;
}

/** Replaces the values of volatile headers with `<masked>` so reports diff cleanly between runs. */
export function maskHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = VOLATILE_HEADERS.has(name.toLowerCase()) ? '<masked>' : value;
  }
  return out;
}

/** A body for a report: parsed JSON when it is JSON and short enough, otherwise text cut at 4000 characters. */
export function bodyEvidence(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  if (text.length > MAX_BODY_CHARS)
    return `${text.slice(0, MAX_BODY_CHARS)}… (${text.length} characters in all)`;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
