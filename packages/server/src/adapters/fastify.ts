import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import { createBatchHandler } from '../core/handler.js';
import { innerErrorLogger } from '../core/inner-errors.js';
import type { BatchwireOptions } from '../core/options.js';
import type { BatchHandler } from '../core/types.js';
import { inProcessDispatch } from '../dispatch/in-process/dispatch.js';
import { injectDispatch } from '../dispatch/inject-dispatch.js';
import type { Dispatch } from '../engine/types.js';
import { readNodeBody } from '../http/node-body.js';
import { nodeScheduler } from '../http/node-scheduler.js';
import { disconnectSignal } from '../http/node-write.js';
import { expressConnection } from './express-connection.js';

/** Options of the Fastify plugin: the core's options, Fastify's `prefix`, and the dispatch used. */
export interface BatchwireFastifyOptions extends BatchwireOptions<IncomingMessage> {
  /** Where the endpoint is mounted, as for any Fastify plugin (`app.register(batchwire, { prefix: '/batch' })`). */
  readonly prefix?: string;
  /**
   * How in-process inner requests enter the app: `routing` (default) hands request and response
   * objects to Fastify's router (`fastify.routing`), so every hook, validator and serialiser runs as
   * for a request from a socket; `inject` goes through `fastify.inject` (slower, see the README).
   */
  readonly dispatch?: 'routing' | 'inject';
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];

function routingDispatch(
  instance: FastifyInstance,
  handle: BatchHandler<IncomingMessage>,
  request: FastifyRequest,
  options: BatchwireFastifyOptions,
): Dispatch {
  const logger = options.logger;
  // Fastify resolves the client address and protocol through its own `trustProxy`.
  const resolved = { socket: request.raw.socket, ip: request.ip, protocol: request.protocol };
  return inProcessDispatch({
    app: { handle: (req, res) => instance.routing(req, res) },
    servicePath: handle.config.servicePath,
    maxItemResponseBytes: handle.config.limits.maxItemResponseBytes,
    host: request.raw.headers.host,
    connection: expressConnection(resolved as unknown as IncomingMessage),
    onHandlerError: innerErrorLogger(logger, request.raw.headers),
  });
}

/**
 * The Batchwire endpoint as a Fastify 5 plugin: `app.register(batchwire, { prefix: '/batch' })`.
 * Inner requests re-enter the same Fastify app in-process (its routing, hooks, validation and
 * serialisation), or go to `options.upstream` (gateway mode). The plugin is encapsulated: inside
 * it the body reaches the protocol core unparsed; the app's own parsers are untouched.
 */
export const batchwire: FastifyPluginCallback<BatchwireFastifyOptions> = (instance, options, done) => {
  const { prefix: _prefix, dispatch = 'routing', ...core } = options;
  // setImmediate yields between slices; the portable setTimeout(0) idles a millisecond each.
  const handle = createBatchHandler<IncomingMessage>({ ...core, scheduler: core.scheduler ?? nodeScheduler });
  const inProcess = handle.mode === 'in-process';
  const endpointPath = instance.prefix.replace(/\/+$/, '');
  const injected =
    inProcess && dispatch === 'inject'
      ? injectDispatch(instance, handle.config.servicePath, handle.config.limits.maxItemResponseBytes)
      : undefined;
  instance.removeAllContentTypeParsers();
  // The core reads and bounds the body itself: size, media type and JSON are its rules.
  instance.addContentTypeParser('*', (_request, payload, parsed) => parsed(null, payload));
  instance.addHook('onClose', () => handle.close());
  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const raw = request.raw;
    const stream = (request.body ?? raw) as IncomingMessage;
    const answer = await handle({
      method: raw.method ?? 'GET',
      headers: raw.headers,
      body: (maxBytes) => readNodeBody(stream, maxBytes),
      signal: disconnectSignal(reply.raw),
      dispatch: inProcess ? (injected ?? routingDispatch(instance, handle, request, core)) : undefined,
      endpointPath,
      raw,
    });
    reply.code(answer.status).headers(answer.headers);
    return reply.send(typeof answer.body === 'string' ? answer.body : Readable.from(answer.body));
  };
  // Fastify refuses a Content-Type it cannot parse (a list, say) before any parser runs, with its
  // own error body; the core answers it instead, so the client gets the protocol's 415 problem.
  instance.setErrorHandler((error: unknown, request, reply) => {
    const code = (error as { code?: unknown } | null | undefined)?.code;
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return serve(request, reply);
    throw error;
  });
  instance.route({ method: METHODS, url: '/', handler: serve });
  done();
};
