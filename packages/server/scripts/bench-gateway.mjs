#!/usr/bin/env node
// Micro-benchmark (not a test): gateway CPU per trivial inner request forwarded to an upstream.
// The upstream (Express 5, `GET /item/:id` → `res.json({ id })`) runs in a child process, the
// gateway (`batchwire({ upstream })`, default limits) in this process, and a client child process
// sends batches of N over one keep-alive connection, one after another (or over C connections, C
// batches at a time, with a fifth argument C). Reports the gateway's
// user+system CPU µs per inner request, the upstream's, and inner requests/s.
// With `separate` as third argument the client instead sends the same N as separate requests over
// an undici keep-alive Pool (10 connections) straight to the upstream: the baseline of issue 7.
// Usage: node scripts/bench-gateway.mjs [N=100] [batches=300] [gateway|separate] [C=1]   (build first)
import { fork } from 'node:child_process';
import process from 'node:process';

const [n = 100, batches = 300] = process.argv.slice(2, 4).map(Number);
const mode = process.argv[4] ?? 'gateway';
const lanes = Number(process.argv[5] ?? 1);
const self = new URL(import.meta.url).pathname;
const onceMessage = (target) => new Promise((resolve) => target.once('message', resolve));

if (process.env.BENCH_ROLE === 'upstream') {
  const { default: express } = await import('express');
  const app = express();
  app.get('/item/:id', (req, res) => res.json({ id: req.params.id }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  process.send({ port: server.address().port });
  let cpu0 = process.cpuUsage();
  process.on('message', (message) => {
    if (message === 'start') cpu0 = process.cpuUsage();
    else if (message === 'stop') process.send({ cpu: process.cpuUsage(cpu0) });
    else if (message === 'exit') process.exit(0);
  });
} else if (process.env.BENCH_ROLE === 'client') {
  const { Pool } = await import('undici');
  const target = new URL(process.env.BENCH_TARGET);
  let send;
  if (mode === 'separate') {
    const pool = new Pool(target.origin, { connections: 10 });
    const one = async (i) => {
      const res = await pool.request({ path: `/item/${i}`, method: 'GET' });
      const json = await res.body.json();
      if (res.statusCode !== 200 || json.id !== String(i)) throw new Error(`unexpected answer ${json}`);
    };
    send = () => Promise.all(Array.from({ length: n }, (_, i) => one(i)));
  } else {
    const pool = new Pool(target.origin, { connections: lanes });
    const body = JSON.stringify({
      requests: Array.from({ length: n }, (_, i) => ({ id: `r${i}`, method: 'GET', url: `/item/${i}` })),
    });
    send = async () => {
      const res = await pool.request({
        path: target.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const json = await res.body.json();
      if (json.summary?.succeeded !== n) throw new Error(`unexpected answer ${JSON.stringify(json)}`);
      if (json.responses[n - 1].body.id !== String(n - 1)) throw new Error('wrong order');
    };
  }
  const run = async (count) => {
    let next = 0;
    const lane = async () => {
      while (next++ < count) await send();
    };
    await Promise.all(Array.from({ length: lanes }, lane));
  };
  await run(50); // warm-up
  process.send('warm');
  await onceMessage(process);
  await run(batches);
  process.send('done');
  process.exit(0);
} else {
  const upstream = fork(self, process.argv.slice(2), { env: { ...process.env, BENCH_ROLE: 'upstream' } });
  const { port } = await onceMessage(upstream);
  const upstreamOrigin = `http://127.0.0.1:${port}`;
  let target = `${upstreamOrigin}/`;
  let server;
  if (mode !== 'separate') {
    const { default: express } = await import('express');
    const { batchwire } = await import('../dist/index.js');
    const app = express();
    app.use('/batch', batchwire({ upstream: upstreamOrigin, limits: { maxRequests: Math.max(20, n) } }));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    target = `http://127.0.0.1:${server.address().port}/batch`;
  }
  const client = fork(self, process.argv.slice(2), {
    env: { ...process.env, BENCH_ROLE: 'client', BENCH_TARGET: target },
  });
  await onceMessage(client);
  upstream.send('start');
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  client.send('go');
  await onceMessage(client);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  upstream.send('stop');
  const { cpu: upCpu } = await onceMessage(upstream);
  upstream.send('exit');
  const items = n * batches;
  const perItem = (usage) => ((usage.user + usage.system) / items).toFixed(1);
  const rate = Math.round((items / wall) * 1000);
  console.log(
    mode === 'separate'
      ? `separate x ${n} x ${batches} (${lanes} at a time): upstream CPU ${perItem(upCpu)} µs per request; ${rate} requests/s`
      : `gateway batches of ${n} x ${batches}: gateway CPU ${perItem(cpu)} µs per inner request` +
          ` (user ${(cpu.user / items).toFixed(1)}, system ${(cpu.system / items).toFixed(1)});` +
          ` upstream CPU ${perItem(upCpu)} µs; ${rate} inner requests/s on ${lanes} connection(s)`,
  );
  server?.close();
  server?.closeAllConnections?.();
  process.exit(0);
}
