import type { AddressInfo } from 'node:net';
import { batchwire } from '@batchwire/server';
import express from 'express';

/**
 * The server process of the answer-size benchmarks: Express 5 with its defaults, `batchwire()`
 * with the default limits (or, with `--huge`, limits raised for one 100,000-item batch), a route
 * answering 20 MiB of text and trivial item routes. It samples its own RSS every 5 ms and reports
 * the peak over IPC, so the parent measures the server and nothing else.
 */
const huge = process.argv.includes('--huge');
// For contrast: both answer-size limits out of the way, as before they existed.
const unbounded = process.argv.includes('--unbounded');
const BIG = 'x'.repeat(20 * 1024 * 1024);

const app = express();
app.get('/big', (_req, res) => {
  res.type('text/plain').send(BIG);
});
// Over the default maxItemResponseBytes (4 MiB) yet cheap enough to request under load.
const MEDIUM = 'm'.repeat(5 * 1024 * 1024);
app.get('/medium', (_req, res) => {
  res.type('text/plain').send(MEDIUM);
});
app.get('/small', (_req, res) => {
  res.json({ ok: true });
});
app.get('/item/:id', (req, res) => {
  res.json({ id: req.params.id });
});
const limits = {
  ...(huge ? { maxRequests: 100_000, maxBodyBytes: 32 * 1024 * 1024, batchTimeoutMs: 600_000 } : {}),
  ...(unbounded ? { maxItemResponseBytes: 2 ** 30, maxResponseBytes: 2 ** 30 } : {}),
};
app.use('/batch', batchwire({ limits }));

let peak = 0;
const sample = () => {
  peak = Math.max(peak, process.memoryUsage.rss());
};
setInterval(sample, 5).unref();

const server = app.listen(0, '127.0.0.1', () => {
  process.send?.({ kind: 'ready', port: (server.address() as AddressInfo).port });
});

process.on('message', (message: { kind: string }) => {
  if (message.kind === 'reset') {
    globalThis.gc?.();
    sample();
    const rss = process.memoryUsage.rss();
    peak = rss;
    process.send?.({ kind: 'baseline', rss });
  } else if (message.kind === 'rss') {
    process.send?.({ kind: 'rss', rss: process.memoryUsage.rss() });
  } else if (message.kind === 'peak') {
    sample();
    process.send?.({ kind: 'peak', rss: peak });
  } else if (message.kind === 'stop') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
