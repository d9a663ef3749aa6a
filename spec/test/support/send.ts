import { request } from 'node:http';
import type { HttpMessage } from './http-examples.js';

/** A response as received: status, headers (lower-case names) and body text. */
export interface ReceivedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/**
 * Sends the request of an example to the batch endpoint: its method, its path mapped onto the
 * endpoint's path, its headers (without Host and Content-Length, which the client sets) and its body.
 */
export function sendExample(
  batchUrl: URL,
  message: HttpMessage,
  timeoutMs = 15_000,
): Promise<ReceivedResponse> {
  const [method = 'GET', path = '/batch'] = message.startLine.split(' ');
  const target = new URL(path.replace(/^\/batch/, batchUrl.pathname), batchUrl);
  const headers: Record<string, string> = {};
  for (const [name, value] of message.headers) {
    const lower = name.toLowerCase();
    if (lower !== 'host' && lower !== 'content-length') headers[name] = value;
  }
  const body = Buffer.from(message.body, 'utf8');
  if (body.length > 0) headers['Content-Length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const req = request(target, { method, headers, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
