import type { IncomingHttpHeaders } from 'node:http';
import { type LocalServer, listenLocal, readBody } from './local-server.js';

/** One request the proxy saw. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** When it arrived (epoch ms). */
  readonly at: number;
}

/** How the proxy misbehaves, for tests. */
export interface ProxyOptions {
  /** Forward this many POSTs, then drop the client's connection instead of answering. */
  readonly dropPostAnswers?: number;
  /** Drop the client's connection as soon as this many POSTs arrive, still forwarding them. */
  readonly dropPostRequests?: number;
  /** Hold the answer to the first POST this long before passing it on (the server already ran it). */
  readonly holdFirstPostAnswerMs?: number;
  /** Rewrite a JSON answer to a GET (e.g. to change the capabilities document). */
  readonly rewriteGet?: (body: unknown) => unknown;
}

/** A recording HTTP proxy in front of one origin. */
export interface RecordingProxy extends LocalServer {
  /** Every request seen, in arrival order. */
  readonly seen: SeenRequest[];
}

/** Starts a proxy on 127.0.0.1 port 0 forwarding to `target` (an origin), recording what it sees. */
export async function startProxy(target: string, options: ProxyOptions = {}): Promise<RecordingProxy> {
  const seen: SeenRequest[] = [];
  let dropsLeft = options.dropPostAnswers ?? 0;
  let earlyDropsLeft = options.dropPostRequests ?? 0;
  let held = false;
  const local = await listenLocal(async (req, res) => {
    const at = Date.now();
    const body = await readBody(req);
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    seen.push({ method, path, headers: req.headers, body, at });
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name)) {
        headers.set(name, value);
      }
    }
    if (method === 'POST' && earlyDropsLeft > 0) {
      // The client hears nothing while the server is still working on the batch.
      earlyDropsLeft--;
      req.socket.destroy();
    }
    const upstream = await fetch(new URL(path, target), {
      method,
      headers,
      ...(method === 'GET' || method === 'HEAD' ? {} : { body }),
    });
    let text = await upstream.text();
    if (method === 'POST' && options.holdFirstPostAnswerMs !== undefined && !held) {
      held = true;
      await new Promise((resolve) => setTimeout(resolve, options.holdFirstPostAnswerMs));
    }
    if (req.socket.destroyed) return;
    if (method === 'POST' && dropsLeft > 0) {
      // The server did the work and answered; the client never hears it.
      dropsLeft--;
      req.socket.destroy();
      return;
    }
    if (method === 'GET' && options.rewriteGet !== undefined && upstream.status === 200) {
      text = JSON.stringify(options.rewriteGet(JSON.parse(text)));
    }
    const out: Record<string, string> = {};
    upstream.headers.forEach((value, name) => {
      if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name))
        out[name] = value;
    });
    res.writeHead(upstream.status, out);
    res.end(text);
  });
  return { ...local, seen };
}
