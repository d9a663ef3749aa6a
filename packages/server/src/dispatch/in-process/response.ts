import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEFAULT_LIMITS } from '@batchwire/schema';
import { badGateway } from '../../engine/item-problems.js';
import type { HeaderRecord, InnerResult, ResponseBody } from '../../engine/types.js';
import { conventionalHeaderName, isFramingHeader } from '../../http/header-case.js';
import { classifyBody } from '../../http/response-body.js';
import { declaredTooLarge, responseTooLarge } from '../too-large.js';
import { type Callback, Capture, chunkBytes, dropped, keepBytes, textTooLarge } from './capture.js';
import { builtinEtag, builtinEtagOf } from './etag.js';
import type { InnerSocket } from './socket.js';

type Settings = { get(setting: string): unknown };

/** A response object carrying its capture (one own property; the methods below are shared). */
type Captured = ServerResponse & {
  __batchwire: Capture;
  app?: Settings;
  req: IncomingMessage & { fresh?: boolean };
  _header: string | null;
};

function headerValue(value: number | string | readonly string[]): string {
  return typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : String(value);
}

function takeCallback(args: unknown[]): Callback | undefined {
  const last = args[args.length - 1];
  return typeof last === 'function' ? (last as Callback) : undefined;
}

function sealHeaders(res: Captured): void {
  const capture = res.__batchwire;
  if (capture.headers !== undefined) return;
  const headers: HeaderRecord = Object.create(null);
  const all = res.getHeaders();
  for (const name of Object.keys(all)) {
    const value = all[name];
    if (value === undefined || isFramingHeader(name)) continue;
    headers[conventionalHeaderName(name)] = headerValue(value);
  }
  capture.headers = headers;
  // `headersSent` reads `_header`: from here on Express and Node refuse header changes, as on a socket.
  res._header = 'HTTP/1.1\r\n';
  // A HEAD answer declares the length of a body it never sends.
  if (res.req.method !== 'HEAD' && declaredTooLarge(all['content-length'], capture.maxBytes)) overflow(res);
}

/**
 * The body passed `maxItemResponseBytes`: answer 502 now, drop what was kept, and close the inner
 * request as a dropped connection would (the handler sees `close`, its writes go nowhere).
 */
function overflow(res: Captured): void {
  const capture = res.__batchwire;
  if (capture.overflowed) return;
  capture.overflowed = true;
  capture.chunks = undefined;
  capture.jsonText = undefined;
  capture.finish(responseTooLarge('maxItemResponseBytes', capture.maxBytes));
  const socket = (res as unknown as { socket: InnerSocket }).socket;
  socket.destroyed = true;
  res.req.destroy();
  process.nextTick(() => res.emit('close'));
}

function collect(res: Captured, chunk: unknown, encoding: unknown): void {
  const bytes = chunkBytes(chunk, encoding);
  if (bytes !== undefined && !keepBytes(res.__batchwire, bytes)) overflow(res);
}

function complete(res: Captured): void {
  sealHeaders(res);
  const capture = res.__batchwire;
  if (capture.overflowed) return;
  const status = res.statusCode;
  if (status < 100 || status > 599) {
    capture.finish(badGateway(`The inner handler answered the invalid status ${status}.`));
    return;
  }
  let body: ResponseBody;
  if (res.req.method === 'HEAD' || status === 204 || status === 304 || status < 200) body = { kind: 'none' };
  else if (capture.jsonText !== undefined) body = { kind: 'jsonText', text: capture.jsonText };
  else {
    const chunks = capture.chunks;
    const bytes =
      chunks === undefined ? Buffer.alloc(0) : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    body = classifyBody(res.getHeader('content-type') as string | undefined, bytes);
  }
  capture.finish({ status, headers: capture.headers!, body });
}

function writeHead(this: Captured, code: number, ...rest: unknown[]): Captured {
  if (this.__batchwire.headers !== undefined)
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
  sealHeaders(this);
  return this;
}

function write(this: Captured, chunk: unknown, ...rest: unknown[]): boolean {
  const callback = takeCallback(rest);
  if (this.writableEnded) {
    if (callback) process.nextTick(callback, new Error('write after end'));
    return false;
  }
  sealHeaders(this);
  if (this.__batchwire.overflowed) return dropped(callback);
  collect(this, chunk, typeof rest[0] === 'string' ? rest[0] : undefined);
  if (this.__batchwire.overflowed) return dropped(callback);
  if (callback) process.nextTick(callback);
  return true;
}

function emitFinish(res: Captured, callback: Callback | undefined): void {
  res.emit('prefinish');
  res.emit('finish');
  if (callback) callback();
  res.emit('close');
}

