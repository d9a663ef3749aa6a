import express from 'express';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { type Listening, listen } from '../test-support/apps.js';
import { batchwire } from './express.js';

let running: Listening | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const envelope = JSON.stringify({ requests: [{ id: 'a', method: 'GET', url: '/ok' }] });

describe('reading the envelope after a host body parser', () => {
  for (const [name, parser] of [
    ['express.text', express.text({ type: 'application/json' })],
    ['express.raw', express.raw({ type: 'application/json' })],
  ] as const) {
    it(`parses the string or bytes ${name} left in req.body`, async () => {
      const app = express();
      app.use(parser);
      app.use('/batch', batchwire());
      app.get('/ok', (_req, res) => {
        res.json({ ok: true });
      });
      running = await listen(app);
      const res = await request(running.origin)
        .post('/batch')
        .set('Content-Type', 'application/json')
        .send(envelope)
        .expect(200);
      expect(res.body.responses[0]).toMatchObject({ status: 200, body: { ok: true } });
      await request(running.origin)
        .post('/batch')
        .set('Content-Type', 'application/json')
        .send('{')
        .expect(400);
    });
  }

  it('refuses a compressed envelope with 415 and invalid UTF-8 with 400', async () => {
    const app = express();
    app.use('/batch', batchwire());
    running = await listen(app);
    await request(running.origin)
      .post('/batch')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send(envelope)
      .expect(415);
    const res = await fetch(`${running.origin}/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array([0x7b, 0xff, 0x7d]),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/UTF-8/);
  });

  it('refuses bad options at startup', () => {
    expect(() => batchwire({ limits: { maxRequests: 5 } })).toThrow(/maxRequests/);
    expect(() => batchwire({ inheritHeaders: ['Content-Length'] })).toThrow(/never be inherited/);
    expect(() => batchwire({ servicePath: 'api' })).toThrow(/servicePath/);
  });
});
