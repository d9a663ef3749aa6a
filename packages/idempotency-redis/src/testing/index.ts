/**
 * Test helpers: a real `redis-server` on a free loopback port, and the one-line skip (or, under
 * `CI=true`, failure) when a binary a test needs is missing.
 * @packageDocumentation
 */

/** Where an executable is on PATH. */
export { findBinary } from './binary.js';
/** A free loopback port. */
export { probeFreePort } from './free-port.js';
/** Bounded waits for, and stopping of, child processes by PID. */
export { exitedWithin, stopChild } from './process.js';
/** Start and stop a real `redis-server`. */
export { type RedisServer, type RedisServerOptions, startRedisServer } from './redis-server.js';
/** Skip with one line, or fail under CI, when binaries are missing. */
export { missingBinaries } from './require-binaries.js';
