// Verdicts on surviving mutants, read by triage.mjs. A rule matches by file suffix and, optionally,
// a line range, mutator names, a pattern over the replacement and one over the source line. `equivalent`: no conformant
// server can tell the mutant from the original through the protocol (or the suite deliberately
// tolerates the difference, said in the reason). `gap`: a real difference no case catches yet.
// `killed`: killed by a case added after the committed run (checked by hand against the mutant).

/** @type {readonly { file: string, lines?: [number, number], mutators?: string[], replacement?: RegExp, match?: RegExp, verdict: 'equivalent' | 'gap' | 'killed', reason: string }[]} */
export const RULES = [
  {
    file: 'engine/slicer.ts',
    verdict: 'equivalent',
    reason:
      'time slicing only decides when the engine yields the event loop to other connections; every answer is the same whether it yields after each start or never',
  },
  {
    file: 'parse/url-rules.ts',
    lines: [14, 22],
    verdict: 'equivalent',
    reason: 'describe() only words the problem detail (free prose)',
  },
  {
    file: 'parse/url-rules.ts',
    lines: [8, 8],
    verdict: 'equivalent',
    reason: 'PATH_CHAR is tested against one character at a time: dropping an anchor changes nothing',
  },
  {
    file: 'parse/url-rules.ts',
    lines: [47, 47],
    mutators: ['Regex'],
    verdict: 'equivalent',
    reason: 'the tested string is at most two characters long: dropping an anchor changes nothing',
  },
  {
    file: 'parse/url-rules.ts',
    lines: [31, 31],
    mutators: ['ConditionalExpression'],
    match: /PLAIN_URL\.test/,
    verdict: 'equivalent',
    reason: 'skipping the fast path: the full check decides every plain url the same way',
  },
  {
    file: 'parse/url-rules.ts',
    lines: [52, 52],
    mutators: ['EqualityOperator'],
    verdict: 'equivalent',
    reason: 'i <= pathEnd: at pathEnd stands the "?", never a "%"',
  },
  {
    file: 'parse/url-rules.ts',
    lines: [34, 34],
    verdict: 'equivalent',
    reason:
      'only the "/\\\\" half of the test: a backslash is refused anyway, as url.character, which url.backslash-authority deliberately accepts beside url.form (req-url-3)',
  },
  {
    file: 'parse/depth.ts',
    lines: [9, 11],
    verdict: 'killed',
    reason:
      'limits.rule-codes asserts the pointer of the too-deep member (mutant at line 11 run by hand: the case fails)',
  },
  {
    file: 'parse/depth.ts',
    lines: [23, 23],
    verdict: 'equivalent',
    reason:
      'only the root can be a primitive here (children are pushed only when they are containers); walking a primitive root finds nothing',
  },
  {
    file: 'parse/depth.ts',
    lines: [25, 25],
    verdict: 'equivalent',
    reason:
      'walking an array by Object.keys gives the same children and the same pointer ("0" and 0 print alike)',
  },
  {
    file: 'parse/depth.ts',
    lines: [26, 36],
    mutators: ['ArithmeticOperator', 'ConditionalExpression', 'LogicalOperator'],
    verdict: 'equivalent',
    reason:
      'starting one index past the end reads undefined, and a primitive pushed as a frame is skipped when popped, before the depth test',
  },
  {
    file: 'engine/timeout-sweep.ts',
    lines: [46, 51],
    mutators: ['ConditionalExpression', 'EqualityOperator', 'MethodExpression'],
    match: /cancel !== undefined|Math\.max/,
    verdict: 'equivalent',
    reason:
      'arming an extra timer or one every millisecond sweeps more often; each sweep expires only what is due, so the answers are the same',
  },
  {
    file: 'engine/timeout-sweep.ts',
    verdict: 'gap',
    reason:
      'harness: the committed run set batchTimeoutMs 1500 next to requestTimeoutMs 1000, so a request timeout that fired late or never was hidden by the batch timeout (both 504; fixed in fa42979, rerun pending); and no case starts two timed requests at different moments',
  },
  {
    file: 'core/options.ts',
    verdict: 'gap',
    reason:
      'harness: the committed run built the endpoint at module load, before Stryker switched the mutant on, so option resolution never ran mutated; fixed in fdf520d (endpoint built inside each case), rerun pending',
  },
  {
    file: 'parse/parse-batch.ts',
    lines: [62, 81],
    mutators: ['ArrayDeclaration', 'ObjectLiteral', 'StringLiteral'],
    verdict: 'killed',
    reason:
      'limits.rule-codes asserts the errors entry (rule and pointer) of the maxJsonDepth and maxRequests refusals',
  },
  {
    file: 'core/envelope.ts',
    lines: [15, 18],
    verdict: 'killed',
    reason:
      'limits.rule-codes asserts the errors entry { pointer: "", rule: "limit.maxBodyBytes" } of the 413',
  },
  {
    file: 'parse/parse-batch.ts',
    lines: [54, 55],
    verdict: 'gap',
    reason:
      'harness: the in-process endpoint keeps the default maxRequests and maxJsonDepth, where the default and the option are the same number',
  },
  {
    file: 'parse/parse-batch.ts',
    lines: [106, 106],
    verdict: 'gap',
    reason:
      'harness: only a server without onError "stop" takes this branch; the reference supports it (stop.rejected-without-feature is skipped)',
  },
  {
    file: 'parse/parse-batch.ts',
    lines: [115, 119],
    verdict: 'equivalent',
    reason:
      'atomicity: false && false is false; a truthy first "referencing" flag only keeps one more answer for references',
  },
  {
    file: 'core/envelope.ts',
    lines: [9, 9],
    verdict: 'gap',
    reason:
      'no case sends an envelope that is not valid UTF-8 (a non-fatal decoder turns it into U+FFFD and may accept it)',
  },
  {
    file: 'core/envelope.ts',
    lines: [60, 61],
    verdict: 'gap',
    reason: 'no case sends a Content-Encoding (415)',
  },
  {
    file: 'core/envelope.ts',
    lines: [40, 40],
    verdict: 'gap',
    reason: 'no case sends a body of exactly maxBodyBytes, nor an oversized one without Content-Length',
  },
  {
    file: 'core/envelope.ts',
    lines: [72, 73],
    mutators: ['EqualityOperator'],
    verdict: 'gap',
    reason: 'no case declares a Content-Length of exactly maxBodyBytes',
  },
  {
    file: 'core/envelope.ts',
    lines: [72, 73],
    verdict: 'equivalent',
    reason:
      'the bytes read are measured anyway: skipping the early refusal from Content-Length answers the same 413 after reading',
  },
  {
    file: 'core/envelope.ts',
    lines: [50, 86],
    verdict: 'gap',
    reason:
      'harness: the fetch host always hands bytes and string headers; text bodies from host parsers and array header values come only from other hosts',
  },
  {
    file: 'core/answer-budget.ts',
    lines: [13, 39],
    verdict: 'gap',
    reason:
      'harness: limits.max-item-response-bytes was skipped in the committed run (default 4 MiB is above /bytes/{n}); the harness sets 64 KiB since f71f09f, rerun pending',
  },
  {
    file: 'core/answer-budget.ts',
    lines: [60, 114],
    verdict: 'gap',
    reason:
      'no case checks the summary counts after entries are replaced by response-too-large, nor the exact budget (max-response-bytes allows one more entry of slack)',
  },
  {
    file: 'core/post.ts',
    lines: [61, 61],
    verdict: 'equivalent',
    reason: 'Server-Timing values are diagnostics, not protocol',
  },
  {
    file: 'core/post.ts',
    match: /Server-Timing|performance\.now|scheduler|onStart|trace|onInnerRequest|onInnerResponse|logger/,
    verdict: 'equivalent',
    reason:
      'Server-Timing, the scheduler default and the host hooks, observers and logger: diagnostics and host wiring, not protocol',
  },
  {
    file: 'core/post.ts',
    lines: [135, 143],
    verdict: 'gap',
    reason:
      'harness: exec.disconnect cannot run in-process (the client cannot drop a connection it does not have)',
  },
  {
    file: 'core/post.ts',
    lines: [43, 47],
    verdict: 'gap',
    reason: 'no case negotiates NDJSON through a list of media ranges or refuses it with q=0',
  },
  {
    file: 'core/post.ts',
    lines: [55, 56],
    verdict: 'gap',
    reason: 'harness: the fetch host hands string headers; array values come only from node hosts',
  },
  {
    file: 'core/post.ts',
    lines: [80, 80],
    verdict: 'gap',
    reason: 'no case checks Connection: close on a 413 (the unread rest of a large body)',
  },
  {
    file: 'engine/resolve-request.ts',
    lines: [67, 86],
    mutators: ['ConditionalExpression'],
    match: /mayHoldReferences|scan\.ok\) return/,
    verdict: 'equivalent',
    reason: 'skipping a fast path (no token in the text): the scan finds no token and returns the same text',
  },
  {
    file: 'engine/resolve-request.ts',
    lines: [113, 113],
    verdict: 'equivalent',
    reason: 'substituting a body without tokens gives the same JSON text',
  },
  {
    file: 'engine/resolve-request.ts',
    lines: [143, 155],
    mutators: ['ConditionalExpression'],
    replacement: /^true$/,
    match: /!== request\.url|!== original/,
    verdict: 'equivalent',
    reason: 're-checking a url or header value that no reference changed: parseBatch already accepted it',
  },
  {
    file: 'engine/resolve-request.ts',
    lines: [33, 46],
    verdict: 'gap',
    reason:
      'no case inserts referenced values past the resolved-size budget (limit.resolvedSize, Appendix C)',
  },
  {
    file: 'engine/resolve-request.ts',
    lines: [128, 165],
    match: /state\.missing|at\(/,
    verdict: 'gap',
    reason:
      'no case checks which member (url, header or body) an unresolved-reference or invalid-resolved problem names',
  },
  {
    file: 'engine/resolve-request.ts',
    lines: [15, 15],
    verdict: 'gap',
    reason:
      'harness: fetch Headers ignore case, so an upper-case marker key is the same header there; node hosts would differ',
  },
  {
    file: 'parse/url-rules.ts',
    lines: [11, 12],
    verdict: 'gap',
    reason:
      'fast-path regexes: a loosened PLAIN_URL or DOT_SEGMENT lets a url skip the full check; no case sends a url made only of characters outside the class (e.g. "/é") or a dot segment the fast path alone would miss',
  },
  {
    file: 'parse/url-rules.ts',
    lines: [57, 57],
    verdict: 'gap',
    reason: 'no case puts "/.." in the query (allowed there; only the path has dot segments)',
  },
  {
    file: 'parse/dialect.ts',
    lines: [11, 15],
    verdict: 'gap',
    reason:
      'no case sends a method spelled with a non-ASCII letter ("optıons", dotless i), which upper-cases to OPTIONS',
  },
  {
    file: 'parse/dialect.ts',
    match: /isRecord\(|typeof request\.(method|url|id)/,
    verdict: 'equivalent',
    reason:
      'type guards before the schema check: a request that is not an object, or a field of the wrong type, is refused by the schema (400) either way',
  },
  {
    file: 'parse/dialect.ts',
    lines: [41, 41],
    verdict: 'equivalent',
    reason:
      'an empty url, or one beginning with a backslash, is refused by the schema or the url rules whether or not it is rewritten first',
  },
  {
    file: 'parse/dialect.ts',
    lines: [72, 72],
    verdict: 'equivalent',
    reason: 'copying a request whose method and url stay the same gives an equal envelope',
  },
  {
    file: 'engine/run-batch.ts',
    lines: [23, 26],
    verdict: 'equivalent',
    reason: 'the detail text of skipped entries (free prose)',
  },
  {
    file: 'engine/run-batch.ts',
    lines: [45, 49],
    verdict: 'equivalent',
    reason: 'the default scheduler is what the fetch host uses anyway; pre-sizing an array is only speed',
  },
  {
    file: 'engine/run-batch.ts',
    lines: [72, 72],
    verdict: 'gap',
    reason:
      'harness: in the committed run the request timeout (1000 ms) answered the batch-timeout probe first; fa42979 gives each timeout probe its own limits, rerun pending',
  },
  {
    file: 'engine/run-batch.ts',
    match: /signal|onDisconnect/,
    verdict: 'gap',
    reason:
      'harness: exec.disconnect cannot run in-process (the client cannot drop a connection it does not have)',
  },
  {
    file: 'engine/run-batch.ts',
    lines: [124, 125],
    verdict: 'equivalent',
    reason: 'the onStart host hook, not set by the in-process endpoint and not protocol',
  },
  {
    file: 'engine/run-batch.ts',
    lines: [212, 219],
    verdict: 'gap',
    reason:
      'NDJSON backpressure (pausing when 32 lines are unread) and time slicing: no case reads a stream slowly',
  },
  {
    file: 'engine/run-batch.ts',
    lines: [244, 244],
    verdict: 'equivalent',
    reason: 'durationMs feeds Server-Timing only (diagnostics)',
  },
  {
    file: 'core/batch-path.ts',
    lines: [54, 54],
    verdict: 'equivalent',
    reason:
      'a url whose path is only known at run time never equals the endpoint key ("undefined" is no route)',
  },
  {
    file: 'core/batch-path.ts',
    verdict: 'gap',
    reason:
      'the up-front refusal (req-sec-4) is asserted for the plain spelling only (security.recursion-up-front); for the other spellings (case, encoding, repeated or trailing slashes, references) the recursion check accepts the per-item refusal by the inner-request marker, which still happens',
  },
  {
    file: 'engine/outcome-table.ts',
    lines: [46, 47],
    verdict: 'equivalent',
    reason: 'pre-sizing an array is only speed',
  },
  {
    file: 'engine/outcome-table.ts',
    lines: [65, 76],
    verdict: 'equivalent',
    reason: 'start and duration times and the onOutcome hook feed observers (the inspector), not the answer',
  },
  {
    file: 'engine/outcome-table.ts',
    lines: [80, 80],
    mutators: ['ConditionalExpression'],
    replacement: /^false$/,
    verdict: 'equivalent',
    reason: 'never dropping a streamed answer nobody references only costs memory',
  },
  {
    file: 'engine/outcome-table.ts',
    lines: [16, 81],
    match: /NO_BODY|readByReference|retainResults/,
    verdict: 'gap',
    reason:
      'no streamed (NDJSON) case uses references, so dropping the wrong answers after their line is written goes unseen',
  },
  {
    file: 'parse/request-rules.ts',
    lines: [79, 79],
    verdict: 'gap',
    reason:
      'harness: only a server without reference support takes this branch; the reference supports them (ref.rejected-without-feature is skipped)',
  },
  {
    file: 'parse/request-rules.ts',
    lines: [163, 163],
    verdict: 'equivalent',
    reason:
      'the order of the dependency indices only changes which waiting request is counted first; each starts when all its dependencies are done',
  },
  {
    file: 'parse/request-rules.ts',
    lines: [176, 179],
    verdict: 'gap',
    reason: 'no case puts a malformed or forward reference inside an array of a body',
  },
  {
    file: 'core/idempotent.ts',
    match: /TIMED_OUT|setTimeout|finally/,
    verdict: 'gap',
    reason:
      'a store that does not answer in time: the suite cannot slow a server store (req-idem-7 is excluded from the suite with that reason)',
  },
  {
    file: 'core/idempotent.ts',
    lines: [74, 74],
    verdict: 'gap',
    reason: 'no case sends a malformed Idempotency-Key',
  },
  {
    file: 'core/idempotent.ts',
    lines: [21, 21],
    verdict: 'gap',
    reason: 'harness: the fetch host hands string headers; array values come only from node hosts',
  },
  {
    file: 'engine/item-problems.ts',
    lines: [17, 18],
    verdict: 'equivalent',
    reason: 'detail text of a dependency-failed entry (free prose)',
  },
  {
    file: 'engine/item-problems.ts',
    lines: [87, 87],
    verdict: 'equivalent',
    reason: 'the default detail text of a handler-error entry (free prose)',
  },
  {
    file: 'engine/item-problems.ts',
    lines: [53, 57],
    verdict: 'gap',
    reason:
      'the ref.resolved-* cases check type and status of the item, not its problem type for headers nor its errors entry (pointer, rule)',
  },
  {
    file: 'engine/item-problems.ts',
    lines: [82, 113],
    verdict: 'gap',
    reason:
      'the timeout checks assert the 504, not the limit { name, value } the entry names (requestTimeoutMs or batchTimeoutMs)',
  },
  {
    file: 'engine/running.ts',
    lines: [35, 35],
    replacement: /<= 300/,
    verdict: 'gap',
    reason: 'no case has an inner 300 answer (a failure: its dependents must answer 424)',
  },
  {
    file: 'engine/running.ts',
    lines: [35, 35],
    verdict: 'equivalent',
    reason: 'no inner answer has a status below 200 (1xx are never final)',
  },
  {
    file: 'engine/running.ts',
    lines: [40, 40],
    verdict: 'gap',
    reason:
      'harness: the fetch host dispatches asynchronously only; a synchronous answer comes from the node hosts',
  },
  {
    file: 'engine/running.ts',
    lines: [45, 53],
    verdict: 'gap',
    reason:
      'whether a timed-out or abandoned handler is told to stop leaves no trace a suite can read (req-disconnect-2 is excluded with that reason)',
  },
  {
    file: 'core/ndjson.ts',
    lines: [28, 28],
    verdict: 'equivalent',
    reason: 'joining one queued line or several writes the same bytes',
  },
  {
    file: 'core/ndjson.ts',
    lines: [66, 66],
    mutators: ['EqualityOperator'],
    verdict: 'equivalent',
    reason: 'a high-water mark one line higher only changes memory',
  },
  {
    file: 'core/ndjson.ts',
    verdict: 'gap',
    reason: 'stream pull mechanics and backpressure: no case reads a stream slowly or stops reading it',
  },
  {
    file: 'engine/graph.ts',
    lines: [36, 39],
    verdict: 'gap',
    reason:
      'which answers are kept for references while streaming: no streamed (NDJSON) case uses references',
  },
  {
    file: 'engine/serialize.ts',
    lines: [22, 22],
    verdict: 'gap',
    reason: 'no case forbids an extra "index" member in a consolidated inner response',
  },
  {
    file: 'parse/header-rules.ts',
    lines: [7, 7],
    verdict: 'equivalent',
    reason: 'reading one past the end gives NaN, which no comparison accepts',
  },
  {
    file: 'engine/scheduler.ts',
    verdict: 'equivalent',
    reason: 'a timer that is not cancelled fires after its batch ended and finds nothing left to do',
  },
  {
    file: 'core/respond.ts',
    verdict: 'equivalent',
    reason: 'X-Accel-Buffering is advice to a proxy (nginx), not protocol',
  },
  {
    file: 'core/capabilities.ts',
    verdict: 'gap',
    reason:
      'harness: the in-process endpoint always has idempotency, so advertising it unconditionally is not seen',
  },
  {
    file: 'engine/run-batch.ts',
    lines: [68, 70],
    verdict: 'gap',
    reason:
      'harness: a request timeout that never fires was hidden by the batch timeout (both 504) in the committed run; fa42979 gives each timeout probe its own limits, rerun pending',
  },
];
