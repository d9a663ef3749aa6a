import { checkGoals, HOST_PAIRS, throughputRatio } from './goals.js';
import { describeMachine, type MachineInfo } from './machine.js';
import { type Align, markdownTable } from './markdown-table.js';
import type { BenchResult, CaseResult } from './run.js';

const MIB = 2 ** 20;

function num(value: number | null | undefined, digits: number): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function ratio(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(2)}x`;
}

/** CPU per sub-request; split by process when a contender has several (gateway + upstream). */
function cpuCell(total: number | null, byServer: Readonly<Record<string, number>>): string {
  const parts = Object.entries(byServer);
  if (parts.length < 2) return num(total, 1);
  return `${num(total, 1)} (${parts.map(([kind, us]) => `${kind} ${num(us, 0)}`).join(' + ')})`;
}

/** A table cell: no pipe or line break may escape it. */
function cell(text: string): string {
  return text.replace(/\|/g, '/').replace(/\s+/g, ' ');
}

function correct(error: string | undefined): string {
  return error === undefined ? 'yes' : cell(`NO: ${error}`.slice(0, 120));
}

function row(result: BenchResult, c: CaseResult): string[] {
  return [
    String(c.n),
    c.workload === 'get' ? 'GET' : 'POST',
    c.label,
    num(c.latencyMs.median, 2),
    num(c.latencyMs.p99, 2),
    cpuCell(c.cpuUsPerSub, c.cpuUsPerSubByServer),
    cpuCell(c.loadCpuUsPerSub, c.loadCpuUsPerSubByServer),
    num(c.subRequestsPerSecond, 0),
    ratio(throughputRatio(result, c.contender, 'express-batch', c.n, c.workload)),
    ratio(throughputRatio(result, c.contender, 'separate-keepalive', c.n, c.workload)),
    num(c.peakRssBytes / MIB, 0),
    correct(c.errors[0]),
  ];
}

const CASE_HEADER = [
  'N',
  'inner',
  'contender',
  'latency median (ms)',
  'latency p99 (ms)',
  'server CPU µs/sub',
  'server CPU µs/sub under load',
  'sub-requests/s',
  'x express-batch',
  'x separate keep-alive',
  'peak server RSS (MiB)',
  'correct',
];
const CASE_ALIGN: Align[] = ['right', 'left', 'left', ...Array<Align>(8).fill('right'), 'left'];

const STREAM_HEADER = [
  'huge batch (Batchwire in-process, fresh process)',
  'items',
  'time (s)',
  'first byte (s)',
  'response (MiB)',
  'server CPU µs/item',
  'peak server RSS (MiB)',
  'correct',
];
const STREAM_ALIGN: Align[] = ['left', ...Array<Align>(6).fill('right'), 'left'];

/** The run as Markdown: the main table with ratios, the streaming runs, and the goals of issue 7. */
export function markdownReport(result: BenchResult, machine: MachineInfo, date: Date): string {
  const when = date.toISOString().slice(0, 16).replace('T', ' ');
  const parts: string[] = [
    `Batchwire bench, ${when} UTC${result.plan.quick ? ' (quick mode: one run each, figures not meaningful)' : ''}`,
    `Machine: ${describeMachine(machine)}. Client and servers share the machine; each server is its own process on 127.0.0.1.`,
    `${result.plan.rounds} interleaved round(s); latency = one batch of N on one keep-alive connection (separate: N requests at once over a Pool of 10 / one HTTP/2 session); ` +
      `sub-requests/s = median over rounds of ${result.plan.loadSeconds} s runs with 10 connections (autocannon; HTTP/2: 10 sessions); ` +
      'server CPU = process.cpuUsage inside the server process(es) per inner request, over the latency runs and over the load runs.',
  ];
  const order = (c: CaseResult) => (c.workload === 'get' ? 0 : 1) * 1e7 + c.n;
  const sorted = [...result.cases].sort((a, b) => order(a) - order(b));
  const tables = [
    markdownTable(
      CASE_HEADER,
      CASE_ALIGN,
      sorted.map((c) => row(result, c)),
    ),
  ];
  if (result.streams.length > 0) {
    const rows = result.streams.map((s) => [
      s.mode === 'ndjson' ? 'streamed, `Accept: application/x-ndjson`' : 'buffered, one JSON document',
      num(s.items, 0),
      num(s.elapsedMs / 1000, 2),
      num(s.firstByteMs === null ? null : s.firstByteMs / 1000, 2),
      num(s.responseBytes / MIB, 1),
      num(s.cpuUsPerItem, 1),
      num(s.peakRssBytes / MIB, 0),
      correct(s.error),
    ]);
    tables.push(markdownTable(STREAM_HEADER, STREAM_ALIGN, rows));
  }
  const hosts = HOST_PAIRS.map((pair) => [
    pair.label,
    ...[10, 100, 1000].map((n) => ratio(throughputRatio(result, pair.contender, pair.baseline, n))),
  ]);
  tables.push(
    markdownTable(
      ['hosts (issue 11), sub-requests/s ratio', 'N=10', 'N=100', 'N=1000'],
      ['left', 'right', 'right', 'right'],
      hosts,
    ),
  );
  const goals = checkGoals(result).map((goal) => [
    goal.goal,
    cell(goal.measured),
    goal.met === null ? 'not measured' : goal.met ? 'yes' : 'NO',
  ]);
  tables.push(markdownTable(['goal (issue 7)', 'measured', 'met'], ['left', 'left', 'left'], goals));
  return `${parts.join('\n')}\n\n${tables.join('\n\n')}\n`;
}

/** Every wrong answer of the run, one line each; empty when the run's answers were all right. */
export function correctnessFailures(result: BenchResult): string[] {
  const failures = result.cases.flatMap((c) =>
    c.errors.length === 0
      ? []
      : [`${c.label} N=${c.n} ${c.workload}: ${c.errors[0]} (${c.errors.length} in all)`],
  );
  for (const s of result.streams) if (s.error) failures.push(`${s.mode} batch of ${s.items}: ${s.error}`);
  return failures;
}
