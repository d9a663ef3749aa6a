import { EventEmitter } from 'node:events';

/** What an inner request knows about the outer connection (for `req.ip`, `req.protocol`, rate limits). */
export interface ConnectionInfo {
  readonly remoteAddress?: string | undefined;
  readonly remotePort?: number | undefined;
  readonly remoteFamily?: string | undefined;
  readonly localAddress?: string | undefined;
  readonly localPort?: number | undefined;
  readonly encrypted: boolean;
}

const noop = () => undefined;

// Shared methods of every stand-in socket: no I/O ever happens through one.
const socketMethods = Object.assign(Object.create(EventEmitter.prototype) as EventEmitter, {
  readable: true,
  writable: true,
  destroyed: false,
  _paused: false,
  writableLength: 0,
  readableHighWaterMark: 16_384,
  resume: noop,
  pause: noop,
  cork: noop,
  uncork: noop,
  ref: noop,
  unref: noop,
  setNoDelay: noop,
  setKeepAlive: noop,
  setTimeout: noop,
  write: () => true,
  end: noop,
  address(this: ConnectionInfo) {
    return { address: this.localAddress, port: this.localPort, family: this.remoteFamily };
  },
});

/** The stand-in socket of one inner request: own listeners, no I/O; destroying it calls `onDestroy`. */
export type InnerSocket = EventEmitter &
  ConnectionInfo & { destroyed: boolean; destroy(error?: Error): void };

type SocketFields = EventEmitter & { -readonly [K in keyof ConnectionInfo]: ConnectionInfo[K] } & {
  destroyed: boolean;
  onDestroy: () => void;
};

/** Turns a handler's `socket.destroy()` into one call of the socket's `onDestroy`. */
function destroy(this: SocketFields): void {
  if (this.destroyed) return;
  this.destroyed = true;
  this.onDestroy();
}

/** A constructor (not `Object.create` plus `Object.assign`), so V8 lays the fields out in-object. */
const Socket = function Socket(this: SocketFields, info: ConnectionInfo, onDestroy: () => void) {
  this.remoteAddress = info.remoteAddress;
  this.remotePort = info.remotePort;
  this.remoteFamily = info.remoteFamily;
  this.localAddress = info.localAddress;
  this.localPort = info.localPort;
  this.encrypted = info.encrypted;
  this.destroyed = false;
  this.onDestroy = onDestroy;
} as unknown as new (
  info: ConnectionInfo,
  onDestroy: () => void,
) => InnerSocket;
Socket.prototype = Object.assign(Object.create(socketMethods) as object, { destroy });

/**
 * Makes the stand-in socket of one inner request. It reports the outer connection's addresses and
 * TLS flag, and turns a handler's `socket.destroy()` into a call of `onDestroy` (a 502 for that item).
 */
export function innerSocket(info: ConnectionInfo, onDestroy: () => void): InnerSocket {
  return new Socket(info, onDestroy);
}
