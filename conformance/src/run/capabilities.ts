import { type Capabilities, DEFAULT_LIMITS, validateCapabilities } from '@batchwire/schema';
import { type Exchange, type ExchangeContext, send } from './exchange.js';
import { harnessError } from './harness-error.js';

/** What the runner assumes of a server whose capabilities document is invalid: default limits, no optional feature. */
export const FALLBACK_CAPABILITIES: Capabilities = {
  protocol: 'batchwire',
  versions: ['1'],
  limits: { ...DEFAULT_LIMITS },
  features: { references: false, onErrorStop: false, streaming: false, idempotency: false, atomicity: false },
};

/**
 * Reads the capabilities document first. An unreachable endpoint is a harness error (wrong url);
 * an invalid document is the server's fault, reported by the capabilities cases, and the run goes on
 * with {@link FALLBACK_CAPABILITIES}.
 */
export async function fetchCapabilities(
  context: ExchangeContext,
): Promise<{ capabilities: Capabilities; valid: boolean }> {
  const exchange = await getCapabilities(context);
  try {
    const result = validateCapabilities(JSON.parse(exchange.text));
    if (result.ok) return { capabilities: result.value, valid: true };
  } catch {
    // Not JSON: the capabilities cases report it.
  }
  return { capabilities: FALLBACK_CAPABILITIES, valid: false };
}

/** Sends `GET` to the batch endpoint; no answer at all is a harness error (wrong url). */
export async function getCapabilities(context: ExchangeContext): Promise<Exchange & { ok: true }> {
  const exchange = await send(
    {
      method: 'GET',
      url: context.batchUrl,
      headers: { accept: 'application/json', ...context.extraHeaders },
    },
    context,
  );
  if (!exchange.ok)
    throw harnessError(`cannot read the capabilities document at ${context.batchUrl}: ${exchange.error}`);
  return exchange;
}
