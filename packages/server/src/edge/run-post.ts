import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_REPLAYED_HEADER,
  isEnvelopeMediaType,
  NDJSON_MEDIA_TYPE,
  type ParsedBatch,
  PROBLEM_TYPES,
  parseBatch,
  unsupportedMediaTypeProblem,
} from '@batchwire/schema';
import type { Logger } from 'pino';
import { runBatch } from '../engine/run-batch.js';
import { batchResponseJson, streamItemLine, streamSummaryLine } from '../engine/serialize.js';
import type { BatchOutcome, Dispatch, HeaderRecord, ItemOutcome } from '../engine/types.js';
import { envelopeFingerprint, invalidKeyProblem, isValidKey, scopedKey } from '../idempotency/key.js';
import type { IdempotencyStore } from '../idempotency/store.js';
import { batchPathProblem } from './batch-path.js';
import type { BatchwireConfig, BatchwireOptions } from './options.js';
import { readEnvelope } from './read-envelope.js';
import { replayStream } from './replay.js';
import { sendJson, sendProblem } from './send.js';

/** Everything the POST handler needs besides the request. */
export interface PostContext {
  readonly config: BatchwireConfig;
  readonly store: IdempotencyStore | undefined;
  readonly dispatchFor: (req: IncomingMessage) => Dispatch;
  readonly options: BatchwireOptions;
  readonly logger: Logger | undefined;
  /** In-process mode: where this endpoint is mounted, so inner urls naming it are refused up front. */
  readonly endpointPath: ((req: IncomingMessage) => string) | undefined;
}

/** Whether the Accept header asks for NDJSON (a q of 0 refuses it). */
export function wantsNdjson(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  return accept.split(',').some((range) => {
    const [type, ...params] = range.split(';');
    if (type!.trim().toLowerCase() !== NDJSON_MEDIA_TYPE) return false;
    return !params.some((p) => /^\s*q\s*=\s*0(?:\.0*)?\s*$/i.test(p));
  });
}

function inheritedHeaders(req: IncomingMessage, names: readonly string[]): HeaderRecord {
  const headers: HeaderRecord = Object.create(null);
  for (const name of names) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
    else if (Array.isArray(value)) headers[name] = value.join(name === 'cookie' ? '; ' : ', ');
  }
  return headers;
}

