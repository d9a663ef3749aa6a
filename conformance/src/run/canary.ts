import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the canary received. */
export interface CanaryHit {
  readonly method: string;
  readonly url: string;
  readonly at: number;
}

/** A loopback listener the server under test must never contact (SSRF and recursion probes). */
export interface Canary {
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string;
  /** `127.0.0.1:PORT`. */
  readonly host: string;
  /** Every request received so far, oldest first. */
  readonly hits: () => readonly CanaryHit[];
  /** Stops listening and drops open connections. */
  readonly close: () => Promise<void>;
}

/** Starts the canary on 127.0.0.1 port 0; it answers 418 so a server that follows a probe gets something odd. */
export async function startCanary(): Promise<Canary> {
  const hits: CanaryHit[] = [];
  const server = createServer((req, res) => {
    hits.push({ method: req.method ?? '?', url: req.url ?? '', at: Date.now() });
    req.resume();
    res.writeHead(418, { 'content-type': 'application/json', connection: 'close' });
    res.end('{"canary":true}');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    hits: () => hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
