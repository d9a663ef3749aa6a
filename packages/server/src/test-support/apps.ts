import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { batchwire } from '../adapters/express.js';
import type { BatchwireOptions } from '../core/options.js';

/** A server listening on 127.0.0.1 at a free port. */
export interface Listening {
  readonly origin: string;
  readonly server: Server;
  close(): Promise<void>;
}

/** Starts an app on 127.0.0.1 port 0. */
export function listen(app: Express): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', (error?: Error) => {
      if (error) {
        reject(error);
        return;
      }
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** What the fixture app observed. */
export interface Observed {
  /** `METHOD path` of every handler that started, in order. */
  readonly started: string[];
  /** Paths whose request emitted `close` before the handler answered. */
  readonly closedEarly: string[];
  readonly counters: Map<string, number>;
}

/** Options of the fixture app. */
export interface FixtureOptions {
  /** Mount `express.json()` before the batch endpoint (the host parsed the body already). */
  readonly parseJsonFirst?: boolean;
  /** Where the batch router is mounted (default `/batch`). */
  readonly batchPath?: string;
  /** Do not mount a batch endpoint (an upstream for gateway tests). */
  readonly noBatch?: boolean;
}

/** An Express app with the routes the tests exercise, and the batch endpoint at `/batch`. */
export function fixtureApp(
  options: BatchwireOptions = {},
  fixture: FixtureOptions = {},
): { app: Express; observed: Observed } {
  const observed: Observed = { started: [], closedEarly: [], counters: new Map() };
  const app = express();
  if (fixture.parseJsonFirst) app.use(express.json());
  if (!fixture.noBatch) app.use(fixture.batchPath ?? '/batch', batchwire(options));
  app.use(express.json({ type: ['application/json', 'application/*+json'] }));
  app.use(express.text({ type: 'text/*' }));
  app.use((req, _res, next) => {
    observed.started.push(`${req.method} ${req.path}`);
    next();
  });
  app.all(['/echo', '/echo/*rest'], (req, res) => {
    res.json({
      method: req.method,
      path: req.originalUrl,
      query: req.query,
      headers: req.headers,
      body: req.body ?? null,
      ip: req.ip,
    });
  });
  app.get('/items/:id', (req, res) => {
    res.json({
      id: Number(req.params.id),
      created: new Date(0),
      missing: undefined,
      custom: { toJSON: () => 'custom' },
    });
  });
  app.get('/status/:code', (req, res) => {
    res.status(Number(req.params.code)).json({ status: Number(req.params.code) });
  });
  app.get('/delay/:ms', (req, res) => {
    const start = Date.now();
    const timer = setTimeout(() => res.json({ start, end: Date.now() }), Number(req.params.ms));
    req.on('close', () => {
      if (!res.writableEnded) {
        clearTimeout(timer);
        observed.closedEarly.push(req.path);
      }
    });
  });
  app.get('/throw', () => {
    throw new Error('handler crashed');
  });
  app.get('/async-throw', async () => {
    await Promise.resolve();
    throw new Error('async handler crashed');
  });
  app.get('/teapot', (_req, _res, next) => {
    next(Object.assign(new Error('short and stout'), { status: 418, expose: true }));
  });
  app.get('/hang', () => undefined);
  app.get('/destroy', (req) => {
    req.socket.destroy();
  });
  app.get('/text', (_req, res) => {
    res.type('text/plain').send('hello text');
  });
  app.get('/html', (_req, res) => {
    res.send('<p>hi</p>');
  });
  app.get('/bytes', (_req, res) => {
    res.type('application/octet-stream').send(Buffer.from([0, 1, 2, 255]));
  });
  app.get('/stream', (_req, res) => {
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.write('one,');
    setTimeout(() => {
      res.write(Buffer.from('two,'));
      res.end('three');
    }, 5);
  });
  app.get('/write-head', (_req, res) => {
    res.writeHead(202, { 'X-Custom': 'yes', 'content-type': 'application/json' });
    res.end('{"accepted":true}');
  });
  app.get('/redirect', (_req, res) => {
    res.redirect('/items/1');
  });
  app.delete('/items/:id', (_req, res) => {
    res.status(204).end();
  });
  app.get('/etag', (_req, res) => {
    res.set('ETag', '"v1"').json({ version: 1 });
  });
  app.post('/counters/:name', (req, res) => {
    const value = (observed.counters.get(req.params.name) ?? 0) + 1;
    observed.counters.set(req.params.name, value);
    res.status(201).json({ name: req.params.name, value });
  });
  app.get('/counters/:name', (req, res) => {
    res.json({ name: req.params.name, value: observed.counters.get(req.params.name) ?? 0 });
  });
  return { app, observed };
}