function end(this: Captured, ...args: unknown[]): Captured {
  if (this.writableEnded) return this;
  const callback = takeCallback(args);
  if (this.__batchwire.overflowed) {
    // The connection is gone: nothing more is sent and no `finish` follows, as on a real socket.
    (this as unknown as { finished: boolean }).finished = true;
    return this;
  }
  collect(
    this,
    typeof args[0] === 'function' ? undefined : args[0],
    typeof args[1] === 'string' ? args[1] : undefined,
  );
  (this as unknown as { finished: boolean }).finished = true;
  complete(this);
  // Node emits these after the socket flush; without listeners a tick would only keep objects alive.
  if (
    callback ||
    this.listenerCount('finish') + this.listenerCount('close') + this.listenerCount('prefinish') > 0
  ) {
    process.nextTick(emitFinish, this, callback);
  }
  return this;
}

type JsonMethod = (this: Captured, value: unknown) => Captured;

/** The app's own `res.json` (Express's), for the cases the fast path leaves to it. */
function appJson(res: Captured): JsonMethod | undefined {
  const inherited = (Object.getPrototypeOf(res) as { json?: unknown }).json;
  return typeof inherited === 'function' && inherited !== json ? (inherited as JsonMethod) : undefined;
}

/**
 * The fast path of `res.json`: keeps the handler's JSON text for the outer response (no buffer, no
 * re-parse) and sets what Express would (`Content-Type`, its ETag, 304 when fresh). Settings and
 * states that change the text or the headers (`json spaces`, `json escape`, a Content-Type already
 * set, 204/205/304, headers sent) go to the app's own `res.json`, whose bytes are then classified.
 */
function json(this: Captured, value: unknown): Captured {
  const app = this.app;
  const status = this.statusCode;
  const typed = this.hasHeader('content-type');
  if (
    app === undefined ||
    app.get('json spaces') ||
    app.get('json escape') ||
    status === 204 ||
    status === 205 ||
    status === 304 ||
    this._header !== null ||
    typed
  ) {
    const own = appJson(this);
    if (own !== undefined) return own.call(this, value);
  }
  const replacer = app?.get('json replacer') as Parameters<typeof JSON.stringify>[1] | undefined;
  const text: string | undefined = replacer ? JSON.stringify(value, replacer) : JSON.stringify(value);
  if (!typed) {
    this.setHeader(
      'Content-Type',
      text === undefined ? 'application/json' : 'application/json; charset=utf-8',
    );
  }
  if (text !== undefined) {
    if (app !== undefined && !this.getHeader('etag')) {
      const kind = builtinEtag(app.get('etag'));
      if (kind === 'weak' || kind === 'strong') this.setHeader('ETag', builtinEtagOf(text, kind === 'weak'));
      else if (kind === 'custom') {
        const etagFn = app.get('etag fn');
        const tag =
          typeof etagFn === 'function'
            ? (etagFn as (b: Buffer, e?: string) => unknown)(Buffer.from(text), undefined)
            : undefined;
        if (typeof tag === 'string' && tag !== '') this.setHeader('ETag', tag);
      }
    }
    const capture = this.__batchwire;
    if (textTooLarge(capture, text)) overflow(this);
    else capture.jsonText = text;
  }
  if (this.req.fresh === true) {
    // As Express's `res.send`: a fresh answer is a 304 without Content-Type.
    this.statusCode = 304;
    this.removeHeader('Content-Type');
  }
  this.end();
  return this;
}

/**
 * Declares the response's own fields inside its constructor (so V8 lays them out in-object rather
 * than growing a property store per response). The overrides are own properties, so they survive
 * Express swapping prototypes in mounted sub-apps.
 */
export function initResponseFields(response: ServerResponse): void {
  const res = response as Captured;
  res.__batchwire = undefined as unknown as Capture;
  res.writeHead = writeHead as unknown as Captured['writeHead'];
  res.write = write as unknown as Captured['write'];
  res.end = end as unknown as Captured['end'];
  (res as unknown as { json: typeof json }).json = json;
}

/**
 * Builds the response object of one inner request: a real `ServerResponse` (so Express's
 * response methods and every middleware work) whose writes are collected in memory and whose end
 * calls `finish` with the status, headers and body; a body past `maxBytes` is not kept (502). `res.json` keeps the value's JSON text, so the
 * outer response embeds it without re-parsing, exactly as a client would read it alone.
 */
export function innerResponse(
  req: IncomingMessage,
  socket: InnerSocket,
  finish: (result: InnerResult) => void,
  make: (req: IncomingMessage) => ServerResponse,
  maxBytes: number = DEFAULT_LIMITS.maxItemResponseBytes,
): ServerResponse {
  const res = make(req) as Captured;
  (res as unknown as { socket: unknown }).socket = socket;
  res.__batchwire = new Capture(finish, maxBytes);
  return res;
}
