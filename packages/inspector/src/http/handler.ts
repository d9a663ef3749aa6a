import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Journal } from '../journal/journal.js';
import { openApiDocument } from '../openapi/document.js';
import { streamJournal } from './sse.js';
import { staticFiles } from './static-files.js';

/** Options of {@link inspectorHandler}. */
export interface InspectorHandlerOptions {
  readonly journal: Journal;
  /** The batch endpoint the playground posts to and the OpenAPI document describes (default `/batch`). */
  readonly batchPath?: string;
  /** Every path the endpoint is served at, for the OpenAPI document (default: `batchPath` alone). */
  readonly batchPaths?: readonly string[];
  /** A prefix to strip from `req.url` when not mounted by a router that strips it (plain node:http). */
  readonly basePath?: string;
  /** Folder of the built UI (default: the one shipped in this package's dist). */
  readonly uiDir?: URL;
}

/** A node:http request handler; Express and Connect pass `next`, plain node:http does not. */
export interface InspectorHandler {
  (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): void;
  /**
   * Ends every open event stream and refuses new ones (503). Call it when the server starts to shut
   * down: an open inspector tab would otherwise hold a graceful shutdown until its grace runs out.
   */
  readonly close: () => void;
}

// Style attributes position the timeline bars; scripts are only the bundle (no eval needed: the
// schema checker interprets where code generation is forbidden).
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Batchwire inspector</title></head>
<body><main><h1>Batchwire inspector</h1><p>The UI is not built: run <code>npm run build</code>.</p></main></body></html>`;

function problem(
  res: ServerResponse,
  status: number,
  title: string,
  detail: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, {
    'Content-Type': 'application/problem+json',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(JSON.stringify({ type: 'about:blank', title, status, detail }));
}

function json(res: ServerResponse, value: unknown) {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(value));
}

/**
 * The inspector's HTTP surface: the UI at `/`, the journal at `/api/batches[/:id]`, its live
 * changes at `/api/events` (SSE), the playground's settings at `/api/config` and the OpenAPI 3.1
 * document at `/openapi.json`. Mount it under a path of its own (the reference server uses `/_batchwire`).
 */
export function inspectorHandler(options: InspectorHandlerOptions): InspectorHandler {
  const { journal } = options;
  const batchPath = options.batchPath ?? '/batch';
  const files = staticFiles(options.uiDir ?? new URL('../ui/', import.meta.url));
  const streams = new Set<ServerResponse>();
  let closed = false;
  const openapi = JSON.stringify(openApiDocument({ batchPaths: options.batchPaths ?? [batchPath] }));

  const serve = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (path === '/openapi.json') {
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Access-Control-Allow-Origin': '*',
      });
      res.end(openapi);
      return;
    }
    if (path === '/api/config') return json(res, { batchPath });
    if (path === '/api/batches') return json(res, journal.list());
    if (path === '/api/events') {
      if (closed)
        return problem(res, 503, 'Shutting down', 'The server is shutting down.', { 'Retry-After': '1' });
      streams.add(res);
      res.on('close', () => streams.delete(res));
      return streamJournal(journal, res);
    }
    if (path.startsWith('/api/batches/')) {
      const batch = journal.get(decodeURIComponent(path.slice('/api/batches/'.length)));
      if (batch === undefined)
        return problem(res, 404, 'Not found', 'No such batch in the journal (it may have been evicted).');
      return json(res, batch);
    }
    const file = await files(path === '/' ? 'index.html' : path.slice(1));
    if (file === undefined) {
      if (path !== '/') return problem(res, 404, 'Not found', `The inspector has no ${path}.`);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CSP });
      res.end(NOT_BUILT);
      return;
    }
    const hashed = path.startsWith('/assets/');
    res.writeHead(200, {
      'Content-Type': file.contentType,
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      ...(file.contentType.startsWith('text/html') ? { 'Content-Security-Policy': CSP } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => {
    const raw = req.url ?? '/';
    let path = raw.split('?')[0] ?? '/';
    const base = options.basePath?.replace(/\/+$/, '');
    if (base !== undefined && base !== '' && (path === base || path.startsWith(`${base}/`)))
      path = path.slice(base.length);
    if (path === '') path = '/';
    // Relative asset urls need the trailing slash: `/_batchwire` becomes `/_batchwire/`.
    const full = ((req as { originalUrl?: string }).originalUrl ?? raw).split('?')[0] ?? '';
    if (path === '/' && !full.endsWith('/')) {
      res.writeHead(308, { Location: `${full}/` });
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      problem(res, 405, 'Method not allowed', 'The inspector only answers GET and HEAD.', {
        Allow: 'GET, HEAD',
      });
      return;
    }
    serve(req, res, path).catch((error: unknown) => {
      if (next !== undefined) next(error);
      else if (!res.headersSent) problem(res, 500, 'Inspector error', 'The inspector could not answer.');
      else res.destroy();
    });
  };
  const close = () => {
    closed = true;
    for (const stream of streams) stream.end();
    streams.clear();
  };
  return Object.assign(handle, { close });
}
