// Verdicts on the surviving mutants of packages/server/src/core/post.ts, read by triage.mjs (format there).
/** @type {readonly import('../../../triage.mjs').Rule[]} */
export const RULES = [
  {
    file: 'core/post.ts',
    texts: [
      "if (dispatch === undefined) throw new TypeError('batchwire: in-process mode needs a dispatch per request');",
    ],
    verdict: 'harness',
    reason: 'the fetch host always passes a dispatch',
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
    file: 'core/post.ts',
    texts: ['return !params.some((p) => /^\\s*q\\s*=\\s*0(?:\\.0*)?\\s*$/i.test(p));'],
    mutators: ['Regex'],
    verdict: 'unspecified',
    reason: 'only an unknown Accept parameter named like seq=0 tells them apart, which the spec leaves open',
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
];
