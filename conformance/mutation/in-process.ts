import { type BatchLimits, DEFAULT_LIMITS } from '@batchwire/schema';
import { batchwireFetch } from '@batchwire/server/fetch';
import { createFixtures } from '../src/fixtures/index.js';
import type { FetchLike } from '../src/run/transport.js';

/** The origin the in-process endpoint is addressed by; nothing listens there. */
export const IN_PROCESS_ORIGIN = 'http://127.0.0.1:3000';

/** Where the in-process app mounts its batch endpoint (below the service root, if any). */
const BATCH_PATH = '/batch';

/** A Web-standard request handler: what `batchwireFetch` and the fixtures are. */
type WebHandler = (request: Request) => Promise<Response>;

/** Options of {@link inProcessEndpoint}. */
export interface InProcessOptions {
  /** Limits the endpoint advertises and enforces (the rest keep the defaults). */
  readonly limits?: Partial<BatchLimits>;
  /** Whether NDJSON streaming is offered (default true). */
  readonly streaming?: boolean;
  /** Whether `Idempotency-Key` is honoured (default true). */
  readonly idempotency?: boolean;
  /**
   * The service root the app lives under (say `/api/`, spelled as a host's config may, with the
   * trailing slash): the batch endpoint and the fixtures move below it, and inner urls resolve there.
   */
  readonly servicePath?: string;
}

/** An in-process batch endpoint: its url for the runner, the fetch that reaches it, and its close. */
export interface InProcessEndpoint {
  readonly url: string;
  readonly fetch: FetchLike;
  readonly close: () => Promise<void>;
}

/**
 * The `Request` an HTTP client would send for the runner's call: with the length of a fixed body
 * (a stream body has none: it goes chunked), which the core refuses an oversized one from, and no
 * Content-Type the runner did not set (fetch would give a string body text/plain, so a case
 * sending none would never reach the core as such).
 */
export function clientRequest(url: string, init: Parameters<FetchLike>[1]): Request {
  const body = typeof init.body === 'string' ? new TextEncoder().encode(init.body) : init.body;
  const length = body instanceof Uint8Array ? { 'content-length': String(body.byteLength) } : {};
  return new Request(url, {
    method: init.method,
    headers: { ...length, ...init.headers },
    signal: init.signal,
    ...(body === undefined ? {} : { body }),
    ...(init.duplex === undefined ? {} : { duplex: init.duplex }),
  });
}

/**
 * Whether the app's router sends a path to the batch endpoint: as Express's default router does
 * (any case, optional trailing slash), and decoding percent-escapes and doubled slashes as lenient
 * routers do, so every spelling req-sec-4 names reaches it.
 */
function routesToBatch(pathname: string, batchPath: string): boolean {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  return (
    path
      .toLowerCase()
      .replace(/\/{2,}/g, '/')
      .replace(/\/$/, '') === batchPath
  );
}

/**
 * The reference protocol stack without a socket: `@batchwire/server`'s core behind its fetch host
 * at `/batch`, inner requests dispatched in-process to the Appendix A fixtures at `/_conformance`
 * (the handler the reference server mounts). The runner's requests become `Request` objects
 * handed straight to it, so a whole suite run costs no TCP round trip.
 */
export function inProcessEndpoint(options: InProcessOptions = {}): InProcessEndpoint {
  const root = (options.servicePath ?? '').replace(/\/+$/, '');
  const batchPath = `${root}${BATCH_PATH}`;
  const fixtures = createFixtures({ throws: 'reject', prefix: `${root}/_conformance` });
  const app: WebHandler = (request) => {
    const { pathname } = new URL(request.url);
    if (fixtures.owns(pathname)) return fixtures(request);
    // The batch endpoint is a route of the app, as on a real host: an inner request that slips
    // past the envelope check reaches it (and its marker refusal), not a 404.
    if (routesToBatch(pathname, batchPath)) return batch(request);
    return Promise.resolve(new Response('not found', { status: 404 }));
  };
  const batch = batchwireFetch({
    fetch: app,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    // Left out unless asked for, so the endpoint meets the server's own defaults.
    ...(options.streaming === undefined ? {} : { streaming: options.streaming }),
    ...(options.idempotency === false ? { idempotency: false as const } : {}),
    ...(options.servicePath === undefined ? {} : { servicePath: options.servicePath }),
  });
  const fetch: FetchLike = async (url, init) => {
    const request = clientRequest(url, init);
    return new URL(url).pathname === batchPath ? batch(request) : app(request);
  };
  return { url: `${IN_PROCESS_ORIGIN}${batchPath}`, fetch, close: () => batch.close() };
}
