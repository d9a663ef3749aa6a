import { createServer, type Http2Server, type IncomingHttpHeaders, type ServerHttp2Stream } from 'node:http2';
import type { AddressInfo } from 'node:net';

const JSON_HEADERS = { ':status': 200, 'content-type': 'application/json; charset=utf-8' } as const;
const ITEM_PREFIX = '/item/';

/** Answers one stream with the same trivial handlers as the HTTP/1.1 apps (Express cannot serve HTTP/2). */
function onStream(stream: ServerHttp2Stream, headers: IncomingHttpHeaders): void {
  // A client that resets a stream must not crash the server.
  stream.on('error', () => {});
  const method = headers[':method'];
  const path = headers[':path'] ?? '';
  if (method === 'GET' && path.startsWith(ITEM_PREFIX)) {
    stream.respond(JSON_HEADERS);
    stream.end(JSON.stringify({ id: decodeURIComponent(path.slice(ITEM_PREFIX.length)) }));
    return;
  }
  if (method === 'POST' && path === '/echo') {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      try {
        const echo: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        stream.respond(JSON_HEADERS);
        stream.end(JSON.stringify({ echo }));
      } catch {
        stream.respond({ ':status': 400 });
        stream.end();
      }
    });
    return;
  }
  stream.respond({ ':status': 404 });
  stream.end();
}

/** A cleartext HTTP/2 (h2c) server on 127.0.0.1 port 0 with the item routes. */
export function listenHttp2(): Promise<{ server: Http2Server; port: number }> {
  const server = createServer({ settings: { maxConcurrentStreams: 10_000 } });
  server.on('stream', onStream);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve({ server, port: (server.address() as AddressInfo).port });
    });
  });
}
