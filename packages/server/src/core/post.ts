import {
  isEnvelopeMediaType,
  NDJSON_MEDIA_TYPE,
  type ParsedBatch,
  parseBatch,
  unsupportedMediaTypeProblem,
} from '@batchwire/schema';
import { runBatch } from '../engine/run-batch.js';
import { batchResponseJson, streamSummaryLine } from '../engine/serialize.js';
import type {
  BatchOutcome,
  Dispatch,
  DispatchRequest,
  HeaderRecord,
  ItemOutcome,
  RunBatchOptions,
} from '../engine/types.js';
import type { IdempotencyStore } from '../idempotency/store.js';
import { type BatchTrace, traceBatch } from '../observe/emit.js';
import { boundedStreamLines, consolidatedAnswer } from './answer-budget.js';
import { batchPathProblem } from './batch-path.js';
import { readEnvelope } from './envelope.js';
import { abandonClaim, type Claim, completeClaim, decideKey } from './idempotent.js';
import { safeLog } from './logger.js';
import { lineStream } from './ndjson.js';
import type { BatchwireConfig, BatchwireOptions } from './options.js';
import { replayLines } from './replay.js';
import { jsonResponse, ndjsonResponse, problemResponse } from './respond.js';
import type { BatchHttpRequest, BatchHttpResponse, OuterHeaders } from './types.js';

/** Everything the POST handler needs besides the request. */
export interface PostContext<Raw> {
  readonly config: BatchwireConfig;
  readonly store: IdempotencyStore | undefined;
  /** The gateway's dispatch; undefined in in-process mode, where each request brings its own. */
  readonly gateway: Dispatch | undefined;
  readonly options: BatchwireOptions<Raw>;
}

/** Whether the Accept header asks for NDJSON (a q of 0 refuses it). */
export function wantsNdjson(accept: string | readonly string[] | undefined): boolean {
  if (accept === undefined) return false;
  const text = typeof accept === 'string' ? accept : accept.join(',');
  return text.split(',').some((range) => {
    const [type, ...params] = range.split(';');
    if (type!.trim().toLowerCase() !== NDJSON_MEDIA_TYPE) return false;
    return !params.some((p) => /^\s*q\s*=\s*0(?:\.0*)?\s*$/i.test(p));
  });
}

function inheritedHeaders(headers: OuterHeaders, names: readonly string[]): HeaderRecord {
  const out: HeaderRecord = Object.create(null);
  for (const name of names) {
    const value = headers[name];
    if (typeof value === 'string') out[name] = value;
    else if (value !== undefined) out[name] = value.join(name === 'cookie' ? '; ' : ', ');
  }
  return out;
}

// Stryker disable next-line ArrowFunction: Server-Timing and log values are diagnostics, not protocol
const ms = (value: number) => value.toFixed(1);

/** Handles a batch POST from the outer request value to the consolidated (or streamed) answer. */
export async function handlePost<Raw>(
  req: BatchHttpRequest<Raw>,
  context: PostContext<Raw>,
): Promise<BatchHttpResponse> {
  const { config, store } = context;
  const t0 = performance.now();
  const trace = traceBatch(config.observers, config.logger, req.headers);
  const refuse = (problem: Parameters<typeof problemResponse>[0], headers?: Record<string, string>) => {
    trace?.end({ status: problem.status, problem });
    return problemResponse(problem, headers);
  };
  const contentTypes = req.headers['content-type'];
  // A list of one is the header sent once (node's headersDistinct); more is a repeated Content-Type.
  if (typeof contentTypes !== 'string' && contentTypes !== undefined && contentTypes.length !== 1)
    // Stryker disable next-line StringLiteral: the separator only spells the problem's free-text detail
    return refuse(unsupportedMediaTypeProblem(contentTypes.join(', ')));
  const contentType = typeof contentTypes === 'string' ? contentTypes : contentTypes?.[0];
  if (!isEnvelopeMediaType(contentType)) return refuse(unsupportedMediaTypeProblem(contentType));
  const read = await readEnvelope(req, config.limits.maxBodyBytes);
  if (!read.ok) return refuse(read.problem, read.problem.status === 413 ? { Connection: 'close' } : {});
  const parsed = parseBatch(read.value, {
    maxRequests: config.limits.maxRequests,
    maxJsonDepth: config.limits.maxJsonDepth,
    atomicity: false,
  });
  if (!parsed.ok) return refuse(parsed.problem);
  const dispatch = context.gateway ?? req.dispatch;
  if (dispatch === undefined) throw new TypeError('batchwire: in-process mode needs a dispatch per request');
  // In gateway mode too: an upstream mirroring this path would route the url back into a batch.
  if (req.endpointPath !== undefined) {
    const recursion = batchPathProblem(parsed, config.servicePath, req.endpointPath);
    if (recursion !== undefined) return refuse(recursion);
  }
  // Stryker disable next-line ArithmeticOperator: parseMs feeds Server-Timing and logs only (diagnostics)
  const parseMs = performance.now() - t0;
  const streaming = config.streaming && wantsNdjson(req.headers.accept);

  const decision = await decideKey(req.headers, parsed, config, store, config.logger);
  if (decision.kind === 'refuse') return refuse(decision.problem);
  if (decision.kind === 'replay') {
    trace?.start(parsed.value, streaming, true, config.limits.maxConcurrency);
    trace?.end({ status: 200 });
    const replayed = { 'Idempotency-Replayed': 'true' };
    return streaming
      ? ndjsonResponse(replayLines(decision.body), replayed)
      : jsonResponse(decision.body, replayed);
  }
  trace?.start(parsed.value, streaming, false, config.limits.maxConcurrency);
  const run: Run<Raw> = { req, parsed, dispatch, context, trace, claim: decision.claim, parseMs, streaming };
  return streaming ? runStreamed(run) : runConsolidated(run);
}

