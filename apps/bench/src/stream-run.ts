import { validateStreamRecord } from '@batchwire/schema';
import { startServerProcess } from './children.js';
import { keepAlivePool } from './clients/http1.js';
import { batchwireCall, batchwireInProcess } from './contenders/batchwire.js';
import { inWindow } from './measure.js';
import { msSince } from './runners/types.js';

/** One huge Batchwire batch: streamed as NDJSON, or buffered into one JSON document for contrast. */
export interface StreamRunResult {
  readonly mode: 'ndjson' | 'buffered';
  readonly items: number;
  readonly elapsedMs: number;
  /** When the first bytes of the body arrived (NDJSON only): shows whether records leave as they are ready. */
  readonly firstByteMs: number | null;
  readonly responseBytes: number;
  /** Highest RSS of the (fresh) server process over its whole life, in bytes. */
  readonly peakRssBytes: number;
  readonly cpuUsPerItem: number;
  readonly error?: string;
}

/** Reads an NDJSON body line by line: every index exactly once, each record valid, the summary last. */
async function checkNdjson(
  body: AsyncIterable<Buffer>,
  items: number,
  start: bigint,
): Promise<{ bytes: number; firstByteMs?: number; error?: string }> {
  let firstByteMs: number | undefined;
  const seen = new Uint8Array(items);
  let bytes = 0;
  let pending = '';
  let count = 0;
  let summary: unknown;
  let error: string | undefined;
  const onLine = (line: string) => {
    if (line === '' || error !== undefined) return;
    const record = validateStreamRecord(JSON.parse(line) as unknown);
    if (!record.ok) {
      error = `invalid NDJSON record: ${line.slice(0, 160)}`;
      return;
    }
    if (summary !== undefined) error = 'a record came after the summary';
    if ('index' in record.value) {
      const { index, id, status } = record.value;
      if (id !== `r${index}` || status !== 200 || seen[index] === 1 || index >= items) {
        error = `wrong or repeated record: ${line.slice(0, 160)}`;
      }
      seen[index] = 1;
      count++;
    } else {
      summary = record.value.summary;
    }
  };
  for await (const chunk of body) {
    firstByteMs ??= msSince(start);
    bytes += chunk.length;
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  }
  onLine(pending);
  if (error === undefined && count !== items) error = `${count} records instead of ${items}`;
  if (error === undefined && summary === undefined) error = 'no summary record';
  const read = firstByteMs === undefined ? { bytes } : { bytes, firstByteMs };
  return error === undefined ? read : { ...read, error };
}

/** Runs one batch of `items` trivial GETs against a fresh Batchwire process and reports its peak RSS. */
export async function streamRun(
  items: number,
  mode: 'ndjson' | 'buffered',
  cpuProfileDir?: string,
): Promise<StreamRunResult> {
  const profile = cpuProfileDir === undefined ? {} : { cpuProfileDir };
  const server = await startServerProcess({ kind: 'batchwire', maxBatch: items }, profile);
  const pool = keepAlivePool(server.url, 1);
  try {
    const call = batchwireCall(items, 'get', mode === 'ndjson');
    const start = process.hrtime.bigint();
    const { value, window } = await inWindow([server], async () => {
      const { statusCode, headers, body } = await pool.request({
        method: call.method,
        path: call.path,
        headers: call.headers,
        body: call.body ?? null,
      });
      if (statusCode !== 200)
        return { bytes: 0, error: `HTTP ${statusCode}: ${(await body.text()).slice(0, 200)}` };
      if (mode === 'buffered') {
        const text = await body.text();
        const error = batchwireInProcess.check(statusCode, text, items, 'get');
        return error === undefined ? { bytes: text.length } : { bytes: text.length, error };
      }
      const type = String(headers['content-type'] ?? '');
      if (!type.startsWith('application/x-ndjson')) {
        await body.dump();
        return { bytes: 0, error: `content-type ${type}, expected application/x-ndjson` };
      }
      return checkNdjson(body, items, start);
    });
    const elapsedMs = msSince(start);
    const report = await server.windowStop().catch(() => undefined);
    const peakRssBytes = Math.max(window.peakRssBytes, report?.lifetimeMaxRssBytes ?? 0);
    const result = {
      mode,
      items,
      elapsedMs,
      firstByteMs: 'firstByteMs' in value && value.firstByteMs !== undefined ? value.firstByteMs : null,
      responseBytes: value.bytes,
      peakRssBytes,
      cpuUsPerItem: window.totalCpuUs / items,
    };
    return value.error === undefined ? result : { ...result, error: value.error };
  } finally {
    await pool.close();
    await server.stop();
  }
}
