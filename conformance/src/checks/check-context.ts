import type { Capabilities } from '@batchwire/schema';
import type { StepRequest } from '../case/step-request.js';
import type { Canary } from '../run/canary.js';
import type { Exchange, ExchangeContext } from '../run/exchange.js';
import type { Variables } from '../run/template.js';
import type { Verdict } from '../run/verdict.js';

/** What a named check can use: the server's capabilities, the variables and a way to send requests. */
export interface CheckContext {
  readonly capabilities: Capabilities;
  readonly vars: Variables;
  /** Fixture prefix, e.g. `/_conformance`. */
  readonly fixtures: string;
  /** A token unique to this case run, safe in a url path segment (counter names). */
  readonly run: string;
  /** Path of the batch endpoint, e.g. `/batch`. */
  readonly batchPath: string;
  readonly canary: Canary;
  readonly exchangeContext: ExchangeContext;
  /** Sends a step request (variables substituted) and returns the exchange. */
  readonly exchange: (request: StepRequest, signal?: AbortSignal) => Promise<Exchange>;
}

/** A rule written in code because case data cannot express it; its `summary` is documented in the README. */
export interface NamedCheck {
  /** What the check proves, in one sentence. */
  readonly summary: string;
  /** Runs the check; a thrown harness error reports the case as errored. */
  readonly run: (context: CheckContext, params: Readonly<Record<string, unknown>>) => Promise<Verdict>;
}
