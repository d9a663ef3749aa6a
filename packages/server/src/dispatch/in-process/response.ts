import type { IncomingMessage, ServerResponse } from 'node:http';
import { badGateway } from '../../engine/item-problems.js';
import type { HeaderRecord, InnerResult, ResponseBody } from '../../engine/types.js';
import { conventionalHeaderName, isFramingHeader } from '../../http/header-case.js';
import { classifyBody } from '../../http/response-body.js';
import type { InnerSocket } from './socket.js';

/** The Express settings the fast `res.json` reads (structural, so no Express import is needed). */
interface ExpressResponseBits {
  app?: { get(setting: string): unknown };
  req: IncomingMessage & { fresh?: boolean };
}

type Callback = (error?: Error | null) => void;

function headerValue(value: number | string | readonly string[]): string {
  return typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : String(value);
}

function takeCallback(args: unknown[]): Callback | undefined {
  const last = args[args.length - 1];
  return typeof last === 'function' ? (last as Callback) : undefined;
}

/**
 * Builds the response object of one inner request: a real `ServerResponse` (so Express's
 * response methods and every middleware work) whose writes are collected in memory and whose end
 * calls `finish` with the status, headers and body. `res.json` keeps the value's JSON text, so the
 * outer response embeds it without re-parsing, exactly as a client would read it alone.
 */
export function innerResponse(
  req: IncomingMessage,
  socket: InnerSocket,
  finish: (result: InnerResult) => void,
  make: (req: IncomingMessage) => ServerResponse,
): ServerResponse {
  const res = make(req);
  const chunks: Buffer[] = [];
  let jsonText: string | undefined;
  let status = 200;
  let headers: HeaderRecord | undefined;
  (res as unknown as { socket: unknown }).socket = socket;

  const sealHeaders = () => {
    if (headers !== undefined) return;
    status = res.statusCode;
    headers = Object.create(null) as HeaderRecord;
    const all = res.getHeaders();
    for (const name of Object.keys(all)) {
      const value = all[name];
      if (value === undefined || isFramingHeader(name)) continue;
      headers[conventionalHeaderName(name)] = headerValue(value);
    }
    // `headersSent` reads `_header`: from here on Express and Node refuse header changes, as on a socket.
    (res as unknown as { _header: string })._header = `HTTP/1.1 ${status}\r\n`;
  };

  const collect = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null) return;
    if (typeof chunk === 'string') {
      if (chunk.length > 0)
        chunks.push(Buffer.from(chunk, (encoding as BufferEncoding | undefined) ?? 'utf8'));
    } else if (chunk instanceof Uint8Array) {
      if (chunk.length > 0) chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    } else {
      throw new TypeError(
        'The "chunk" argument must be of type string or an instance of Buffer or Uint8Array',
      );
    }
  };

  const complete = () => {
    sealHeaders();
    const bodyless =
      req.method === 'HEAD' || status === 204 || status === 304 || (status >= 100 && status < 200);
    let body: ResponseBody;
    if (bodyless) body = { kind: 'none' };
    else if (jsonText !== undefined) body = { kind: 'jsonText', text: jsonText };
    else {
      const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      body = classifyBody(res.getHeader('content-type') as string | undefined, bytes);
    }
    if (status < 100 || status > 599) {
      finish(badGateway(`The inner handler answered the invalid status ${status}.`));
      return;
    }
    finish({ status, headers: headers!, body });
  };

  res.writeHead = function writeHead(this: ServerResponse, code: number, ...rest: unknown[]) {
    if (headers !== undefined)
      throw Object.assign(new Error('Cannot write headers after they are sent to the client'), {
        code: 'ERR_HTTP_HEADERS_SENT',
      });
    if (!Number.isInteger(code) || code < 100 || code > 999)
      throw new RangeError(`Invalid status code: ${code}`);
    this.statusCode = code;
    let fields = rest[0];
    if (typeof fields === 'string') {
      this.statusMessage = fields;
      fields = rest[1];
    }
    if (Array.isArray(fields)) {
      const flat = Array.isArray(fields[0]) ? (fields as [string, string][]).flat() : (fields as string[]);
      for (let i = 0; i + 1 < flat.length; i += 2) this.appendHeader(flat[i]!, flat[i + 1]!);
    } else if (fields !== null && typeof fields === 'object') {
      for (const [name, value] of Object.entries(fields)) {
        if (value !== undefined) this.setHeader(name, value as string | number | readonly string[]);
      }
    }
    sealHeaders();
    return this;
  } as ServerResponse['writeHead'];

  res.write = function write(this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    const callback = takeCallback(rest);
    if (this.writableEnded) {
      if (callback) process.nextTick(callback, new Error('write after end'));
      return false;
    }
    sealHeaders();
    collect(chunk, typeof rest[0] === 'string' ? rest[0] : undefined);
    if (callback) process.nextTick(callback);
    return true;
  } as ServerResponse['write'];

  res.end = function end(this: ServerResponse, ...args: unknown[]) {
    if (this.writableEnded) return this;
    const callback = takeCallback(args);
    const chunk = typeof args[0] === 'function' ? undefined : args[0];
    collect(chunk, typeof args[1] === 'string' ? args[1] : undefined);
    (this as unknown as { finished: boolean }).finished = true;
    complete();
    // Node emits these after the socket flush; without listeners a tick would only keep objects alive.
    if (
      callback ||
      this.listenerCount('finish') + this.listenerCount('close') + this.listenerCount('prefinish') > 0
    ) {
      process.nextTick(() => {
        this.emit('prefinish');
        this.emit('finish');
        if (callback) callback();
        this.emit('close');
      });
    }
    return this;
  } as ServerResponse['end'];

  // The fast path: keep the handler's JSON text for the outer response (no buffer, no re-parse).
  (res as unknown as { json: (value: unknown) => ServerResponse }).json = function json(
    this: ServerResponse & ExpressResponseBits,
    value: unknown,
  ) {
    const replacer = this.app?.get('json replacer') as Parameters<typeof JSON.stringify>[1] | undefined;
    const text: string | undefined = replacer ? JSON.stringify(value, replacer) : JSON.stringify(value);
    if (!this.hasHeader('content-type')) {
      this.setHeader(
        'Content-Type',
        text === undefined ? 'application/json' : 'application/json; charset=utf-8',
      );
    }
    if (text !== undefined) {
      const etagFn = this.app?.get('etag fn');
      if (typeof etagFn === 'function' && !this.hasHeader('etag')) {
        const tag = (etagFn as (body: string, encoding: string) => string | undefined)(text, 'utf8');
        if (tag) this.setHeader('ETag', tag);
      }
      if (this.req.fresh === true) this.statusCode = 304;
      jsonText = text;
    }
    this.end();
    return this;
  };

  return res;
}
