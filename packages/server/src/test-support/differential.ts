/** One inner request of a differential test. */
export interface Inner {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

/** The item read that every host's differential app answers; first in each test's list. */
export const ITEM_READ: Inner = { id: 'item', method: 'GET', url: '/items/7?x=1&y=two' };

/** A JSON body echoed back (the Express and fetch apps have the route). */
export const JSON_ECHO: Inner = {
  id: 'echo',
  method: 'POST',
  url: '/echo',
  headers: { 'content-type': 'application/json' },
  body: { n: 1, s: 'é' },
};

/** Text, bytes, a throwing handler, an unknown route and HEAD: every host's differential app answers them. */
export const SHARED_REQUESTS: readonly Inner[] = [
  { id: 'text', method: 'GET', url: '/text' },
  { id: 'bytes', method: 'GET', url: '/bytes' },
  { id: 'throw', method: 'GET', url: '/throw' },
  { id: 'missing', method: 'GET', url: '/nowhere' },
  { id: 'head', method: 'HEAD', url: '/items/1' },
];

/** An answer reduced to what must be equal in a batch and alone (framing and dates ignored). */
export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

const IGNORED = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/** The comparable form of a status, headers (any case) and decoded body. */
export function comparable(status: number, headers: Iterable<[string, string]>, body: unknown): Answer {
  const record: Record<string, string> = {};
  for (const [name, value] of headers)
    if (!IGNORED.has(name.toLowerCase())) record[name.toLowerCase()] = value;
  return { status, headers: record, body };
}

/** Sends one inner request on its own and decodes its body as a batch entry embeds it. */
export async function alone(origin: string, request: Inner): Promise<Answer> {
  const res = await fetch(origin + request.url, {
    method: request.method,
    headers: request.headers ?? {},
    redirect: 'manual',
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  const body =
    bytes.length === 0
      ? undefined
      : type.includes('json')
        ? JSON.parse(bytes.toString())
        : type.startsWith('text/')
          ? bytes.toString()
          : bytes.toString('base64');
  return comparable(res.status, res.headers, body);
}

/** One entry of a consolidated response. */
export interface Entry {
  readonly id: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

/** POSTs `requests` to `url` and returns the status and the entries. */
export async function sendBatch(
  url: string,
  requests: readonly Inner[],
  headers: Record<string, string> = {},
): Promise<{ status: number; responses: Entry[]; raw: Response }> {
  const raw = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ requests }),
  });
  const text = await raw.clone().text();
  const parsed = text === '' ? {} : (JSON.parse(text) as { responses?: Entry[] });
  return { status: raw.status, responses: parsed.responses ?? [], raw };
}

/** Asserts, through `expect`, that every entry equals the same request sent alone. */
export async function differences(origin: string, requests: readonly Inner[], entries: readonly Entry[]) {
  const found: { id: string; batch: Answer; alone: Answer }[] = [];
  for (const [index, request] of requests.entries()) {
    const entry = entries[index];
    const inBatch = comparable(entry?.status ?? 0, Object.entries(entry?.headers ?? {}), entry?.body);
    const single = await alone(origin, request);
    if (JSON.stringify(inBatch) !== JSON.stringify(single))
      found.push({ id: request.id, batch: inBatch, alone: single });
  }
  return found;
}

/** POSTs `requests` asking for NDJSON; the media type and the parsed lines (items, then the summary). */
export async function streamBatch(
  url: string,
  requests: readonly Inner[],
): Promise<{ type: string | null; lines: Record<string, unknown>[] }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
    body: JSON.stringify({ requests }),
  });
  const text = (await res.text()).trim();
  return {
    type: res.headers.get('content-type'),
    lines: text.split('\n').map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
