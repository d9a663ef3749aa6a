import type { IncomingMessage } from 'node:http';

/**
 * Reads a node:http request body, stopping once past `maxBytes` (the core then answers 413 with
 * what was read, so a huge body is never buffered). A body a host parser already consumed
 * (express.json, express.text, express.raw) is handed over as the value it left in `req.body`.
 */
export function readNodeBody(req: IncomingMessage & { body?: unknown }, maxBytes: number): Promise<unknown> {
  if (req.readableEnded) return Promise.resolve(req.body);
  return new Promise<unknown>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (error: Error | undefined) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
      if (error === undefined) resolve(Buffer.concat(chunks, size));
      else reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      chunks.push(chunk);
      if (size > maxBytes) {
        req.pause();
        finish(undefined);
      }
    };
    const onEnd = () => finish(undefined);
    const onError = (error: Error) => finish(error);
    // A client that goes away mid-body leaves no 'end': settle anyway, so nothing waits forever.
    const onClose = () => {
      if (!req.readableEnded) finish(new Error('the client closed the connection mid-body'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}
