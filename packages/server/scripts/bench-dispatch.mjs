#!/usr/bin/env node
// Micro-benchmark (not a test): server CPU per trivial in-process inner request.
// The server runs in this process; a child process sends batches of N `GET /item/:id` over one
// keep-alive connection. Reports the server's user+system CPU µs per inner request.
// Usage: node scripts/bench-dispatch.mjs [N=100] [batches=400]   (build the package first)
import { fork } from 'node:child_process';
import process from 'node:process';

const [n = 100, batches = 400] = process.argv.slice(2, 4).map(Number);

if (process.env.BENCH_CLIENT) {
  const { request } = await import('undici');
  const url = process.env.BENCH_CLIENT;
  const body = JSON.stringify({
    requests: Array.from({ length: n }, (_, i) => ({ id: `r${i}`, method: 'GET', url: `/item/${i}` })),
  });
  const send = async () => {
    const res = await request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const json = await res.body.json();
    if (json.summary.succeeded !== n) throw new Error(`unexpected answer ${JSON.stringify(json.summary)}`);
  };
  for (let i = 0; i < 50; i++) await send(); // warm-up
  process.send('warm');
  await new Promise((resolve) => process.once('message', resolve));
  for (let i = 0; i < batches; i++) await send();
  process.send('done');
  process.exit(0);
}

const { default: express } = await import('express');
const { batchwire } = await import('../dist/index.js');
const app = express();
app.use('/batch', batchwire({ limits: { maxRequests: Math.max(20, n), maxConcurrency: 64 } }));
app.get('/item/:id', (req, res) => res.json({ id: req.params.id }));
const server = app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const url = `http://127.0.0.1:${server.address().port}/batch`;
const child = fork(new URL(import.meta.url).pathname, [String(n), String(batches)], {
  env: { ...process.env, BENCH_CLIENT: url },
});
await new Promise((resolve) => child.once('message', resolve));
const cpu0 = process.cpuUsage();
const t0 = performance.now();
child.send('go');
await new Promise((resolve) => child.once('message', resolve));
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const items = n * batches;
console.log(
  `batches of ${n} x ${batches}: server CPU ${((cpu.user + cpu.system) / items).toFixed(2)} µs per inner request` +
    ` (user ${(cpu.user / items).toFixed(2)}, system ${(cpu.system / items).toFixed(2)}); ` +
    `${Math.round((items / wall) * 1000)} inner requests/s on one connection`,
);
server.close();
server.closeAllConnections?.();
