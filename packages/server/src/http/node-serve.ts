import type { IncomingMessage, ServerResponse } from 'node:http';
import { type BatchLogger, safeLog } from '../core/logger.js';
import type { BatchHandler } from '../core/types.js';
import type { Dispatch } from '../engine/types.js';
import { readNodeBody } from './node-body.js';
import { disconnectSignal, writeNodeResponse } from './node-write.js';

/** What a node:http host adds to the outer request for the core. */
export interface NodeServeExtras {
  readonly dispatch?: Dispatch | undefined;
  readonly endpointPath: string;
}

/** Runs one node:http request through the core and writes the answer; never throws. */
export function serveNode(
  handle: BatchHandler<IncomingMessage>,
  req: IncomingMessage,
  res: ServerResponse,
  extras: NodeServeExtras,
  logger: BatchLogger | undefined,
): void {
  handle({
    method: req.method ?? 'GET',
    headers: req.headers,
    body: (maxBytes) => readNodeBody(req, maxBytes),
    signal: disconnectSignal(res),
    dispatch: extras.dispatch,
    endpointPath: extras.endpointPath,
    raw: req,
  })
    .then((answer) => writeNodeResponse(res, answer))
    .catch((error: unknown) => {
      safeLog(logger, 'error', { err: error }, 'batch answer failed');
      res.destroy();
    });
}
