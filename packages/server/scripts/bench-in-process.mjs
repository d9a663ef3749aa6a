#!/usr/bin/env node
// Micro-benchmark (not a test): CPU per in-process dispatch alone, without HTTP, envelope parsing or
// serialisation, so that changes to src/dispatch/in-process show through a noisy shared machine.
// Usage: node scripts/bench-in-process.mjs [dist dir, default ../dist] [rounds of 100 = 2000]   (build first)
import process from 'node:process';

const [dist = '../dist', rounds = '2000'] = process.argv.slice(2, 4);
const { default: express } = await import('express');
const { inProcessDispatch } = await import(`${dist}/dispatch/in-process/dispatch.js`);
const app = express();
app.get('/item/:id', (req, res) => res.json({ id: req.params.id }));
const dispatch = inProcessDispatch({
  app,
  servicePath: '',
  connection: {
    remoteAddress: '127.0.0.1',
    remotePort: 1,
    localAddress: '127.0.0.1',
    localPort: 2,
    encrypted: false,
  },
  host: '127.0.0.1:2',
});
const context = { signal: new AbortController().signal, onCancel() {} };

async function round() {
  const pending = [];
  for (let i = 0; i < 100; i++) {
    const request = {
      index: i,
      id: `r${i}`,
      method: 'GET',
      url: `/item/${i}`,
      headers: { 'batchwire-inner-request': '1' },
      body: { kind: 'none' },
    };
    pending.push(dispatch(request, context));
  }
  const results = await Promise.all(pending);
  if (results.some((result) => result.status !== 200)) throw new Error('unexpected answer');
}

for (let i = 0; i < 300; i++) await round(); // warm-up
const cpu0 = process.cpuUsage();
for (let i = 0; i < Number(rounds); i++) await round();
const cpu = process.cpuUsage(cpu0);
console.log(
  `in-process dispatch: ${((cpu.user + cpu.system) / (Number(rounds) * 100)).toFixed(2)} µs CPU each`,
);
