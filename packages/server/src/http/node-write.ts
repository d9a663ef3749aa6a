import type { ServerResponse } from 'node:http';
import type { BatchHttpResponse } from '../core/types.js';

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * Writes a core answer to a node:http response. A streamed body is written chunk by chunk, and
 * the next chunk is pulled only once the socket has drained, so a slow reader holds the engine
 * back instead of filling the server's memory.
 */
export async function writeNodeResponse(res: ServerResponse, answer: BatchHttpResponse): Promise<void> {
  if (res.headersSent) {
    // Something answered already (a host middleware): a second answer cannot be framed.
    res.destroy();
    return;
  }
  res.statusCode = answer.status;
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  const body = answer.body;
  if (typeof body === 'string') {
    res.setHeader('Content-Length', Buffer.byteLength(body));
    res.end(body);
    return;
  }
  res.flushHeaders();
  const iterator = body[Symbol.asyncIterator]();
  try {
    while (true) {
      if (res.destroyed) break;
      const next = await iterator.next();
      if (next.done) {
        res.end();
        return;
      }
      if (next.value !== '' && !res.write(next.value)) await drained(res);
    }
  } finally {
    if (!res.writableEnded) await iterator.return?.();
  }
}

/** An AbortSignal that fires when the client goes away before the answer is complete. */
export function disconnectSignal(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  const onClose = () => {
    res.off('close', onClose);
    if (!res.writableFinished) controller.abort();
  };
  res.on('close', onClose);
  return controller.signal;
}
