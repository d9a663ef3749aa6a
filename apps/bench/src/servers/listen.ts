import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Header limit for every HTTP/1.1 contender: the query-string peers put 1,000 paths in one URL. */
export const MAX_HEADER_BYTES = 1024 * 1024;

/** Listens on 127.0.0.1 port 0 and resolves with the server and the port the OS chose. */
export function listenOnLoopback(listener: RequestListener): Promise<{ server: Server; port: number }> {
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES, keepAliveTimeout: 60_000 }, listener);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve({ server, port: (server.address() as AddressInfo).port });
    });
  });
}
