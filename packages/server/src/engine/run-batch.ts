import type { ParsedBatch } from '@batchwire/schema';
import { buildGraph } from './graph.js';
import { cancelledResult, dependencyFailed, handlerError, skipped } from './item-problems.js';
import { outcomeTable } from './outcome-table.js';
import { resolveRequest } from './resolve-request.js';
import { isPromiseLike, isSuccess, newRunning, notifyCancel, type Running } from './running.js';
import { defaultScheduler } from './scheduler.js';
import { timeSlicer } from './slicer.js';
import { timeoutSweep } from './timeout-sweep.js';
import type {
  BatchOutcome,
  CancelReason,
  Dispatch,
  InnerResult,
  ItemOutcome,
  RunBatchOptions,
} from './types.js';

/** Why nothing new may start any more. */
export type Halt = 'stop' | 'deadline' | 'disconnect';

/** The skip detail of each halt, as unstarted items report it. */
// Stryker disable ObjectLiteral,StringLiteral: the detail text of skipped entries (free prose)
const HALT_DETAIL: Readonly<Record<Halt, string>> = {
  stop: 'onError is "stop" and an earlier request failed',
  deadline: 'the batch deadline passed',
  disconnect: 'the client disconnected',
};
// Stryker restore ObjectLiteral,StringLiteral