const ms = (value: number) => value.toFixed(1);

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Handles a batch POST from the raw request to the consolidated (or streamed) answer. */
export async function runPost(
  req: IncomingMessage,
  res: ServerResponse,
  context: PostContext,
): Promise<void> {
  const { config, store, logger } = context;
  const t0 = performance.now();
  const contentType = req.headers['content-type'];
  if (!isEnvelopeMediaType(contentType)) {
    sendProblem(res, unsupportedMediaTypeProblem(contentType));
    return;
  }
  const read = await readEnvelope(req, config.limits.maxBodyBytes);
  if (!read.ok) {
    sendProblem(res, read.problem, read.problem.status === 413 ? { Connection: 'close' } : {});
    return;
  }
  const parsed = parseBatch(read.value, {
    maxRequests: config.limits.maxRequests,
    maxJsonDepth: config.limits.maxJsonDepth,
    atomicity: false,
  });
  if (!parsed.ok) {
    sendProblem(res, parsed.problem);
    return;
  }
  if (context.endpointPath !== undefined) {
    const recursion = batchPathProblem(parsed, config.servicePath, context.endpointPath(req));
    if (recursion !== undefined) {
      sendProblem(res, recursion);
      return;
    }
  }
  const parseMs = performance.now() - t0;
  const streaming = config.streaming && wantsNdjson(req.headers.accept);

  let claim: { key: string; fingerprint: string } | undefined;
  const rawKey = req.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  if (store !== undefined && config.idempotency !== undefined && rawKey !== undefined) {
    const key = Array.isArray(rawKey) ? rawKey.join(',') : rawKey;
    if (!isValidKey(key)) {
      sendProblem(res, invalidKeyProblem());
      return;
    }
    const scoped = scopedKey(
      key,
      config.credentialHeaders.map((name) => headerText(req.headers[name])),
    );
    const fingerprint = envelopeFingerprint(parsed.value);
    const begin = await store.begin(scoped, fingerprint);
    if (begin.state !== 'started' && begin.fingerprint !== fingerprint) {
      sendProblem(res, {
        type: PROBLEM_TYPES.idempotencyMismatch,
        title: 'Idempotency key reused',
        status: 422,
        detail: `This ${IDEMPOTENCY_KEY_HEADER} was used with a different envelope; nothing ran.`,
      });
      return;
    }
    if (begin.state === 'running') {
      sendProblem(res, {
        type: PROBLEM_TYPES.idempotencyInProgress,
        title: 'Batch in progress',
        status: 409,
        detail: `The batch with this ${IDEMPOTENCY_KEY_HEADER} is still running; retry once it has finished.`,
      });
      return;
    }
    if (begin.state === 'done') {
      const replayed = { [IDEMPOTENCY_REPLAYED_HEADER]: 'true' };
      if (streaming) replayStream(res, begin.response.body, replayed);
      else sendJson(res, begin.response.body, replayed);
      return;
    }
    claim = { key: scoped, fingerprint };
  }

  try {
    const outcome = await execute(req, res, parsed, context, {
      streaming,
      parseMs,
      retainForStore: claim !== undefined,
    });
    if (claim !== undefined && store !== undefined && config.idempotency !== undefined) {
      await store.complete(
        claim.key,
        claim.fingerprint,
        { body: batchResponseJson(outcome) },
        config.idempotency.ttlMs,
      );
    }
    logger?.info(
      {
        batch: {
          ...outcome.summary,
          durationMs: Number(ms(outcome.durationMs)),
          parseMs: Number(ms(parseMs)),
          streaming,
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
  } catch (error) {
    if (claim !== undefined) await store?.abandon(claim.key);
    throw error;
  }
}

async function execute(
  req: IncomingMessage,
  res: ServerResponse,
  parsed: ParsedBatch,
  context: PostContext,
  run: { readonly streaming: boolean; readonly parseMs: number; readonly retainForStore: boolean },
): Promise<BatchOutcome> {
  const { config, options } = context;
  const { streaming, parseMs, retainForStore } = run;
  const requests = parsed.value.requests;
  const disconnect = new AbortController();
  const onClose = () => {
    if (!res.writableFinished) disconnect.abort();
  };
  res.on('close', onClose);
  if (streaming) {
    res.statusCode = 200;
    res.setHeader('Content-Type', NDJSON_MEDIA_TYPE);
    res.setHeader('Server-Timing', `parse;dur=${ms(parseMs)}`);
    res.flushHeaders();
  }
  const onInnerRequest = options.onInnerRequest;
  const onInnerResponse = options.onInnerResponse;
  const urls: string[] | undefined = onInnerResponse ? requests.map((r) => r.url) : undefined;
  const outcome = await runBatch(parsed, context.dispatchFor(req), {
    limits: config.limits,
    // A streamed item is on the wire once written; only a stored (idempotent) answer needs them all.
    retainResults: !streaming || retainForStore,
    maxResolvedBytes: config.limits.maxBodyBytes,
    inheritedHeaders: inheritedHeaders(req, config.inherited),
    signal: disconnect.signal,
    ...(onInnerRequest || urls
      ? {
          onStart: (request) => {
            if (urls) urls[request.index] = request.url;
            onInnerRequest?.({
              index: request.index,
              id: request.id,
              method: request.method,
              url: request.url,
              outer: req,
            });
          },
        }
      : {}),
    onOutcome: (item: ItemOutcome) => {
      if (streaming && !res.destroyed) res.write(streamItemLine(item));
      if (onInnerResponse) {
        onInnerResponse({
          index: item.index,
          id: item.id,
          method: requests[item.index]!.method,
          url: urls![item.index]!,
          status: item.status,
          executed: item.executed,
          durationMs: item.durationMs,
          outer: req,
        });
      }
    },
  });
  res.off('close', onClose);
  if (res.destroyed) return outcome;
  if (streaming) res.end(streamSummaryLine(outcome.summary));
  else {
    sendJson(res, batchResponseJson(outcome), {
      'Server-Timing': `parse;dur=${ms(parseMs)}, batch;dur=${ms(outcome.durationMs)};desc="${outcome.summary.total} requests"`,
    });
  }
  return outcome;
}
