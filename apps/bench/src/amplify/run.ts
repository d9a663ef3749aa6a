import { PROBLEM_TYPES } from '@batchwire/schema';
import { MiB, post, startServer } from './child.js';

/**
 * The answer-size benchmarks of issue 12, each against a fresh server process:
 * 1. amplification: one small envelope of 10 x `GET /big` (20 MiB each) plus one `GET /small`,
 *    as JSON and as NDJSON: server RSS growth, answer bytes, and the statuses (502 / 200);
 * 2. slow reader: one 100,000-item NDJSON batch read at 1 MB/s: the server's peak RSS.
 * Run: `node dist/amplify/run.js` (BENCH_QUICK=1 reads the slow batch at full speed, 10,000 items).
 */
interface Entry {
  readonly id: string;
  readonly status: number;
  readonly body?: { type?: string };
}

function entriesOf(text: string, ndjson: boolean): Entry[] {
  if (!ndjson) return (JSON.parse(text) as { responses: Entry[] }).responses;
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Entry & { summary?: unknown })
    .filter((record) => record.summary === undefined);
}

interface AmplifyResult {
  readonly mode: 'json' | 'ndjson';
  readonly limits: 'default limits' | 'limits off (as before)';
  readonly rssGrowthMiB: number;
  readonly answerMiB: number;
  readonly bigAnswered: string;
  readonly smallStatus: number | undefined;
}

async function amplify(mode: 'json' | 'ndjson', unbounded = false): Promise<AmplifyResult> {
  const server = await startServer(unbounded ? ['--unbounded'] : []);
  try {
    const envelope = {
      requests: [
        ...Array.from({ length: 10 }, (_, i) => ({ id: `big${i}`, method: 'GET', url: '/big' })),
        { id: 'small', method: 'GET', url: '/small' },
      ],
    };
    const baseline = await server.ask('reset');
    const answer = await post(server.port, envelope, mode === 'ndjson');
    const peak = await server.ask('peak');
    const entries = entriesOf(answer.text, mode === 'ndjson');
    const big = entries.filter((e) => e.id.startsWith('big'));
    const tooLarge = big.filter((e) => e.status === 502 && e.body?.type === PROBLEM_TYPES.responseTooLarge);
    return {
      mode,
      limits: unbounded ? 'limits off (as before)' : 'default limits',
      rssGrowthMiB: (peak - baseline) / MiB,
      answerMiB: answer.bytes / MiB,
      bigAnswered: `${tooLarge.length}/10 x 502 response-too-large`,
      smallStatus: entries.find((e) => e.id === 'small')?.status,
    };
  } finally {
    await server.stop();
  }
}

interface SlowResult {
  readonly items: number;
  readonly readRate: string;
  readonly seconds: number;
  readonly answerMiB: number;
  readonly peakRssMiB: number;
}

async function slowReader(items: number, bytesPerSecond: number | undefined): Promise<SlowResult> {
  const server = await startServer(['--huge']);
  try {
    const envelope = {
      requests: Array.from({ length: items }, (_, i) => ({ id: `r${i}`, method: 'GET', url: `/item/${i}` })),
    };
    await server.ask('reset');
    const start = Date.now();
    const answer = await post(server.port, envelope, true, bytesPerSecond);
    const peak = await server.ask('peak');
    if (answer.status !== 200) throw new Error(`the 100,000-item batch answered ${answer.status}`);
    return {
      items,
      readRate: bytesPerSecond === undefined ? 'full speed' : `${bytesPerSecond / 1_000_000} MB/s`,
      seconds: (Date.now() - start) / 1000,
      answerMiB: answer.bytes / MiB,
      peakRssMiB: peak / MiB,
    };
  } finally {
    await server.stop();
  }
}

const fixed = (n: number) => n.toFixed(1);
const quick = process.env.BENCH_QUICK === '1';
const amplified = [await amplify('json'), await amplify('ndjson')];
// BENCH_UNBOUNDED=1 adds the same envelope with both limits off: the amplification the limits remove.
const contrast =
  process.env.BENCH_UNBOUNDED === '1' ? [await amplify('json', true), await amplify('ndjson', true)] : [];
const slow = await slowReader(quick ? 10_000 : 100_000, quick ? undefined : 1_000_000);
const lines = [
  '| answer | server | server RSS growth (MiB) | answer size (MiB) | 10 x GET /big (20 MiB) | GET /small |',
  '| ------ | ------ | ----------------------: | ----------------: | ---------------------- | ---------: |',
  ...[...amplified, ...contrast].map(
    (r) =>
      `| ${r.mode} | ${r.limits} | ${fixed(r.rssGrowthMiB)} | ${r.answerMiB.toFixed(3)} | ${r.bigAnswered} | ${r.smallStatus} |`,
  ),
  '',
  '| NDJSON batch | read at | seconds | answer (MiB) | server peak RSS (MiB) |',
  '| -----------: | ------- | ------: | -----------: | --------------------: |',
  `| ${slow.items} | ${slow.readRate} | ${fixed(slow.seconds)} | ${fixed(slow.answerMiB)} | ${fixed(slow.peakRssMiB)} |`,
];
console.log(lines.join('\n'));
const failed =
  amplified.some((r) => r.smallStatus !== 200 || !r.bigAnswered.startsWith('10/')) ||
  amplified.some((r) => r.rssGrowthMiB >= 256 || r.answerMiB >= 64);
process.exit(failed ? 1 : 0);
