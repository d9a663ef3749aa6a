// Verdicts on the surviving mutants of packages/server/src/engine, read by ../triage.mjs (format there).
/** @type {readonly import('../triage.mjs').Rule[]} */
export const RULES = [
  {
    file: 'engine/resolve-request.ts',
    texts: ["return typeof value === 'string' ? value.length : (JSON.stringify(value)?.length ?? 0);"],
    mutators: ['ConditionalExpression', 'StringLiteral'],
    verdict: 'harness',
    reason:
      'counting a string two characters too long shows only at exactly the resolved-size limit, and no case can build a value of exactly maxBodyBytes for any advertised limit',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ['if (state.budget < 0) {'],
    mutators: ['EqualityOperator'],
    verdict: 'harness',
    reason:
      'the resolved-size boundary itself: no case can build a value of exactly maxBodyBytes for any advertised limit',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ["return typeof value === 'string' ? value.length : (JSON.stringify(value)?.length ?? 0);"],
    mutators: ['OptionalChaining'],
    verdict: 'equivalent',
    reason: 'a JSON value always has JSON text',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ["if (state.overflow) return '';"],
    verdict: 'equivalent',
    reason:
      'after an overflow or a missing value the returned text is thrown away and the answer is 413 or 424 anyway',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ["return '';"],
    verdict: 'equivalent',
    reason:
      'after an overflow or a missing value the returned text is thrown away and the answer is 413 or 424 anyway',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ["return '';"],
    verdict: 'equivalent',
    reason:
      'after an overflow or a missing value the returned text is thrown away and the answer is 413 or 424 anyway',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ['const found = state.views(id)?.lookup(pointer);'],
    mutators: ['OptionalChaining'],
    verdict: 'equivalent',
    reason:
      'a reference implies a dependency, so the referenced response always exists and its lookup returns an object',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ['if (!found?.found) {'],
    mutators: ['OptionalChaining'],
    verdict: 'equivalent',
    reason:
      'a reference implies a dependency, so the referenced response always exists and its lookup returns an object',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ['if (!mayHoldReferences(text)) return text;'],
    verdict: 'equivalent',
    reason: 'skipping a fast path: the scan finds no token and returns the same text',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ['if (!mayHoldReferences(value)) return value;'],
    verdict: 'equivalent',
    reason: 'skipping a fast path: the scan finds no token and returns the same text',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ["if (!Object.hasOwn(request, 'body') || request.body === undefined) return { kind: 'none' };"],
    verdict: 'equivalent',
    reason: 'a JSON body is never undefined, and every dispatcher tests kind === "bytes"',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ["if (text.includes('${')) text = JSON.stringify(substituteBody(raw, state));"],
    verdict: 'equivalent',
    reason: 'substituting a body without tokens gives the same JSON text',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ['if (url !== request.url) {'],
    verdict: 'equivalent',
    reason: 're-checking a url that no reference changed: parseBatch already accepted it',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ['if (value !== original) {'],
    verdict: 'equivalent',
    reason: 're-checking a header value that no reference changed: parseBatch already accepted it',
  },
  {
    file: 'engine/response-view.ts',
    texts: ["case 'none':"],
    verdict: 'equivalent',
    reason: 'the switch falls through to undefined either way',
  },
  {
    file: 'engine/serialize.ts',
    texts: ["case 'none':"],
    verdict: 'equivalent',
    reason: 'the switch falls through to undefined either way',
  },
  {
    file: 'engine/response-view.ts',
    texts: ['return text === undefined ? undefined : JSON.parse(text);'],
    verdict: 'equivalent',
    reason: 'a JSON body is never undefined, and an undefined member disappears when serialised',
  },
  {
    file: 'engine/response-view.ts',
    texts: ['if (value !== undefined) document.body = value;'],
    verdict: 'equivalent',
    reason: 'a JSON body is never undefined, and an undefined member disappears when serialised',
  },
  {
    file: 'engine/response-view.ts',
    texts: ["const afterName = rest.length === 1 ? '' : tail.slice(tail.indexOf('/', 1));"],
    verdict: 'equivalent',
    reason: "a pointer into a header's string value finds nothing either way",
  },
  {
    file: 'engine/response-view.ts',
    texts: ['return { found: false };'],
    verdict: 'equivalent',
    reason: "a pointer into a header's string value finds nothing either way",
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ['if (!scan.ok) return text; // parseBatch already refused malformed tokens'],
    verdict: 'unreachable',
    reason: 'envelope validation already refuses a malformed token before anything runs',
  },
  {
    file: 'engine/response-view.ts',
    texts: ['if (segments === undefined) return { found: false };'],
    verdict: 'unreachable',
    reason:
      'envelope validation refuses a pointer that is not RFC 6901 (400 reference.syntax) before anything runs',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ['if (inherited) for (const name of Object.keys(inherited)) headers[name] = inherited[name]!;'],
    verdict: 'unreachable',
    reason: 'post.ts always passes a header record',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ["if (body.kind === 'bytes') headers['content-type'] = body.contentType;"],
    verdict: 'harness',
    reason:
      'the fetch dispatcher sets content-type itself; only the node:http inject dispatcher relies on this line',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ['const MARKER = INNER_REQUEST_MARKER_HEADER.toLowerCase();'],
    verdict: 'harness',
    reason:
      'fetch Headers ignore case, so an upper-case marker key is the same header there; node hosts would differ',
  },
  {
    file: 'engine/response-view.ts',
    texts: ["case 'jsonText':"],
    verdict: 'harness',
    reason: 'only the node:http in-process dispatcher produces jsonText',
  },
  {
    file: 'engine/serialize.ts',
    texts: ["case 'jsonText':"],
    verdict: 'harness',
    reason: 'only the node:http in-process dispatcher produces jsonText',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ['if (encoded === undefined) return undefined;'],
    verdict: 'unspecified',
    reason:
      'lone surrogates: RFC 8259 section 8.2 leaves them to the parser (Go turns them into U+FFFD), so no case can demand a 400',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ['if (url === undefined) {'],
    verdict: 'unspecified',
    reason:
      'lone surrogates: RFC 8259 section 8.2 leaves them to the parser (Go turns them into U+FFFD), so no case can demand a 400',
  },
  {
    file: 'engine/item-problems.ts',
    texts: ['limit: { name: limitName, value: limitMs },'],
    verdict: 'unspecified',
    reason: 'the problem table of section 14 names no limit member for timeout, so no case may demand one',
  },
  {
    file: 'engine/item-problems.ts',
    texts: ["if (reason === 'timeout') return timedOut('requestTimeoutMs', limits.requestTimeoutMs);"],
    verdict: 'unspecified',
    reason: 'the problem table of section 14 names no limit member for timeout, so no case may demand one',
  },
  {
    file: 'engine/item-problems.ts',
    texts: ["if (reason === 'deadline') return timedOut('batchTimeoutMs', limits.batchTimeoutMs);"],
    verdict: 'unspecified',
    reason: 'the problem table of section 14 names no limit member for timeout, so no case may demand one',
  },
  {
    file: 'engine/item-problems.ts',
    texts: ['? `finished with status ${dependencyStatus}`'],
    verdict: 'equivalent',
    reason: 'detail text of a dependency-failed entry (free prose)',
  },
  {
    file: 'engine/item-problems.ts',
    texts: [': `was not executed (status ${dependencyStatus})`;'],
    verdict: 'equivalent',
    reason: 'detail text of a dependency-failed entry (free prose)',
  },
  {
    file: 'engine/item-problems.ts',
    texts: ["export function handlerError(detail = 'The inner request handler failed.'): InnerResult {"],
    verdict: 'equivalent',
    reason: 'the default detail text of a handler-error entry (free prose)',
  },
  {
    file: 'engine/timeout-sweep.ts',
    texts: ['if (at !== undefined && at + timeoutMs > now) break;'],
    verdict: 'equivalent',
    reason: 'undefined + timeoutMs > now is already false, and an exact tie on a float timer never happens',
  },
  {
    file: 'engine/timeout-sweep.ts',
    texts: ['if (at !== undefined) hooks.expire(i);'],
    verdict: 'equivalent',
    reason: 'expiring an item that has finished does nothing',
  },
  {
    file: 'engine/timeout-sweep.ts',
    texts: [
      'function arm(): void {',
      'if (cancel !== undefined) return;',
      'while (head < order.length && hooks.startedAt(order[head]!) === undefined) head++;',
      'if (head >= order.length) return;',
      'const due = hooks.startedAt(order[head]!)! + timeoutMs - performance.now();',
    ],
    verdict: 'equivalent',
    reason: 'extra or early timer wake-ups only; each sweep expires only what is due',
  },
  {
    file: 'engine/running.ts',
    texts: [
      "value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function'",
    ],
    verdict: 'harness',
    reason:
      'the fetch host always dispatches asynchronously; a synchronous answer comes from the node:http hosts',
  },
  {
    file: 'engine/running.ts',
    texts: ['export function notifyCancel(state: Running, reason: CancelReason): void {'],
    verdict: 'unspecified',
    reason:
      'whether an abandoned handler is told to stop leaves no trace a suite can read (req-disconnect-2 is excluded with that reason)',
  },
  {
    file: 'engine/running.ts',
    texts: ['for (const listener of state.listeners ?? []) {'],
    verdict: 'unspecified',
    reason:
      'whether an abandoned handler is told to stop leaves no trace a suite can read (req-disconnect-2 is excluded with that reason)',
  },
  {
    file: 'engine/running.ts',
    texts: ['state.controller?.abort(reason);'],
    verdict: 'unspecified',
    reason:
      'whether an abandoned handler is told to stop leaves no trace a suite can read (req-disconnect-2 is excluded with that reason)',
  },
  {
    file: 'engine/running.ts',
    texts: ['export const isSuccess = (status: number) => status >= 200 && status < 300;'],
    verdict: 'equivalent',
    reason: 'no inner answer has a status below 200 (1xx are never final)',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['if (flow?.paused()) {'],
    verdict: 'unspecified',
    reason:
      'the spec sets no bound on how far a server runs ahead of an unread stream (memory, hidden by socket buffers); stream.slow-reader checks every line still arrives',
  },
  {
    file: 'engine/outcome-table.ts',
    texts: ['const readByReference = (options.retainResults ?? true) ? undefined : referencedItems(parsed);'],
    verdict: 'equivalent',
    reason: 'post.ts always passes a boolean retainResults',
  },
  {
    file: 'engine/outcome-table.ts',
    texts: ['if (outcomes[i] !== undefined) return;'],
    verdict: 'equivalent',
    reason: 'every caller settles only unsettled items',
  },
  {
    file: 'engine/outcome-table.ts',
    texts: ['if (readByReference !== undefined && readByReference[i] === 0) {'],
    verdict: 'equivalent',
    reason: 'keeping answers nobody references only costs memory',
  },
  {
    file: 'engine/outcome-table.ts',
    texts: ['const i = positions.get(id);'],
    verdict: 'equivalent',
    reason: 'keeping answers nobody references only costs memory',
  },
  {
    file: 'engine/outcome-table.ts',
    texts: ['if (i === undefined) return undefined;'],
    verdict: 'equivalent',
    reason: 'references name existing ids that are already-settled dependencies',
  },
  {
    file: 'engine/outcome-table.ts',
    texts: ['if (outcome === undefined) return undefined;'],
    verdict: 'equivalent',
    reason: 'references name existing ids that are already-settled dependencies',
  },
  {
    file: 'engine/outcome-table.ts',
    texts: ["const NO_BODY: ResponseBody = Object.freeze({ kind: 'none' });"],
    verdict: 'equivalent',
    reason: 'the dropped body of a written, unreferenced line is never read again',
  },
  {
    file: 'engine/graph.ts',
    texts: ['if (referencing) for (const d of parsed.dependencies[j] ?? []) marks[d] = 1;'],
    verdict: 'equivalent',
    reason: 'only keeps more answers in memory',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['let disconnected = false;'],
    verdict: 'equivalent',
    reason: 'disconnected only feeds logs and the trace',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ["disconnected ||= reason === 'disconnect';"],
    verdict: 'equivalent',
    reason: 'disconnected only feeds logs and the trace',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['const answeredIndex: number[] = [];'],
    verdict: 'equivalent',
    reason: 'a string index has no running state',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['const answeredResult: InnerResult[] = [];'],
    verdict: 'harness',
    reason: 'only matters when the dispatcher answers synchronously; fetchDispatch is always asynchronous',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['function settleAnswered(): void {'],
    verdict: 'harness',
    reason: 'only matters when the dispatcher answers synchronously; fetchDispatch is always asynchronous',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['for (let k = 0; k < answeredIndex.length; k++) {'],
    verdict: 'harness',
    reason: 'only matters when the dispatcher answers synchronously; fetchDispatch is always asynchronous',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['} while (canStart());'],
    verdict: 'harness',
    reason: 'only matters when the dispatcher answers synchronously; fetchDispatch is always asynchronous',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['if (isPromiseLike(answer)) {'],
    verdict: 'equivalent',
    reason: 'only changes timing',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['if (options.signal?.aborted) queueMicrotask(onDisconnect);'],
    verdict: 'equivalent',
    reason: 'every host passes a signal',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ["else options.signal?.addEventListener('abort', onDisconnect, { once: true });"],
    verdict: 'equivalent',
    reason: 'every host passes a signal; abort fires once; a halt after the end returns',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ["options.signal?.removeEventListener('abort', onDisconnect);"],
    verdict: 'equivalent',
    reason: 'every host passes a signal; resolving twice does nothing',
  },
  {
    file: 'engine/run-batch.ts',
    texts: [
      '/** Propagates each settled item to its dependents, iteratively (chains may be thousands long). */',
    ],
    verdict: 'equivalent',
    reason: "halt('') answers like a disconnect",
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['if (!ok && stopOnError && halted === undefined) {'],
    verdict: 'equivalent',
    reason: 'after a halt everything unstarted is already settled',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ["halted = 'stop';"],
    verdict: 'equivalent',
    reason: 'the halt reason only words the prose detail',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['if (outcomes[d] !== undefined) continue;'],
    verdict: 'equivalent',
    reason: 'guarded by settle and startReady',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['if (outcomes[i] === undefined) start(i);'],
    verdict: 'equivalent',
    reason: 'guarded by settle and startReady',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['for (let i = 0; i < total; i++) {'],
    verdict: 'equivalent',
    reason: 'index total is out of range',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['for (let i = 0; i < total; i++) if (running[i] !== undefined) cancel(i, reason);'],
    verdict: 'equivalent',
    reason: 'index total is out of range; the two guards cover each other',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['if (outcomes[i] === undefined && started[i] === 0) settle(i, skipped(detail), false);'],
    verdict: 'equivalent',
    reason: 'the outcomes[i] === undefined operand is guarded by settle',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['if (state === undefined || outcomes[i] !== undefined) return undefined;'],
    verdict: 'equivalent',
    reason: 'a released item always has its outcome set',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['if (state === undefined) return;'],
    verdict: 'equivalent',
    reason: 'the two guards cover each other',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['if (finished) return;'],
    verdict: 'equivalent',
    reason: 'nothing can halt after the end',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['finished = true;'],
    verdict: 'equivalent',
    reason: 'resolving twice does nothing',
  },
  {
    file: 'engine/run-batch.ts',
    texts: [
      '!resumeScheduled && halted === undefined && inFlight < maxConcurrency && readyHead < ready.length',
    ],
    verdict: 'equivalent',
    reason: 'after a halt nothing is left to start',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['if (slicer.shouldYield()) {'],
    verdict: 'equivalent',
    reason: 'with an asynchronous dispatcher it only adds event-loop turns',
  },
  {
    file: 'engine/graph.ts',
    texts: ['export function referencedItems(parsed: ParsedBatch): Uint8Array {'],
    verdict: 'equivalent',
    reason: 'without the marks nothing is dropped: a streamed batch only keeps more answers in memory',
  },
  {
    file: 'engine/item-problems.ts',
    texts: ["limit: { name: 'maxBodyBytes', value: maxBytes },"],
    verdict: 'gap',
    reason:
      'the section 14 table gives limit-exceeded the member limit: { name, value }; the ref.resolved-size-* cases check only status, type and rule, not limit = { name: "maxBodyBytes", value: <advertised> } on the 413 item (req-ref-13)',
  },
  {
    file: 'engine/item-problems.ts',
    texts: ['return problemResult({', "type: 'about:blank',"],
    mutators: ['ObjectLiteral', 'StringLiteral'],
    verdict: 'gap',
    reason:
      'the abandoned (503) entry of a disconnected batch is stored under its Idempotency-Key: a disconnect with a key, then the same request again, replays it; no case checks that the replayed entry is a problem with type, title and status (req-problem-2, req-idem-2)',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ["const onDisconnect = () => halt('disconnect');"],
    verdict: 'equivalent',
    reason:
      "halt('') skips the unstarted items like a disconnect; only the free-text detail and the logged flag differ, and the client is gone",
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['resumeScheduled = true;'],
    mutators: ['BooleanLiteral'],
    verdict: 'equivalent',
    reason:
      'not marking the yield only goes on starting in this turn (the slicer counter restarts) and calls step once more later; with an asynchronous dispatcher only timing changes',
  },
  {
    file: 'engine/timeout-sweep.ts',
    texts: ['const order: number[] = [];'],
    verdict: 'equivalent',
    reason: 'a string index has no running state, so sweep and arm skip it',
  },
  {
    file: 'engine/timeout-sweep.ts',
    texts: ['clear() {'],
    verdict: 'equivalent',
    reason: 'a timer left armed fires after the batch ended and finds nothing running; finished stops step',
  },
];
