import { IncomingMessage } from 'node:http';
import type { DispatchRequest } from '../../engine/types.js';
import type { InnerSocket } from './socket.js';

/**
 * Builds the request object of one inner request: a real `IncomingMessage` (a readable stream, so
 * body parsers work) carrying the method, the url under the service path, headers and body.
 */
export function innerRequest(
  request: DispatchRequest,
  url: string,
  host: string | undefined,
  socket: InnerSocket,
): IncomingMessage {
  const req = new IncomingMessage(socket as unknown as ConstructorParameters<typeof IncomingMessage>[0]);
  const headers = request.headers;
  if (host !== undefined && headers.host === undefined) headers.host = host;
  let bytes: Buffer | undefined;
  if (request.body.kind === 'bytes') {
    bytes = Buffer.from(request.body.text, 'utf8');
    headers['content-length'] = String(bytes.length);
  }
  const raw: string[] = [];
  for (const name of Object.keys(headers)) raw.push(name, headers[name]!);
  req.method = request.method;
  req.url = url;
  req.headers = headers;
  req.rawHeaders = raw;
  req.httpVersion = '1.1';
  req.httpVersionMajor = 1;
  req.httpVersionMinor = 1;
  if (bytes !== undefined) req.push(bytes);
  req.push(null);
  req.complete = true;
  // Destroying the request must not reach for a real socket; the stand-in reports it instead.
  req._destroy = (error: Error | null, callback: (error?: Error | null) => void) => {
    if (!req.readableEnded) socket.destroy();
    callback(error);
  };
  return req;
}
