import type { IncomingMessage } from 'node:http';
import type { DispatchRequest } from '../../engine/types.js';
import type { InnerSocket } from './socket.js';

/** A request object that keeps its body until a reader asks for it. */
type BodyCarrier = IncomingMessage & { __body: Buffer | undefined };

/**
 * Hands the body over only when someone reads: pushing it eagerly schedules stream ticks that,
 * inside one batch, would keep every finished inner request alive until the batch ends.
 */
function readBody(this: BodyCarrier): void {
  const bytes = this.__body;
  this.__body = undefined;
  if (bytes !== undefined) this.push(bytes);
  this.push(null);
}

/** Destroying the request must not reach for a real socket; the stand-in reports it instead. */
function destroyRequest(
  this: IncomingMessage,
  error: Error | null,
  callback: (error?: Error | null) => void,
): void {
  if (!this.readableEnded) (this.socket as unknown as InnerSocket).destroy();
  callback(error);
}

/** Declares the request's own fields inside its constructor, so V8 lays them out in-object. */
export function initRequestFields(req: IncomingMessage): void {
  (req as BodyCarrier).__body = undefined;
  req._read = readBody;
  req._destroy = destroyRequest;
}

/**
 * Builds the request object of one inner request: a real `IncomingMessage` (a readable stream, so
 * body parsers work) of the app's request prototype, carrying the method, the url under the service path, headers and body.
 */
export function innerRequest(
  request: DispatchRequest,
  url: string,
  host: string | undefined,
  socket: InnerSocket,
  make: (socket: unknown) => IncomingMessage,
): IncomingMessage {
  const req = make(socket);
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
  req.complete = true;
  (req as BodyCarrier).__body = bytes;
  return req;
}
