import type { BatchRequest } from '@batchwire/schema';
import { malformed, mismatch, type Outcome, parseJson, readChecked } from './answer.js';
import { checkBatchResponse, checkStreamRecord } from './check-answer.js';
import { batchError } from './errors.js';
import { isJsonMediaType, mediaTypeOf, NDJSON_MEDIA_TYPE } from './media.js';
import { readLines } from './ndjson.js';
import { type BatchResult, toResult } from './result.js';

/** Called once per inner result as it becomes known, with its position in the batch. */
export type ItemSink = (index: number, result: BatchResult) => void;

/** Reads and checks a 200 `application/json` consolidated answer; results come back in request order. */
export async function readJsonAnswer(
  response: Response,
  envelope: BatchRequest,
  sink: ItemSink,
): Promise<Outcome<BatchResult[]>> {
  const status = response.status;
  const checked = await readChecked(response, checkBatchResponse, 'batch response');
  if (!checked.ok) return checked;
  const { responses } = checked.value;
  if (responses.length !== envelope.requests.length) {
    return malformed(status, `${responses.length} responses for ${envelope.requests.length} requests`);
  }
  for (const [index, inner] of responses.entries()) {
    const reason = mismatch(envelope, index, inner);
    if (reason !== undefined)
      return malformed(status, reason, [{ pointer: `/responses/${index}/id`, detail: reason }]);
  }
  const results = responses.map(toResult);
  for (const [index, result] of results.entries()) sink(index, result);
  return { ok: true, value: results };
}

/**
 * Reads a 200 answer to a streaming request: NDJSON records in completion order, each checked and
 * handed to `sink` as it arrives, then the summary line. A JSON answer (a server that ignored the
 * `Accept`) is read as such. Returns all results in request order.
 */
export async function readStreamAnswer(
  response: Response,
  envelope: BatchRequest,
  sink: ItemSink,
): Promise<Outcome<BatchResult[]>> {
  const type = response.headers.get('content-type');
  if (isJsonMediaType(type)) return readJsonAnswer(response, envelope, sink);
  const status = response.status;
  if (mediaTypeOf(type) !== NDJSON_MEDIA_TYPE) {
    return malformed(status, `unexpected Content-Type "${type ?? ''}" for a streamed answer`);
  }
  if (response.body === null) return malformed(status, 'the streamed answer has no body');
  const results: (BatchResult | undefined)[] = envelope.requests.map(() => undefined);
  let line = 0;
  let summarised = false;
  try {
    for await (const text of readLines(response.body)) {
      line++;
      if (summarised) return malformed(status, `line ${line} follows the summary line`);
      const parsed = parseJson(text);
      if (!parsed.ok) return malformed(status, `line ${line} is not JSON (${parsed.reason})`);
      const checked = checkStreamRecord(parsed.value);
      if (!checked.ok)
        return malformed(status, `line ${line} is not a Batchwire stream record`, checked.errors);
      const record = checked.value;
      if (!('index' in record)) {
        summarised = true;
        continue;
      }
      const reason = mismatch(envelope, record.index, record);
      if (reason !== undefined) return malformed(status, `line ${line}: ${reason}`);
      if (results[record.index] !== undefined) {
        return malformed(status, `line ${line} repeats result ${record.index}`);
      }
      // toResult copies only the members of an inner response, leaving `index` out.
      const result = toResult(record);
      results[record.index] = result;
      sink(record.index, result);
    }
  } catch (cause) {
    return { ok: false, error: batchError({ kind: 'network', cause }) };
  }
  const missing = results.indexOf(undefined);
  if (missing !== -1) return malformed(status, `the stream ended without result ${missing}`);
  if (!summarised) return malformed(status, 'the stream ended without its summary line');
  return { ok: true, value: results as BatchResult[] };
}
