import type { ParsedBatch } from '@batchwire/schema';
import { buildGraph, referencedItems } from './graph.js';
import { cancelledResult, dependencyFailed, handlerError, skipped } from './item-problems.js';
import { resolveRequest } from './resolve-request.js';
import { type ResponseView, responseView } from './response-view.js';
import { isPromiseLike, isSuccess, newRunning, notifyCancel, type Running } from './running.js';
import type {
  BatchOutcome,
  CancelReason,
  Dispatch,
  HeaderRecord,
  InnerResult,
  ItemOutcome,
  ResponseBody,
  RunBatchOptions,
  SummaryCounts,
} from './types.js';

/** Longest stretch (ms) the engine keeps the event loop busy starting items before it yields. */
const SLICE_MS = 10;

const NO_HEADERS: HeaderRecord = Object.freeze(Object.create(null));
const NO_BODY: ResponseBody = Object.freeze({ kind: 'none' });

/**
 * Runs an accepted envelope: schedules the dependency graph with at most `maxConcurrency` items in
 * flight, resolves references, propagates 424 to dependents of failed items, applies
 * `onError: "stop"`, the per-request timeout (504), the batch deadline (unfinished 504, unstarted
 * 424) and client disconnect. Never rejects; outcomes come back in request order.
 */
export function runBatch(
  parsed: ParsedBatch,
  dispatch: Dispatch,
  options: RunBatchOptions,
): Promise<BatchOutcome> {
  const requests = parsed.value.requests;
  const total = requests.length;
  const { maxConcurrency, requestTimeoutMs, batchTimeoutMs } = options.limits;
  const stopOnError = parsed.value.options?.onError === 'stop';
  const t0 = performance.now();

  const outcomes: (ItemOutcome | undefined)[] = new Array(total);
  const views: (ResponseView | undefined)[] = new Array(total);
  const running: (Running | undefined)[] = new Array(total);
  const started = new Uint8Array(total);
  const { positions, waiting, dependents, ready } = buildGraph(parsed);
  const summary: SummaryCounts = { total, succeeded: 0, failed: 0, skipped: 0 };
  const settledQueue: number[] = [];
  let readyHead = 0;
  let inFlight = 0;
  let settledCount = 0;
  let halted: string | undefined; // why nothing new may start
  let disconnected = false;
  const retainAll = options.retainResults ?? true;
  const flow = options.flow;
  const readByReference = retainAll ? undefined : referencedItems(parsed);

  const viewOf = (id: string): ResponseView | undefined => {
    const i = positions.get(id);
    if (i === undefined) return undefined;
    const outcome = outcomes[i];
    if (outcome === undefined) return undefined;
    views[i] ??= responseView(outcome);
    return views[i];
  };

  return new Promise<BatchOutcome>((resolve) => {
    let finished = false;
    let sliceStart = performance.now();
    let startsInSlice = 0;
    let resumeScheduled = false;
    let sweepTimer: NodeJS.Timeout | undefined;
    const timeoutOrder: number[] = [];
    let timeoutHead = 0;
    const answeredIndex: number[] = [];
    const answeredResult: InnerResult[] = [];
    const deadline = setTimeout(() => halt('deadline'), batchTimeoutMs);
    const onDisconnect = () => halt('disconnect');
    if (options.signal?.aborted) queueMicrotask(onDisconnect);
    else options.signal?.addEventListener('abort', onDisconnect, { once: true });

    function settle(i: number, result: InnerResult, executed: boolean, startedAt?: number): void {
      if (outcomes[i] !== undefined) return;
      const now = performance.now();
      const outcome: ItemOutcome = {
        index: i,
        id: requests[i]!.id,
        status: result.status,
        headers: result.headers,
        body: result.body,
        executed,
        startMs: startedAt === undefined ? undefined : startedAt - t0,
        durationMs: startedAt === undefined ? 0 : now - startedAt,
      };
      outcomes[i] = outcome;
      settledCount++;
      if (!executed) summary.skipped++;
      else if (isSuccess(result.status)) summary.succeeded++;
      else summary.failed++;
      settledQueue.push(i);
      try {
        options.onOutcome?.(outcome);
      } catch {
        // An observer's failure must not change the batch.
      }
      if (readByReference !== undefined && readByReference[i] === 0) {
        outcomes[i] = { ...outcome, headers: NO_HEADERS, body: NO_BODY };
      }
    }

    /** Propagates each settled item to its dependents, iteratively (chains may be thousands long). */
    function drain(): void {
      while (settledQueue.length > 0) {
        const i = settledQueue.pop()!;
        const outcome = outcomes[i]!;
        const ok = isSuccess(outcome.status);
        if (!ok && stopOnError && halted === undefined) {
          halted = 'onError is "stop" and an earlier request failed';
          skipUnstarted(halted);
        }
        for (const d of dependents[i]!) {
          if (outcomes[d] !== undefined) continue;
          if (!ok) settle(d, dependencyFailed(outcome.id, outcome.status, outcome.executed), false);
          else if (--waiting[d]! === 0) ready.push(d);
        }
      }
    }

    function skipUnstarted(reason: string): void {
      for (let i = 0; i < total; i++) {
        if (outcomes[i] === undefined && started[i] === 0) settle(i, skipped(reason), false);
      }
    }

    function start(i: number): void {
      let resolved: ReturnType<typeof resolveRequest>;
      try {
        resolved = resolveRequest(
          requests[i]!,
          i,
          options.inheritedHeaders,
          viewOf,
          options.maxResolvedBytes,
        );
      } catch {
        resolved = handlerError('The request could not be prepared for dispatch.');
      }
      if (!('method' in resolved)) {
        settle(i, resolved, false);
        return;
      }
      const state = newRunning(performance.now());
      running[i] = state;
      started[i] = 1;
      inFlight++;
      timeoutOrder.push(i);
      armSweep();
      try {
        options.onStart?.(resolved);
      } catch {
        // Observers never change the batch.
      }
      let answer: Promise<InnerResult> | InnerResult;
      try {
        answer = dispatch(resolved, state);
      } catch {
        answer = handlerError();
      }
      if (isPromiseLike(answer)) {
        Promise.resolve(answer).then(
          (result) => complete(i, result),
          () => complete(i, handlerError()),
        );
      } else {
        // Answered at once: no promise or microtask. It is settled once this round of starts is
        // over, so requests ready together start together whether their handlers are sync or not.
        answeredIndex.push(i);
        answeredResult.push(answer);
      }
    }

    function settleAnswered(): void {
      for (let k = 0; k < answeredIndex.length; k++) {
        const i = answeredIndex[k]!;
        const state = release(i);
        if (state === undefined) continue;
        state.listeners = undefined;
        settle(i, answeredResult[k]!, true, state.startedAt);
      }
      answeredIndex.length = 0;
      answeredResult.length = 0;
    }

    function release(i: number): Running | undefined {
      const state = running[i];
      if (state === undefined || outcomes[i] !== undefined) return undefined;
      // Dropped at once: a finished item's request and response objects must not live as long as the batch.
      running[i] = undefined;
      inFlight--;
      return state;
    }

    function complete(i: number, result: InnerResult): void {
      const state = release(i);
      if (state === undefined) return;
      // The listeners close over the dispatcher's request objects; V8 may have placed this small
      // record in old space, where a stale link would keep all of them alive through young GCs.
      state.listeners = undefined;
      state.controller = undefined;
      settle(i, result, true, state.startedAt);
      step();
    }

    function cancel(i: number, reason: CancelReason): void {
      const state = release(i);
      if (state === undefined) return;
      settle(i, cancelledResult(reason, options.limits), true, state.startedAt);
      notifyCancel(state, reason);
    }

    /**
     * One timer per batch instead of one per item: items share `requestTimeoutMs` and start in
     * order, so the oldest running item is always the next to time out.
     */
    function armSweep(): void {
      if (sweepTimer !== undefined) return;
      while (timeoutHead < timeoutOrder.length && running[timeoutOrder[timeoutHead]!] === undefined)
        timeoutHead++;
      if (timeoutHead >= timeoutOrder.length) return;
      const oldest = running[timeoutOrder[timeoutHead]!]!;
      const due = oldest.startedAt + requestTimeoutMs - performance.now();
      sweepTimer = setTimeout(sweep, Math.max(1, Math.ceil(due)));
    }

    function sweep(): void {
      sweepTimer = undefined;
      const now = performance.now();
      while (timeoutHead < timeoutOrder.length) {
        const i = timeoutOrder[timeoutHead]!;
        const state = running[i];
        if (state !== undefined && state.startedAt + requestTimeoutMs > now) break;
        timeoutHead++;
        if (state !== undefined) cancel(i, 'timeout');
      }
      step();
      armSweep();
    }

    function halt(reason: 'deadline' | 'disconnect'): void {
      if (finished) return;
      disconnected ||= reason === 'disconnect';
      halted = reason === 'deadline' ? 'the batch deadline passed' : 'the client disconnected';
      for (let i = 0; i < total; i++) if (running[i] !== undefined) cancel(i, reason);
      skipUnstarted(halted);
      step();
    }

    /** Resumes scheduling from the event loop, so streamed lines flush and other clients get a turn. */
    function resume(): void {
      resumeScheduled = false;
      sliceStart = performance.now();
      step();
    }

    function canStart(): boolean {
      return (
        !resumeScheduled && halted === undefined && inFlight < maxConcurrency && readyHead < ready.length
      );
    }

    /** Starts ready requests while the concurrency bound allows and the time slice lasts. */
    function startReady(): void {
      while (canStart()) {
        if (flow?.paused()) {
          // The answer's consumer is behind: what is running finishes, nothing new starts.
          resumeScheduled = true;
          flow.onResume(resume);
          return;
        }
        // Dispatchers that answer synchronously never let the event loop turn; yield every slice.
        if (++startsInSlice >= 32) {
          startsInSlice = 0;
          if (performance.now() - sliceStart > SLICE_MS) {
            resumeScheduled = true;
            setImmediate(resume);
            return;
          }
        }
        const i = ready[readyHead++]!;
        if (outcomes[i] === undefined) start(i);
        drain();
      }
    }

    function step(): void {
      drain();
      do {
        startReady();
        settleAnswered();
        drain();
      } while (canStart());
      if (settledCount === total && !finished) {
        finished = true;
        clearTimeout(deadline);
        if (sweepTimer !== undefined) clearTimeout(sweepTimer);
        options.signal?.removeEventListener('abort', onDisconnect);
        resolve({
          items: outcomes as ItemOutcome[],
          summary,
          durationMs: performance.now() - t0,
          disconnected,
        });
      }
    }

    step();
  });
}
