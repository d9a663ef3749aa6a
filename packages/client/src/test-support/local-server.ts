import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A node:http server of a test, on 127.0.0.1 port 0. */
export interface LocalServer {
  /** Its origin, e.g. `http://127.0.0.1:40123`. */
  readonly origin: string;
  readonly server: Server;
  /** Closes the server and every connection it holds. */
  readonly close: () => Promise<void>;
}

/** Serves a request listener on 127.0.0.1 port 0. */
export async function listenLocal(handler: RequestListener): Promise<LocalServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 where nothing listens (a server was opened there and closed). */
export async function closedPort(): Promise<number> {
  const local = await listenLocal((_req, res) => res.end());
  const { port } = local.server.address() as AddressInfo;
  await local.close();
  return port;
}

/** Reads a request body as text. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
