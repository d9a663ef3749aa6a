import { PROBLEM_TYPES } from '@batchwire/schema';
import { MiB, post, startServer } from './child.js';

/**
 * The soak of issue 12: 100 connections sending mixed batches for 60 s (BENCH_SOAK_SECONDS) to one
 * server with the default limits: 20 small GETs as JSON, 20 as NDJSON, and 5 small GETs beside one
 * 5 MiB answer (502 `response-too-large`). Counts every wrong answer as an error and samples the
 * server's RSS each second; exits non-zero on any error or when the RSS of the last 10 s is more
 * than 1.25x that of the first 10 s after warm-up.
 * Run: `node dist/amplify/soak.js`.
 */
const CONNECTIONS = 100;
const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? (process.env.BENCH_QUICK === '1' ? 5 : 60));

interface Entry {
  readonly id: string;
  readonly status: number;
  readonly body?: { type?: string };
}

const items = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `i${i}`, method: 'GET', url: `/item/${i}` }));
const KINDS = [
  { ndjson: false, envelope: { requests: items(20) }, big: false },
  { ndjson: true, envelope: { requests: items(20) }, big: false },
  {
    ndjson: false,
    envelope: { requests: [...items(5), { id: 'big', method: 'GET', url: '/medium' }] },
    big: true,
  },
] as const;

function wrong(kind: (typeof KINDS)[number], status: number, text: string): string | undefined {
  if (status !== 200) return `outer status ${status}`;
  const entries: Entry[] = kind.ndjson
    ? text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Entry & { summary?: unknown })
        .filter((record) => record.summary === undefined)
    : (JSON.parse(text) as { responses: Entry[] }).responses;
  const expected = kind.envelope.requests.length;
  if (entries.length !== expected) return `${entries.length} entries instead of ${expected}`;
  for (const entry of entries) {
    const ok =
      entry.id === 'big'
        ? entry.status === 502 && entry.body?.type === PROBLEM_TYPES.responseTooLarge
        : entry.status === 200;
    if (!ok) return `entry ${entry.id} answered ${entry.status}`;
  }
  return undefined;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

const server = await startServer();
let batches = 0;
let errors = 0;
let firstError: string | undefined;
const deadline = Date.now() + SECONDS * 1000;
const rss: number[] = [];
const sampler = setInterval(() => {
  server.ask('rss').then(
    (value) => rss.push(value),
    () => undefined,
  );
}, 1000);
try {
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, connection) => {
      for (let round = connection; Date.now() < deadline; round++) {
        const kind = KINDS[round % KINDS.length]!;
        try {
          const answer = await post(server.port, kind.envelope, kind.ndjson);
          const problem = wrong(kind, answer.status, answer.text);
          if (problem !== undefined) {
            errors++;
            firstError ??= problem;
          }
        } catch (error) {
          errors++;
          firstError ??= String(error);
        }
        batches++;
      }
    }),
  );
} finally {
  clearInterval(sampler);
  await server.stop();
}
// The first 10 s after a 5 s warm-up against the last 10 s.
const window = Math.min(10, Math.floor(rss.length / 3));
const early = median(
  rss.slice(Math.min(5, rss.length - 2 * window), Math.min(5, rss.length - 2 * window) + window),
);
const late = median(rss.slice(-window));
const fixed = (n: number) => (n / MiB).toFixed(1);
console.log(
  [
    '| connections | seconds | batches | errors | RSS early (MiB) | RSS late (MiB) | RSS max (MiB) |',
    '| ----------: | ------: | ------: | -----: | --------------: | -------------: | ------------: |',
    `| ${CONNECTIONS} | ${SECONDS} | ${batches} | ${errors} | ${fixed(early)} | ${fixed(late)} | ${fixed(Math.max(...rss))} |`,
  ].join('\n'),
);
if (firstError !== undefined) console.log(`first error: ${firstError}`);
process.exit(errors > 0 || late > early * 1.25 ? 1 : 0);
