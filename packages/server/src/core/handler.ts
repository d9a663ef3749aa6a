import { INNER_REQUEST_MARKER_HEADER, PROBLEM_TYPES } from '@batchwire/schema';
import type { Gateway } from '../dispatch/gateway.js';
import { parseUpstream } from '../dispatch/upstream.js';
import type { Dispatch } from '../engine/types.js';
import { memoryIdempotencyStore } from '../idempotency/store.js';
import { capabilitiesOf } from './capabilities.js';
import { logRejection } from './log-rejection.js';
import { safeLog } from './logger.js';
import { type BatchwireConfig, type BatchwireOptions, resolveConfig } from './options.js';
import { handlePost } from './post.js';
import { problemResponse } from './respond.js';
import type { BatchHandler, BatchHttpRequest, BatchHttpResponse } from './types.js';

const ALLOW = 'GET, HEAD, POST';
const MARKER = INNER_REQUEST_MARKER_HEADER.toLowerCase();

type GatewayMode = Extract<BatchwireConfig['mode'], { kind: 'gateway' }>;

/**
 * The gateway, its module (and undici with it) loaded only in gateway mode, so an in-process host on
 * a Web-standard runtime (the fetch adapter on Workers) never imports Node built-ins. The upstream is
 * still checked at once; the pool is made on the first import, before any batch needs it.
 */
function lazyGateway(
  mode: GatewayMode,
  limits: BatchwireConfig['limits'],
): { dispatch: Dispatch; close(): Promise<void> } {
  parseUpstream(mode.upstream);
  let ready: Gateway | undefined;
  const loading = import('../dispatch/gateway.js').then(({ gatewayDispatch }) => {
    ready = gatewayDispatch({
      upstream: mode.upstream,
      connections: mode.connections,
      requestTimeoutMs: limits.requestTimeoutMs,
      maxItemResponseBytes: limits.maxItemResponseBytes,
      ...(mode.dispatcher === undefined ? {} : { dispatcher: mode.dispatcher }),
    });
    return ready;
  });
  // A failed load surfaces per item (the engine answers 500) and in close(), never unhandled.
  loading.catch(() => undefined);
  return {
    dispatch: (request, context) =>
      ready === undefined
        ? loading.then((loaded) => loaded.dispatch(request, context))
        : ready.dispatch(request, context),
    close: () =>
      loading.then(
        (loaded) => loaded.close(),
        () => undefined,
      ),
  };
}

/**
 * The Batchwire protocol core, free of any host: `const handle = createBatchHandler(options)`, then
 * per outer request to the endpoint `await handle({ method, headers, body, signal, dispatch?,
 * endpointPath?, raw })` gives `{ status, headers, body }`, with `body` a string or (NDJSON) a
 * pull-driven `AsyncIterable<string>`. GET/HEAD serve the capabilities document, POST runs a batch,
 * other methods get 405; every rule (media types, limits, recursion, idempotency, replay,
 * streaming, problems) lives here, so an adapter only translates. Options are checked at once
 * (a TypeError for a bad one). In in-process mode each request brings the `dispatch` into its host
 * app; in gateway mode (`upstream`) the handler owns the upstream pool until `close()`.
 */
export function createBatchHandler<Raw = unknown>(options: BatchwireOptions<Raw> = {}): BatchHandler<Raw> {
  const config = resolveConfig(options);
  const capabilities = JSON.stringify(capabilitiesOf(config));
  const mode = config.mode;
  // Stryker disable next-line all: gateway mode forwards over HTTP, which the in-process suite run never opens
  const gateway = mode.kind === 'gateway' ? lazyGateway(mode, config.limits) : undefined;
  const store =
    config.idempotency === undefined
      ? undefined
      : (config.idempotency.store ??
        memoryIdempotencyStore({
          maxEntries: config.idempotency.maxEntries,
          maxBytes: config.idempotency.maxBytes,
        }));
  const context = { config, store, gateway: gateway?.dispatch, options };

  const handle = async (req: BatchHttpRequest<Raw>): Promise<BatchHttpResponse> => {
    if (req.headers[MARKER] !== undefined) {
      return problemResponse({
        type: PROBLEM_TYPES.recursion,
        title: 'Recursive batch refused',
        status: 400,
        detail: 'A request dispatched from inside a batch may not enter a batch endpoint.',
      });
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      return {
        status: 200,
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        body: capabilities,
      };
    }
    if (req.method !== 'POST') {
      return problemResponse(
        {
          type: PROBLEM_TYPES.methodNotAllowed,
          title: 'Method not allowed',
          status: 405,
          detail: `A batch endpoint answers ${ALLOW}; ${req.method} is not supported.`,
        },
        { Allow: ALLOW },
      );
    }
    try {
      const answer = await handlePost(req, context);
      logRejection(config.logger, answer);
      return answer;
    } catch (error) {
      safeLog(config.logger, 'error', { err: error }, 'batch failed');
      return problemResponse({
        type: PROBLEM_TYPES.handlerError,
        title: 'Internal error',
        status: 500,
        detail: 'The batch endpoint failed unexpectedly.',
      });
    }
  };
  let closed: Promise<void> | undefined;
  return Object.assign(handle, {
    mode: mode.kind,
    config,
    // Stryker disable all: closing the host's pool ends its life; no request can follow it
    close: () => {
      closed ??= gateway === undefined ? Promise.resolve() : gateway.close();
      return closed;
    },
    // Stryker restore all
  });
}
