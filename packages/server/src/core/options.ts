import type { IncomingMessage } from 'node:http';
import {
  type BatchLimits,
  DEFAULT_LIMITS,
  FORBIDDEN_INNER_HEADERS,
  IDEMPOTENCY_KEY_HEADER,
  INHERITED_HEADERS,
  INNER_REQUEST_MARKER_HEADER,
  MIN_MAX_REQUESTS,
} from '@batchwire/schema';
import type { Dispatcher } from 'undici';
import type { Scheduler } from '../engine/scheduler.js';
import type { IdempotencyStore } from '../idempotency/store.js';
import type { BatchObserver } from '../observe/events.js';
import type { BatchLogger } from './logger.js';

/** What `onInnerRequest` is told before an inner request is dispatched. */
export interface InnerRequestEvent<Raw = IncomingMessage> {
  readonly index: number;
  readonly id: string;
  readonly method: string;
  /** The url after references were substituted, relative to the service root. */
  readonly url: string;
  /** The outer (batch) request, as the host gave it. */
  readonly outer: Raw;
}

/** What `onInnerResponse` is told once an inner request has its outcome. */
export interface InnerResponseEvent<Raw = IncomingMessage> {
  readonly index: number;
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly status: number;
  /** False when the request never ran (skipped, failed dependency, unresolved reference). */
  readonly executed: boolean;
  readonly durationMs: number;
  readonly outer: Raw;
}

/** Options of the idempotency capability. */
export interface IdempotencyOptions {
  /** How long a stored response is replayed (default 24 h); advertised as `idempotencyTtlMs`. */
  readonly ttlMs?: number;
  /** Most keys the default in-memory store keeps (default 10,000). */
  readonly maxEntries?: number;
  /** Most bytes of stored responses the default in-memory store keeps (default 64 MiB). */
  readonly maxBytes?: number;
  /** A shared store instead of the in-memory one. */
  readonly store?: IdempotencyStore;
}

/** Options of the protocol core and of every adapter; `Raw` is the host's request type. */
export interface BatchwireOptions<Raw = IncomingMessage> {
  /**
   * `in-process` (default without `upstream`): inner requests run through the host app.
   * `gateway` (default with `upstream`): they are forwarded over HTTP to `upstream`.
   */
  readonly mode?: 'in-process' | 'gateway';
  /** Gateway mode: forward inner requests over HTTP keep-alive to this origin instead of the host app. */
  readonly upstream?: string;
  /**
   * Gateway mode: an undici Dispatcher (Agent, ProxyAgent, a Pool with TLS options) to forward
   * through instead of the pool the gateway makes; the caller owns it and closes it.
   */
  readonly dispatcher?: Dispatcher;
  /** Limits advertised and enforced; anything left out takes the protocol default. */
  readonly limits?: Partial<BatchLimits>;
  /** More outer header names every inner request inherits (credentials and framing excluded). */
  readonly inheritHeaders?: readonly string[];
  /** Path prefix inner urls resolve under in the host app (default: the app root). */
  readonly servicePath?: string;
  /** Called before each inner request is dispatched (metrics, logging). */
  readonly onInnerRequest?: (event: InnerRequestEvent<Raw>) => void;
  /** Called once per inner request with its status as answered, in the order of observers' `onItemEnd`. */
  readonly onInnerResponse?: (event: InnerResponseEvent<Raw>) => void;
  /** Journals, metrics, logs: told about every batch and item, credentials masked (see BatchObserver). */
  readonly observers?: readonly BatchObserver[];
  /** Timers and yielding for the engine (default: `setTimeout` only; node:http adapters use `setImmediate`). */
  readonly scheduler?: Scheduler;
  /** A logger (pino fits): one line per batch with per-item timings, and inner handler errors. */
  readonly logger?: BatchLogger;
  /** The `Idempotency-Key` capability (on by default, in memory); `false` turns it off. */
  readonly idempotency?: false | IdempotencyOptions;
  /** Whether `Accept: application/x-ndjson` gets a streamed answer (default true). */
  readonly streaming?: boolean;
}

/** Where inner requests go, decided once from the options. */
export type ResolvedMode =
  | { readonly kind: 'in-process' }
  | {
      readonly kind: 'gateway';
      readonly upstream: string;
      readonly dispatcher: Dispatcher | undefined;
      /** Connections of the pool the gateway makes when no dispatcher is given. */
      readonly connections: number;
    };

/** The options with every default applied and every value checked. */
export interface BatchwireConfig {
  readonly mode: ResolvedMode;
  readonly limits: BatchLimits;
  readonly inherited: readonly string[];
  /** Inherited headers that identify the caller (idempotent replays are scoped by them). */
  readonly credentialHeaders: readonly string[];
  readonly servicePath: string;
  readonly streaming: boolean;
  readonly idempotency:
    | {
        readonly ttlMs: number;
        readonly maxEntries: number;
        readonly maxBytes: number;
        readonly store: IdempotencyStore | undefined;
      }
    | undefined;
  readonly observers: readonly BatchObserver[];
  readonly scheduler: Scheduler | undefined;
  readonly logger: BatchLogger | undefined;
}