interface Run<Raw> {
  readonly req: BatchHttpRequest<Raw>;
  readonly parsed: ParsedBatch;
  readonly dispatch: Dispatch;
  readonly context: PostContext<Raw>;
  readonly trace: BatchTrace | undefined;
  readonly claim: Claim | undefined;
  readonly parseMs: number;
  readonly streaming: boolean;
}

async function runConsolidated<Raw>(run: Run<Raw>): Promise<BatchHttpResponse> {
  const hooks = itemHooks(run);
  // Logs, observers and the stored replay tell the answer as sent, refusals included: each item
  // is told once its entry is decided (in request order, as the budget decides them).
  const answer = consolidatedAnswer(
    run.context.config.limits,
    run.parsed.value.requests.length,
    hooks.answered,
  );
  const executed = await execute(run, run.req.signal, undefined, hooks.started, answer.offer);
  const { text, outcome } = answer.finish(executed);
  await finish(run, outcome, text);
  // Stryker disable next-line ObjectLiteral: the spec leaves this open: only drops the Server-Timing header, which is diagnostics the spec does not mention
  return jsonResponse(text, {
    // Stryker disable next-line StringLiteral: Server-Timing is diagnostics, not protocol
    'Server-Timing': `parse;dur=${ms(run.parseMs)}, batch;dur=${ms(outcome.durationMs)};desc="${outcome.summary.total} requests"`,
  });
}

function runStreamed<Raw>(run: Run<Raw>): BatchHttpResponse {
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  if (run.req.signal.aborted) stop.abort();
  else run.req.signal.addEventListener('abort', onAbort, { once: true });
  const lines = lineStream(onAbort);
  const { limits } = run.context.config;
  const budget = boundedStreamLines(limits);
  const hooks = itemHooks(run);
  const write = (item: ItemOutcome) => {
    lines.push(budget.line(item));
    hooks.answered(budget.answered(item));
  };
  execute(run, stop.signal, lines, hooks.started, write)
    .then(async (executed) => {
      // Stryker disable next-line StringLiteral: an abort signal fires at most once, and an abort after the batch ended stops an engine that has nothing left to run
      run.req.signal.removeEventListener('abort', onAbort);
      // The replay repeats the lines as streamed: the refusals decided in write order.
      const outcome = budget.outcome(executed);
      // Stored before the last line goes out: a client that retries once the stream has ended
      // (on any instance) gets the replay, never a 409 for a batch that has finished.
      await finish(run, outcome, run.claim === undefined ? undefined : batchResponseJson(outcome));
      lines.end(streamSummaryLine(outcome.summary));
    })
    .catch((error: unknown) => {
      safeLog(run.context.config.logger, 'error', { err: error }, 'batch failed');
      lines.end('');
    });
  // Stryker disable next-line ObjectLiteral,StringLiteral: Server-Timing is diagnostics, not protocol
  return ndjsonResponse(lines.body, { 'Server-Timing': `parse;dur=${ms(run.parseMs)}` });
}

/**
 * The item hooks of one batch: `started` tells observers and `onInnerRequest` of a dispatch;
 * `answered` tells observers and `onInnerResponse` of an item as it is answered (after the budget).
 */
