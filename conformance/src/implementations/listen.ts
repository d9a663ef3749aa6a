import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Makes a Node server listen on 127.0.0.1 port 0 (unless it listens already) and resolves with
 * its origin, e.g. `http://127.0.0.1:41234`.
 */
export async function listenOnLoopback(server: Server): Promise<string> {
  if (!server.listening) {
    await new Promise<void>((ready, fail) => {
      server.once('error', fail);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', fail);
        ready();
      });
    });
  }
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}
