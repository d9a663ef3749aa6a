import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A listener that no inner request may ever reach; it counts every connection it gets. */
export interface Canary {
  readonly origin: string;
  readonly host: string;
  /** Connections received so far (must stay 0). */
  readonly contacts: () => number;
  readonly close: () => Promise<void>;
}

/** Starts a canary on 127.0.0.1, a free port. */
export async function startCanary(): Promise<Canary> {
  let contacts = 0;
  const server = createServer((_req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end('{"secret":"from-canary"}');
  });
  server.on('connection', () => {
    contacts += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    contacts: () => contacts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
