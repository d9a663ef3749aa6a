import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A started HTTP server and how to reach it. */
export interface RunningServer {
  readonly server: Server;
  /** The origin, e.g. `http://127.0.0.1:43121` (IPv6 hosts in brackets). */
  readonly origin: string;
  /** Stops accepting connections, lets running requests finish within `graceMs`, then closes the rest. */
  readonly shutdown: (graceMs: number) => Promise<void>;
}

/** How long running batches may take to finish once a shutdown signal arrives. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/** Formats a host and port as an http origin, bracketing IPv6 literals. */
export function formatOrigin(host: string, port: number): string {
  return host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}

/** The line the CLI prints once listening: it names the origin, the batch endpoint and the inspector. */
export function listeningLine(origin: string, batchPath = '/batch', inspectorPath?: string): string {
  const line = `Batchwire reference server listening on ${origin} (batch endpoint: ${origin}${batchPath})`;
  return inspectorPath === undefined ? line : `${line}, inspector: ${origin}${inspectorPath}`;
}

/**
 * Closes a server gracefully: no new connections, idle keep-alive connections closed as soon as
 * they are idle, and every remaining connection closed once `graceMs` has passed.
 */
export function closeGracefully(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** Listens on `host:port` (port 0 = any free port); rejects on a listen error such as EADDRINUSE. */
export async function startServer(
  handler: RequestListener,
  host: string,
  port: number,
): Promise<RunningServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    origin: formatOrigin(host, address.port),
    shutdown: (graceMs) => closeGracefully(server, graceMs),
  };
}
