import type { AllowedMethod, HeaderMap } from '@batchwire/schema';
import type { Handle } from './handle.js';

/** Options of one queued call. */
export interface CallOptions {
  /** The call's id; generated ("1", "2", ...) when left out. */
  readonly id?: string;
  /** Headers of this inner call (credentials belong on the client, not here). */
  readonly headers?: HeaderMap;
  /** Earlier calls of the same batch that must succeed (2xx) before this one runs. */
  readonly dependsOn?: readonly Handle<unknown>[];
}

/** A call described in full, for `batch.request(...)`. */
export interface CallSpec extends CallOptions {
  /** HTTP method (upper case). */
  readonly method: AllowedMethod;
  /** Path on the server, beginning with one `/`; may hold `ref(...)` tokens. */
  readonly url: string;
  /** Any JSON value (not on GET or HEAD); strings may hold `ref(...)` tokens. */
  readonly body?: unknown;
}
