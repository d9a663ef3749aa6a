import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { DispatchContext, DispatchRequest } from '../engine/types.js';
import { gatewayDispatch } from './gateway.js';
import { type HandlerApp, inProcessDispatch } from './in-process/dispatch.js';

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Credentials': 'true',
  'Access-Control-Expose-Headers': 'X-Kept',
  'X-Kept': 'yes',
};

const get: DispatchRequest = {
  index: 0,
  id: 'a',
  method: 'GET',
  url: '/cors',
  headers: Object.create(null),
  body: { kind: 'none' },
};
const context: DispatchContext = {
  get signal() {
    return new AbortController().signal;
  },
  onCancel() {},
};

describe('entries never carry Access-Control-* headers', () => {
  let upstream: Server | undefined;
  afterEach(async () => {
    upstream?.closeAllConnections();
    await new Promise<void>((resolve) => (upstream ? upstream.close(() => resolve()) : resolve()));
    upstream = undefined;
  });

  it('in-process: a handler that sets CORS headers keeps its other headers only', async () => {
    const app = express();
    app.get('/cors', (_req, res) => {
      res.set(CORS).json({ ok: true });
    });
    const dispatch = inProcessDispatch({
      app: app as unknown as HandlerApp,
      servicePath: '',
      connection: { encrypted: false },
    });
    const result = await dispatch(get, context);
    expect(result.status).toBe(200);
    expect(result.headers['X-Kept']).toBe('yes');
    expect(Object.keys(result.headers).filter((name) => /^access-control-/i.test(name))).toEqual([]);
  });

  it('gateway: an upstream that sets CORS headers keeps its other headers only', async () => {
    upstream = createServer((_req, res) => {
      res.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end('{"ok":true}');
    });
    await new Promise<void>((resolve) => upstream?.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const gateway = gatewayDispatch({ upstream: origin, requestTimeoutMs: 5000 });
    const result = await gateway.dispatch(get, context);
    await gateway.close();
    expect(result.status).toBe(200);
    expect(result.headers['X-Kept']).toBe('yes');
    expect(Object.keys(result.headers).filter((name) => /^access-control-/i.test(name))).toEqual([]);
  });
});
