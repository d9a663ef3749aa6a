/** The limits a server advertises in its capabilities document and enforces. */
export interface BatchLimits {
  /** Most inner requests in one envelope (at least 20). */
  readonly maxRequests: number;
  /** Most bytes in the outer request body. */
  readonly maxBodyBytes: number;
  /** Deepest JSON nesting of the whole envelope (objects and arrays). */
  readonly maxJsonDepth: number;
  /** Most inner requests running at once within one batch. */
  readonly maxConcurrency: number;
  /** Time one inner request may take before it answers 504. */
  readonly requestTimeoutMs: number;
  /** Time a whole batch may take before unfinished items answer 504 and unstarted ones 424. */
  readonly batchTimeoutMs: number;
  /** Most bytes of one inner response body a server relays; a larger one answers 502 `response-too-large`. */
  readonly maxItemResponseBytes: number;
  /** Most bytes of the consolidated answer; entries that would push it over answer 502 `response-too-large`. */
  readonly maxResponseBytes: number;
}

/** Limits a server uses when it is configured with none; `maxRequests` never goes below 20. */
export const DEFAULT_LIMITS: BatchLimits = Object.freeze({
  maxRequests: 100,
  maxBodyBytes: 1_048_576,
  maxJsonDepth: 64,
  maxConcurrency: 16,
  requestTimeoutMs: 10_000,
  batchTimeoutMs: 30_000,
  maxItemResponseBytes: 4_194_304,
  maxResponseBytes: 16_777_216,
});

/** The smallest `maxRequests` a conforming server may advertise. */
export const MIN_MAX_REQUESTS = 20;