// Stryker disable all: startup checks of the host's options, tested in options.test.ts: no request reaches them
const NEVER_INHERITED = new Set<string>([
  ...FORBIDDEN_INNER_HEADERS.filter((name) => name !== 'authorization' && name !== 'cookie'),
  'content-type',
  'content-encoding',
  'accept',
  INNER_REQUEST_MARKER_HEADER.toLowerCase(),
  IDEMPOTENCY_KEY_HEADER.toLowerCase(),
]);

function positiveInteger(name: string, value: number, minimum = 1): number {
  if (!Number.isInteger(value) || value < minimum)
    throw new TypeError(`batchwire: limits.${name} must be an integer >= ${minimum}, got ${value}`);
  return value;
}
// Stryker restore all

/** Applies defaults and checks the options; throws a TypeError at startup rather than misbehave later. */
export function resolveConfig<Raw>(options: BatchwireOptions<Raw>): BatchwireConfig {
  const merged = { ...DEFAULT_LIMITS, ...options.limits };
  // Stryker disable StringLiteral: a limit's name only words the startup error
  const limits: BatchLimits = {
    maxRequests: positiveInteger('maxRequests', merged.maxRequests, MIN_MAX_REQUESTS),
    maxBodyBytes: positiveInteger('maxBodyBytes', merged.maxBodyBytes),
    maxJsonDepth: positiveInteger('maxJsonDepth', merged.maxJsonDepth),
    maxConcurrency: positiveInteger('maxConcurrency', merged.maxConcurrency),
    requestTimeoutMs: positiveInteger('requestTimeoutMs', merged.requestTimeoutMs),
    batchTimeoutMs: positiveInteger('batchTimeoutMs', merged.batchTimeoutMs),
    maxItemResponseBytes: positiveInteger('maxItemResponseBytes', merged.maxItemResponseBytes),
    maxResponseBytes: positiveInteger('maxResponseBytes', merged.maxResponseBytes),
  };
  // Stryker restore StringLiteral
  // Stryker disable next-line all: startup checks of the host's options, tested in options.test.ts: no request reaches them
  if (limits.maxResponseBytes < limits.maxItemResponseBytes)
    throw new TypeError(
      `batchwire: limits.maxResponseBytes (${limits.maxResponseBytes}) must be at least limits.maxItemResponseBytes (${limits.maxItemResponseBytes})`,
    );
  const inherited = new Set<string>(INHERITED_HEADERS);
  // Stryker disable all: startup checks of the host's options, tested in options.test.ts: no request reaches them
  for (const name of options.inheritHeaders ?? []) {
    const lower = name.toLowerCase();
    if (NEVER_INHERITED.has(lower) || lower.startsWith('proxy-'))
      throw new TypeError(`batchwire: "${name}" can never be inherited by inner requests`);
    inherited.add(lower);
  }
  // Stryker restore all
  const servicePath = (options.servicePath ?? '').replace(/\/+$/, '');
  if (servicePath !== '' && !/^\/[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*$/.test(servicePath))
    throw new TypeError(
      `batchwire: servicePath must be a path beginning with "/", got "${options.servicePath}"`,
    );
  const idem = options.idempotency;
  return {
    mode: resolveMode(options, limits),
    limits,
    inherited: [...inherited],
    // The spec's correlation and language headers vary between retries; the rest may be credentials.
    credentialHeaders: [...inherited].filter((name) => name !== 'x-request-id' && name !== 'accept-language'),
    servicePath,
    streaming: options.streaming ?? true,
    idempotency:
      idem === false
        ? undefined
        : {
            // Stryker disable StringLiteral: an option's name only words the startup error
            ttlMs: positiveInteger('idempotency.ttlMs', idem?.ttlMs ?? 86_400_000),
            maxEntries: positiveInteger('idempotency.maxEntries', idem?.maxEntries ?? 10_000),
            maxBytes: positiveInteger('idempotency.maxBytes', idem?.maxBytes ?? 64 * 1_048_576),
            // Stryker restore StringLiteral
            store: idem?.store,
          },
    // Stryker disable next-line ArrayDeclaration: emit.ts calls an observer's hooks only where it has them
    observers: options.observers ?? [],
    scheduler: options.scheduler,
    logger: options.logger,
  };
}

// Stryker disable all: gateway mode forwards over HTTP, which the in-process suite run never opens (gateway tests in src/dispatch; the suite runs against a gateway over sockets in conformance's e2e tests)
function resolveMode<Raw>(options: BatchwireOptions<Raw>, limits: BatchLimits): ResolvedMode {
  const kind = options.mode ?? (options.upstream === undefined ? 'in-process' : 'gateway');
  if (kind === 'in-process') {
    if (options.upstream !== undefined || options.dispatcher !== undefined)
      throw new TypeError('batchwire: upstream and dispatcher apply to gateway mode only');
    return { kind };
  }
  if (kind !== 'gateway')
    throw new TypeError(`batchwire: mode must be "in-process" or "gateway", got "${kind}"`);
  if (options.upstream === undefined) throw new TypeError('batchwire: gateway mode needs an upstream');
  return {
    kind,
    upstream: options.upstream,
    dispatcher: options.dispatcher,
    connections: limits.maxConcurrency * 4,
  };
}
// Stryker restore all