/**
 * Runs an accepted envelope: schedules the dependency graph with at most `maxConcurrency` items in
 * flight, resolves references, propagates 424 to dependents of failed items, applies
 * `onError: "stop"`, the per-request timeout (504), the batch deadline (unfinished 504, unstarted
 * 424), client disconnect and the consumer's backpressure (`flow`). Never rejects; outcomes come
 * back in request order. Timers come from `options.scheduler`, so it runs on any Web runtime.
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
  // Stryker disable next-line LogicalOperator: every host passes a scheduler, and the default one gives the same answers (only timing differs)
  const scheduler = options.scheduler ?? defaultScheduler;
  const flow = options.flow;
  const t0 = performance.now();

  // Stryker disable next-line ArrayDeclaration: pre-sizing an array is only speed
  const running: (Running | undefined)[] = new Array(total);
  const started = new Uint8Array(total);
  const { positions, waiting, dependents, ready } = buildGraph(parsed);
  const table = outcomeTable(parsed, positions, t0, options);
  const { outcomes, settledQueue } = table;
  const settle = table.settle;
  const viewOf = table.viewOf;
  let readyHead = 0;
  let inFlight = 0;
  let halted: Halt | undefined;
  // Stryker disable next-line BooleanLiteral: disconnected only feeds the trace and logs, not the answer
  let disconnected = false;

  return new Promise<BatchOutcome>((resolve) => {
    let finished = false;
    let resumeScheduled = false;
    const slicer = timeSlicer();
    // Stryker disable next-line ArrayDeclaration: a string index has no running state, so settleAnswered skips it
    const answeredIndex: number[] = [];
    const answeredResult: InnerResult[] = [];
    const sweep = timeoutSweep(requestTimeoutMs, scheduler, {
      startedAt: (i) => running[i]?.startedAt,
      expire: (i) => cancel(i, 'timeout'),
      after: () => step(),
    });
    const cancelDeadline = scheduler.setTimer(() => halt('deadline'), batchTimeoutMs);
    // Stryker disable next-line StringLiteral: halt('') skips the unstarted items like a disconnect; only the free-text detail and the logged flag differ, and the client is gone
    const onDisconnect = () => halt('disconnect');
    // Stryker disable OptionalChaining,ObjectLiteral,BooleanLiteral: every host passes a signal, and abort fires once; a late call of halt returns once the batch finished
    options.signal?.addEventListener('abort', onDisconnect, { once: true });
    // Stryker restore OptionalChaining,ObjectLiteral,BooleanLiteral

    /** Propagates each settled item to its dependents, iteratively (chains may be thousands long). */
    function drain(): void {
      while (settledQueue.length > 0) {
        const i = settledQueue.pop()!;
        const outcome = outcomes[i]!;
        const ok = isSuccess(outcome.status);
        if (!ok && stopOnError && halted === undefined) {
          // Stryker disable next-line StringLiteral: '' still marks the batch halted; only the free-text detail of skipped entries changes
          halted = 'stop';
          skipUnstarted(halted);
        }
        for (const d of dependents[i]!) {
          if (outcomes[d] !== undefined) continue;
          if (!ok) settle(d, dependencyFailed(outcome.id, outcome.status, outcome.executed), false);
          else if (--waiting[d]! === 0) ready.push(d);
        }
      }
    }

    function skipUnstarted(halt: Halt): void {
      const detail = HALT_DETAIL[halt];
      for (let i = 0; i < total; i++) {
        if (outcomes[i] === undefined && started[i] === 0) settle(i, skipped(detail), false);
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
      sweep.started(i);
      // Stryker disable next-line BlockStatement: the onStart host hook (observers), not protocol
      try {
        // Stryker disable next-line OptionalChaining: the onStart host hook (observers), not protocol; a throw is caught
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
      // Stryker disable next-line LogicalOperator: a released item (no running state) always has its outcome set, so either operand alone decides
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

    function halt(reason: 'deadline' | 'disconnect'): void {
      if (finished) return;
      // Stryker disable next-line AssignmentOperator,ConditionalExpression,EqualityOperator,StringLiteral: disconnected only feeds the trace and logs, not the answer
      disconnected ||= reason === 'disconnect';
      halted = reason;
      for (let i = 0; i < total; i++) if (running[i] !== undefined) cancel(i, reason);
      skipUnstarted(reason);
      step();
    }

    /** Resumes scheduling from the event loop, so streamed lines flush and other clients get a turn. */
    function resume(): void {
      resumeScheduled = false;
      slicer.reset();
      step();
    }

    function canStart(): boolean {
      return (
        !resumeScheduled && halted === undefined && inFlight < maxConcurrency && readyHead < ready.length
      );
    }

    /** Starts ready requests while the concurrency bound, the time slice and the consumer allow. */
    function startReady(): void {
      while (canStart()) {
        // Stryker disable next-line BlockStatement: the spec leaves this open: the spec sets no bound on how far a server runs ahead of an unread stream (memory, hidden by socket buffers); stream.slow-reader checks every line still arrives
        if (flow?.paused()) {
          // The answer's consumer is behind: what is running finishes, nothing new starts.
          resumeScheduled = true;
          flow.onResume(resume);
          return;
        }
        // Stryker disable next-line BlockStatement: with an asynchronous dispatcher it only adds event-loop turns
        if (slicer.shouldYield()) {
          resumeScheduled = true;
          scheduler.yieldTurn(resume);
          return;
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
      if (table.settledCount === total && !finished) {
        // Stryker disable next-line BooleanLiteral: nothing can halt after the end, and resolving twice does nothing
        finished = true;
        cancelDeadline();
        sweep.clear();
        // Stryker disable next-line OptionalChaining,StringLiteral: every host passes a signal; a listener left behind calls halt, which returns once the batch finished
        options.signal?.removeEventListener('abort', onDisconnect);
        resolve({
          items: outcomes as ItemOutcome[],
          summary: table.summary,
          // Stryker disable next-line ArithmeticOperator: durationMs feeds Server-Timing and logs only (diagnostics)
          durationMs: performance.now() - t0,
          disconnected,
        });
      }
    }

    // A client already gone (it left while the envelope was read or the store was asked) gets no
    // inner request started at all ([req-disconnect-1]), a synchronous first round included.
    // Stryker disable next-line OptionalChaining: every host passes a signal
    if (options.signal?.aborted) onDisconnect();
    else step();
  });
}
