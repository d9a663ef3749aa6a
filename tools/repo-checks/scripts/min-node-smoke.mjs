#!/usr/bin/env node
// Runs the built published packages on the Node that is running this script (CI: the engines
// minimum, where vitest itself cannot run): the reference server (@batchwire/server and
// @batchwire/schema, started through `npm start`'s scripts/run.mjs without its setup) answers the
// MUST cases of the conformance CLI (@batchwire/conformance), then stops on SIGTERM with exit 0.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const fail = (message) => {
  console.error(`min-node-smoke: ${message}`);
  process.exit(1);
};

console.log(`min-node-smoke: Node ${process.versions.node}`);
const server = spawn(
  process.execPath,
  [join(root, 'scripts', 'run.mjs'), 'start', '--port', '0', '--log-level', 'fatal'],
  {
    cwd: root,
    env: { ...process.env, BATCHWIRE_SKIP_SETUP: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));

let url;
url = await new Promise((resolve) => {
  const timer = setTimeout(() => fail('the reference server did not listen within 30 s'), 30_000);
  let output = '';
  server.stdout.on('data', (chunk) => {
    output += chunk;
    const match = /listening on (http:\/\/\S+?)\s/.exec(output);
    if (match) {
      clearTimeout(timer);
      resolve(`${match[1]}/batch`);
    }
  });
  void exited.then(({ code }) => {
    if (!url) fail(`the reference server exited before listening (${code})`);
  });
});

const cli = join(root, 'conformance', 'dist', 'cli.js');
const suite = spawn(process.execPath, [cli, 'run', '--url', url, '--level', 'must'], { stdio: 'inherit' });
const suiteCode = await new Promise((resolve) => suite.once('exit', (code) => resolve(code ?? 1)));

server.kill('SIGTERM');
const timer = setTimeout(() => fail('the reference server did not stop within 10 s of SIGTERM'), 10_000);
const { code } = await exited;
clearTimeout(timer);
if (suiteCode !== 0) fail(`the conformance suite exited ${suiteCode}`);
if (code !== 0) fail(`npm start's runner exited ${code} after SIGTERM`);
console.log('min-node-smoke: conformance MUST cases passed, clean shutdown');
