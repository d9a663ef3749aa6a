import type { DispatchRequest } from '../engine/types.js';
import { type BatchLogger, safeLog } from './logger.js';
import type { OuterHeaders } from './types.js';

/** Where inner handler errors go when no logger is configured: the console, as a lone request's would. */
export const CONSOLE_LOGGER: BatchLogger = {
  info: (obj, msg) => console.info(msg, obj),
  warn: (obj, msg) => console.warn(msg, obj),
  error: (obj, msg) => console.error(msg, obj),
};

// Unique within the process without a random source per batch.
const prefix = Math.floor(Math.random() * 0xffffffff).toString(36);
let sequence = 0;

/**
 * The `onHandlerError` of one outer request: every error an inner request's stack left unhandled
 * is logged once, at error level, with the batch id (the outer `X-Request-Id`, else one made on
 * first use) and the item id, to the configured logger or else the console. Without this a throw
 * inside a batch is silent while the same route called alone prints its stack.
 */
export function innerErrorLogger(
  logger: BatchLogger | undefined,
  headers: OuterHeaders,
): (error: unknown, request: Pick<DispatchRequest, 'id' | 'url'>) => void {
  let batchId: string | undefined;
  return (error, request) => {
    const given = headers['x-request-id'];
    batchId ??= typeof given === 'string' && given !== '' ? given : `${prefix}-${(++sequence).toString(36)}`;
    safeLog(
      logger ?? CONSOLE_LOGGER,
      'error',
      { err: error, batchId, id: request.id, url: request.url },
      'inner handler error',
    );
  };
}
