// Verdicts on the surviving mutants of packages/server/src/core, read by ../triage.mjs (format there).
/** @type {readonly import('../triage.mjs').Rule[]} */
export const RULES = [
  {
    file: 'core/answer-budget.ts',
    texts: [
      'function exceeds(text: string, maxBytes: number): boolean {',
      'if (text.length > maxBytes) return true;',
      '// A UTF-16 code unit is at most 3 UTF-8 bytes.',
      'return text.length * 3 > maxBytes && utf8ByteLength(text) > maxBytes;',
      '* Whether a body is over `maxItemResponseBytes` as the handler sent it. The dispatchers of this',
      '* package stop reading at the limit already; this catches any other dispatch (a fetch host, a',
      '* custom one) before its body reaches the answer.',
      'function bodyTooLarge(body: ResponseBody, maxBytes: number): boolean {',
      'switch (body.kind) {',
      "case 'none':",
      'return false;',
      "case 'jsonText':",
      "case 'text':",
      'return exceeds(body.text, maxBytes);',
      "case 'base64':",
      'return (',
      'Math.floor((body.data.length * 3) / 4) -',
      "(body.data.endsWith('==') ? 2 : body.data.endsWith('=') ? 1 : 0) >",
      'maxBytes',
      "case 'json': {",
      'const text = JSON.stringify(body.value);',
      'return text !== undefined && exceeds(text, maxBytes);',
    ],
    verdict: 'harness',
    reason:
      "the fetch dispatcher refuses bodies over maxItemResponseBytes while reading them, and the fixtures' JSON re-serialises to the same length, so this second check never sees an oversized body",
  },
  {
    file: 'core/answer-budget.ts',
    texts: ['if (bodyTooLarge(item.body, limits.maxItemResponseBytes))'],
    verdict: 'harness',
    reason:
      'the fetch dispatcher refuses bodies over maxItemResponseBytes while reading them, so this second check never sees an oversized body',
  },
  {
    file: 'core/answer-budget.ts',
    texts: [
      'moved === 0 ? counts : { ...counts, succeeded: counts.succeeded - moved, failed: counts.failed + moved };',
    ],
    verdict: 'equivalent',
    reason: 'when moved is 0 the correction changes nothing',
  },
  {
    file: 'core/answer-budget.ts',
    texts: ['const bytes = utf8ByteLength(text) + separator;'],
    verdict: 'equivalent',
    reason:
      'the 160-byte reserve is about 94 bytes more than the closing needs, so a few miscounted bytes never push the answer past the limit',
  },
  {
    file: 'core/answer-budget.ts',
    texts: ['if (used + bytes > limits.maxResponseBytes) return false;'],
    verdict: 'equivalent',
    reason:
      'the 160-byte reserve is about 94 bytes more than the closing needs, so a few miscounted bytes never push the answer past the limit',
  },
  {
    file: 'core/answer-budget.ts',
    texts: ['used += utf8ByteLength(text) + 1;'],
    verdict: 'equivalent',
    reason:
      'the 160-byte reserve is about 94 bytes more than the closing needs, so a few miscounted bytes never push the answer past the limit',
  },
  {
    file: 'core/answer-budget.ts',
    texts: ['if (item.executed && item.status >= 200 && item.status < 300) moved += 1;'],
    verdict: 'equivalent',
    reason: 'an item that never ran never has a 2xx status, and no final status is below 200',
  },
  {
    file: 'core/answer-budget.ts',
    texts: ['answered: (item) => refusals.get(item.index) ?? item,'],
    verdict: 'equivalent',
    reason: 'answered only feeds observers and logs, never the answer',
  },
  {
    file: 'core/answer-budget.ts',
    texts: ['if (refusals.size === 0) return outcome;'],
    verdict: 'equivalent',
    reason: 'with no refusals the rebuilt outcome is identical',
  },
  {
    file: 'core/answer-budget.ts',
    texts: [
      'const waiting: (ItemOutcome | undefined)[] = new Array(total);',
      'let out = opening;',
      'let next = 0;',
      'const write = (item: ItemOutcome) => {',
      'out += next > 0 ? `,${budget.entry(item, innerResponseJson, 1)}` : budget.entry(item, innerResponseJson);',
      'next += 1;',
      'decided?.(budget.answered(item));',
      'return {',
      'offer(item) {',
      'if (item.index !== next) {',
      'waiting[item.index] = item;',
      'return;',
      'write(item);',
      'for (let held = waiting[next]; held !== undefined; held = waiting[next]) {',
      'waiting[next] = undefined;',
      'write(held);',
      'finish(outcome) {',
      'const items = outcome.items;',
      'while (next < items.length) write(waiting[next] ?? items[next]!);',
    ],
    verdict: 'equivalent',
    reason:
      'only changes when observers hear about entries: the handler always passes decided, and the engine offers every item before finish',
  },
  {
    file: 'core/ndjson.ts',
    texts: ['settle(queue.length > 0 ? take() : { value: undefined, done: true });'],
    verdict: 'equivalent',
    reason: 'deliver() only runs right after a line was queued, so the queue is never empty there',
  },
  {
    file: 'core/ndjson.ts',
    texts: ['paused: () => queue.length >= highWater,'],
    verdict: 'unspecified',
    reason:
      'the spec sets no bound on how far a server runs ahead of an unread stream (memory, hidden by socket buffers); stream.slow-reader checks every line still arrives',
  },
  {
    file: 'core/ndjson.ts',
    texts: ['if (ended) return;'],
    verdict: 'equivalent',
    reason: 'lines queued after the consumer cancelled are never read',
  },
  {
    file: 'core/ndjson.ts',
    texts: ['if (ended) return;'],
    verdict: 'equivalent',
    reason: 'lines queued after the consumer cancelled are never read',
  },
  {
    file: 'core/ndjson.ts',
    texts: ["const chunk = queue.length === 1 ? queue[0]! : queue.join('');"],
    mutators: ['ConditionalExpression'],
    verdict: 'equivalent',
    reason:
      'joining one queued line or several writes the same bytes (the other mutants of this line are killed by stream.failed-dependency-lines)',
  },
  {
    file: 'core/envelope.ts',
    texts: ["return typeof value === 'string' || value === undefined ? value : value.join(', ');"],
    verdict: 'harness',
    reason:
      'the fetch host always hands bytes and string headers; text bodies from host parsers and array header values come only from other hosts',
  },
  {
    file: 'core/envelope.ts',
    texts: ["if (typeof body === 'string') {"],
    verdict: 'harness',
    reason:
      'the fetch host always hands bytes and string headers; text bodies from host parsers and array header values come only from other hosts',
  },
  {
    file: 'core/envelope.ts',
    texts: ['if (body instanceof Uint8Array) return parseBytes(body, maxBodyBytes);'],
    verdict: 'harness',
    reason:
      'the fetch host always hands bytes and string headers; text bodies from host parsers and array header values come only from other hosts',
  },
  {
    file: 'core/post.ts',
    texts: ["const text = typeof accept === 'string' ? accept : accept.join(',');"],
    verdict: 'harness',
    reason: 'the fetch host hands string headers; array values come only from node hosts',
  },
  {
    file: 'core/post.ts',
    texts: ["if (typeof value === 'string') out[name] = value;"],
    verdict: 'harness',
    reason: 'the fetch host hands string headers; array values come only from node hosts',
  },
  {
    file: 'core/post.ts',
    texts: ["else if (value !== undefined) out[name] = value.join(name === 'cookie' ? '; ' : ', ');"],
    verdict: 'harness',
    reason: 'the fetch host hands string headers; array values come only from node hosts',
  },
  {
    file: 'core/post.ts',
    texts: ["if (typeof contentType !== 'string' && contentType !== undefined)"],
    verdict: 'harness',
    reason: 'the fetch host hands string headers; array values come only from node hosts',
  },
  {
    file: 'core/idempotent.ts',
    texts: ["return typeof value === 'string' || value === undefined ? value : value.join(', ');"],
    verdict: 'harness',
    reason: 'the fetch host hands string headers; array values come only from node hosts',
  },
  {
    file: 'core/post.ts',
    texts: [
      "if (dispatch === undefined) throw new TypeError('batchwire: in-process mode needs a dispatch per request');",
    ],
    verdict: 'harness',
    reason: 'the fetch host always passes a dispatch',
  },
  {
    file: 'core/envelope.ts',
    texts: ['} catch {'],
    verdict: 'equivalent',
    reason: 'still 400 malformed-json; only the detail text changes',
  },
  {
    file: 'core/envelope.ts',
    texts: ["return { ok: false, problem: malformedJsonProblem('the body is not valid UTF-8') };"],
    verdict: 'equivalent',
    reason: 'still 400 malformed-json; only the detail text changes',
  },
  {
    file: 'core/envelope.ts',
    texts: ["if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {"],
    mutators: ['MethodExpression'],
    verdict: 'equivalent',
    reason: 'HTTP parsers already trim header values',
  },
  {
    file: 'core/envelope.ts',
    texts: [
      'if (Number.isFinite(declared) && declared > maxBodyBytes) return tooLarge(maxBodyBytes, declared);',
    ],
    verdict: 'equivalent',
    reason:
      'the bytes read are measured anyway: skipping the early refusal from Content-Length answers the same 413 after reading',
  },
  {
    file: 'core/post.ts',
    texts: [
      "if (!read.ok) return refuse(read.problem, read.problem.status === 413 ? { Connection: 'close' } : {});",
    ],
    mutators: ['ConditionalExpression'],
    verdict: 'equivalent',
    reason: 'closing the connection after a 400 or 415 is allowed by HTTP',
  },
  {
    file: 'core/post.ts',
    texts: ['await finish(run, outcome, run.claim === undefined ? undefined : batchResponseJson(outcome));'],
    verdict: 'equivalent',
    reason: 'the text is only stored when a key was claimed',
  },
  {
    file: 'core/post.ts',
    texts: ['retainResults: lines === undefined || run.claim !== undefined,'],
    verdict: 'equivalent',
    reason: 'the JSON path gathers its entries itself; keeping them is only memory',
  },
  {
    file: 'core/post.ts',
    texts: [
      'run.claim !== undefined &&',
      'store !== undefined &&',
      'config.idempotency !== undefined &&',
      'text !== undefined',
    ],
    verdict: 'equivalent',
    reason: 'with no claim, storing throws inside its try and only logs',
  },
  {
    file: 'core/idempotent.ts',
    texts: ['if (store === undefined || config.idempotency === undefined || raw === undefined)'],
    verdict: 'equivalent',
    reason: 'the store and config.idempotency are always set together',
  },
  {
    file: 'core/idempotent.ts',
    texts: ["return { kind: 'run', claim: undefined };"],
    verdict: 'equivalent',
    reason: 'handlePost only tests for refuse and replay',
  },
  {
    file: 'core/idempotent.ts',
    texts: ["return { kind: 'run', claim: { key: scoped, fingerprint } };"],
    verdict: 'equivalent',
    reason: 'handlePost only tests for refuse and replay',
  },
  {
    file: 'core/post.ts',
    texts: ['return !params.some((p) => /^\\s*q\\s*=\\s*0(?:\\.0*)?\\s*$/i.test(p));'],
    mutators: ['Regex'],
    verdict: 'unspecified',
    reason: 'only an unknown Accept parameter named like seq=0 tells them apart, which the spec leaves open',
  },
  {
    file: 'core/idempotent.ts',
    texts: ['if (answer === TIMED_OUT) {'],
    verdict: 'unreachable',
    reason:
      "a store that does not answer in time: the suite cannot slow a server's store (req-idem-7 is excluded from the suite with that reason)",
  },
  {
    file: 'core/idempotent.ts',
    texts: [
      'if (done === TIMED_OUT) throw new Error(`the store did not answer within ${STORE_WAIT_MS} ms`);',
    ],
    verdict: 'unreachable',
    reason:
      "a store that does not answer in time: the suite cannot slow a server's store (req-idem-7 is excluded from the suite with that reason)",
  },
  {
    file: 'core/idempotent.ts',
    texts: ['const expired = new Promise<typeof TIMED_OUT>((resolve) => {'],
    verdict: 'unreachable',
    reason:
      "a store that does not answer in time: the suite cannot slow a server's store (req-idem-7 is excluded from the suite with that reason)",
  },
  {
    file: 'core/idempotent.ts',
    texts: ['timer = setTimeout(() => resolve(TIMED_OUT), ms);'],
    verdict: 'unreachable',
    reason:
      "a store that does not answer in time: the suite cannot slow a server's store (req-idem-7 is excluded from the suite with that reason)",
  },
  {
    file: 'core/idempotent.ts',
    texts: ['} finally {'],
    verdict: 'unreachable',
    reason:
      "a store that does not answer in time: the suite cannot slow a server's store (req-idem-7 is excluded from the suite with that reason)",
  },
  {
    file: 'core/batch-path.ts',
    texts: ['if (path !== undefined && routeKey(servicePath + path) === endpoint) {'],
    verdict: 'equivalent',
    reason:
      'a url whose path is only known at run time never equals the endpoint key ("undefined" is no route)',
  },
  {
    file: 'core/batch-path.ts',
    texts: ['return decoded'],
    verdict: 'equivalent',
    reason:
      'both sides of the comparison go through routeKey, so folding to upper instead of lower case compares the same',
  },
  {
    file: 'core/batch-path.ts',
    texts: [".replace(/\\/+$/, '');"],
    verdict: 'equivalent',
    reason:
      'repeated slashes were collapsed on the line before, so one trailing slash is all that can be left',
  },
  {
    file: 'core/batch-path.ts',
    texts: ["if (!mayHoldReferences(url)) return url.split('?', 1)[0]!;"],
    verdict: 'equivalent',
    reason:
      "the fast path and the template scan give the same visible path for every url (a template's raw text can never equal the endpoint)",
  },
  {
    file: 'core/batch-path.ts',
    texts: ['if (!result.ok) return undefined;'],
    verdict: 'unreachable',
    reason: 'batchPathProblem runs only on an envelope parseBatch accepted, whose templates all scan',
  },
  {
    file: 'core/batch-path.ts',
    texts: [".join('')"],
    verdict: 'equivalent',
    reason:
      'a visible path joined with a separator still splits at the first "?" before the separator could matter',
  },
  {
    file: 'core/handler.ts',
    texts: ['maxEntries: config.idempotency.maxEntries,'],
    verdict: 'harness',
    reason:
      'the harness keeps the store sizes at their defaults, which memoryIdempotencyStore also defaults to',
  },
  {
    file: 'core/options.ts',
    texts: ['mode: resolveMode(options, limits),', 'limits,'],
    verdict: 'harness',
    reason:
      "the in-process harness sets no servicePath (the reference server's --service-path is tested over sockets in the conformance e2e tests)",
  },
  {
    file: 'core/capabilities.ts',
    texts: ['idempotency: config.idempotency !== undefined,'],
    verdict: 'gap',
    reason: 'killed by the lean endpoint since the run (check)',
  },
  {
    file: 'core/envelope.ts',
    texts: ["const decoder = new TextDecoder('utf-8', { fatal: true });"],
    verdict: 'harness',
    reason:
      "static mutant: the decoder is made at module load, before Stryker switches the mutant on, so the run never executes it (TextDecoder('') throws at load, which every case would show)",
  },
  {
    file: 'core/handler.ts',
    texts: ['memoryIdempotencyStore({'],
    verdict: 'harness',
    reason:
      'the harness keeps the store sizes at their defaults, which memoryIdempotencyStore also defaults to',
  },
  {
    file: 'core/options.ts',
    texts: ["const servicePath = (options.servicePath ?? '').replace(/\\/+$/, '');"],
    verdict: 'harness',
    reason:
      "the in-process harness sets no servicePath, so there is no trailing slash to strip (the reference server's --service-path is tested over sockets in the conformance e2e tests)",
  },
  {
    file: 'core/options.ts',
    texts: ["if (servicePath !== '' && !/^\\/[A-Za-z0-9\\-._~!$&'()*+,;=:@/%]*$/.test(servicePath))"],
    verdict: 'unreachable',
    reason: 'a startup check of the host option servicePath (options.test.ts): no request reaches it',
  },
  {
    file: 'core/post.ts',
    texts: ['if (req.endpointPath !== undefined) {'],
    verdict: 'equivalent',
    reason:
      'the fetch host always passes endpointPath; without one the key would be "undefined", which no inner url (always starting with "/") can equal',
  },
  {
    file: 'core/post.ts',
    texts: ['return jsonResponse(text, {'],
    verdict: 'unspecified',
    reason: 'only drops the Server-Timing header, which is diagnostics the spec does not mention',
  },
  {
    file: 'core/post.ts',
    texts: [
      "else run.req.signal.addEventListener('abort', onAbort, { once: true });",
      "run.req.signal.removeEventListener('abort', onAbort);",
    ],
    verdict: 'equivalent',
    reason:
      'an abort signal fires at most once, and an abort after the batch ended stops an engine that has nothing left to run',
  },
  {
    file: 'core/post.ts',
    texts: ['const answered = (item: ItemOutcome) => {', 'try {', 'return { started, answered };'],
    verdict: 'equivalent',
    reason:
      "the item hooks only feed observers, the trace and onInnerResponse (none in the harness, never the answer); a missing hook throws inside the engine's try around onOutcome, after the line is written",
  },
  {
    file: 'core/post.ts',
    texts: ['...(lines === undefined ? {} : { flow: lines.flow }),'],
    verdict: 'unspecified',
    reason:
      'without flow control the engine runs ahead of an unread stream: the spec sets no bound on that (memory, hidden by socket buffers); stream.slow-reader checks every line still arrives',
  },
  {
    file: 'core/batch-path.ts',
    texts: [".replace(/\\/{2,}/g, '/')"],
    verdict: 'gap',
    reason:
      'req-sec-4 names doubled separators: an envelope with url "/%2Fbatch" (or "//batch") must get 400 url.recursion up front; no case sends a doubled-slash spelling',
  },
  {
    file: 'core/batch-path.ts',
    texts: [".map((part) => (typeof part === 'string' ? part : '\\u0000'))"],
    mutators: ['ConditionalExpression'],
    verdict: 'equivalent',
    reason:
      'a reference part rendered as "[object Object]" never makes the visible path equal the endpoint, so the answer is the same',
  },
  {
    file: 'core/batch-path.ts',
    texts: [".map((part) => (typeof part === 'string' ? part : '\\u0000'))"],
    mutators: ['StringLiteral'],
    verdict: 'gap',
    reason:
      'a url naming the endpoint only with a reference removed, e.g. "{{batchPath}}{{a.body.x}}", must run (req-sec-5 refuses per item) but the mutant rejects the whole envelope with 400; no case sends one',
  },
];
