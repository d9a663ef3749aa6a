import { type ClientHttp2Session, connect } from 'node:http2';
import type { HttpCall } from '../contenders/types.js';
import { REQUEST_TIMEOUT_MS } from './http1.js';

/** Opens a cleartext HTTP/2 session to a loopback server. */
export function openSession(origin: string): Promise<ClientHttp2Session> {
  return new Promise((resolve, reject) => {
    const session = connect(origin);
    const timer = setTimeout(() => {
      session.destroy();
      reject(new Error(`HTTP/2 connect to ${origin} timed out`));
    }, REQUEST_TIMEOUT_MS);
    session.once('connect', () => {
      clearTimeout(timer);
      resolve(session);
    });
    session.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Sends one request as a stream on the session and reads the whole answer as text. */
export function sendStream(
  session: ClientHttp2Session,
  call: HttpCall,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const stream = session.request({ ':method': call.method, ':path': call.path, ...call.headers });
    stream.setTimeout(REQUEST_TIMEOUT_MS, () => stream.close());
    let status = 0;
    const chunks: Buffer[] = [];
    stream.on('response', (headers) => {
      status = Number(headers[':status']);
    });
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve({ status, text: Buffer.concat(chunks).toString('utf8') }));
    stream.on('error', reject);
    stream.on('close', () => {
      if (status === 0) reject(new Error(`HTTP/2 stream ${call.path} closed without a response`));
    });
    stream.end(call.body);
  });
}