function itemHooks<Raw>(run: Run<Raw>): {
  readonly started: ((request: DispatchRequest) => void) | undefined;
  readonly answered: (item: ItemOutcome) => void;
} {
  const { req, trace } = run;
  const { onInnerRequest, onInnerResponse } = run.context.options;
  const requests = run.parsed.value.requests;
  const urls: string[] | undefined = onInnerResponse ? requests.map((r) => r.url) : undefined;
  const started =
    // Stryker disable next-line ConditionalExpression,LogicalOperator: the onStart wrapper only feeds host hooks, observers and the trace, not the answer
    onInnerRequest || urls || trace
      ? (request: DispatchRequest) => {
          if (urls) urls[request.index] = request.url;
          trace?.itemStart(request);
          onInnerRequest?.({
            index: request.index,
            id: request.id,
            method: request.method,
            url: request.url,
            outer: req.raw,
          });
        }
      : undefined;
  // Stryker disable next-line BlockStatement: the item hooks only feed observers, the trace and onInnerResponse (none in the harness, never the answer); a missing hook throws inside the engine's try around onOutcome, after the line is written
  const answered = (item: ItemOutcome) => {
    trace?.itemEnd(item);
    try {
      // Stryker disable next-line OptionalChaining: the onInnerResponse observer hook; a throw is caught, the answer is the same
      onInnerResponse?.({
        index: item.index,
        id: item.id,
        method: requests[item.index]!.method,
        url: urls![item.index]!,
        status: item.status,
        executed: item.executed,
        durationMs: item.durationMs,
        outer: req.raw,
      });
    } catch {
      // A hook's failure must not change the batch (nor hold back the entries written after it).
    }
  };
  // Stryker disable next-line ObjectLiteral: the item hooks only feed observers, the trace and onInnerResponse (none in the harness, never the answer); a missing hook throws inside the engine's try around onOutcome, after the line is written
  return { started, answered };
}

/** Runs the engine with the hooks this batch needs; a rejection releases the idempotency claim. */
async function execute<Raw>(
  run: Run<Raw>,
  signal: AbortSignal,
  lines: ReturnType<typeof lineStream> | undefined,
  onStart: ((request: DispatchRequest) => void) | undefined,
  onOutcome: (item: ItemOutcome) => void,
): Promise<BatchOutcome> {
  const { req, parsed, context } = run;
  const { config } = context;
  const engine: RunBatchOptions = {
    limits: config.limits,
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ObjectLiteral: the engine falls back to the default scheduler, which gives the same answers
    ...(config.scheduler === undefined ? {} : { scheduler: config.scheduler }),
    // A streamed item is on the wire once written; only a stored (idempotent) answer needs them all.
    retainResults: lines === undefined || run.claim !== undefined,
    maxResolvedBytes: config.limits.maxBodyBytes,
    inheritedHeaders: inheritedHeaders(req.headers, config.inherited),
    signal,
    // Stryker disable next-line ObjectLiteral: the spec leaves this open: without flow control the engine runs ahead of an unread stream: the spec sets no bound on that (memory, hidden by socket buffers); stream.slow-reader checks every line still arrives
    ...(lines === undefined ? {} : { flow: lines.flow }),
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the onStart hook only feeds observers and the trace
    ...(onStart === undefined ? {} : { onStart }),
    onOutcome,
  };
  try {
    return await runBatch(parsed, run.dispatch, engine);
  } catch (error) {
    if (run.claim !== undefined && context.store !== undefined)
      await abandonClaim(run.claim, context.store, config.logger);
    throw error;
  }
}

/** After the answer is known: keep it for replay, tell the observers, log the batch line. */
async function finish<Raw>(run: Run<Raw>, outcome: BatchOutcome, text: string | undefined): Promise<void> {
  const { config, store } = run.context;
  if (
    run.claim !== undefined &&
    // Stryker disable next-line ConditionalExpression: a claim is only made when the store is set
    store !== undefined &&
    // Stryker disable next-line ConditionalExpression: the store and config.idempotency are always set together
    config.idempotency !== undefined &&
    // Stryker disable next-line ConditionalExpression: the text is undefined only when no key was claimed (a streamed batch without a key), so with a claim it is always set
    text !== undefined
  )
    await completeClaim(run.claim, text, store, config.idempotency.ttlMs, config.logger);
  run.trace?.end({ status: 200, summary: outcome.summary, disconnected: outcome.disconnected });
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the batch log line (safeLog swallows a missing logger), not protocol
  if (config.logger === undefined) return;
  safeLog(
    config.logger,
    'info',
    {
      batch: {
        ...outcome.summary,
        durationMs: Number(ms(outcome.durationMs)),
        parseMs: Number(ms(run.parseMs)),
        streaming: run.streaming,
      },
      items: outcome.items.map((item) => ({
        id: item.id,
        status: item.status,
        startMs: item.startMs === undefined ? null : Number(ms(item.startMs)),
        durationMs: Number(ms(item.durationMs)),
      })),
    },
    outcome.disconnected ? 'batch aborted: client disconnected' : 'batch',
  );
}
