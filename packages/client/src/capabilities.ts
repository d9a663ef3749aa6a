import type { Capabilities } from '@batchwire/schema';
import { failureOf, type Outcome, readChecked } from './answer.js';
import { checkCapabilities } from './check-answer.js';
import type { ClientContext } from './context.js';
import { JSON_MEDIA_TYPE } from './media.js';
import { exchange } from './transport.js';

/** Fetches and checks the capabilities document (`GET` on the batch endpoint). */
export async function fetchCapabilities(context: ClientContext): Promise<Outcome<Capabilities>> {
  return exchange<Capabilities>(
    context,
    { method: 'GET', headers: { ...context.headers, Accept: JSON_MEDIA_TYPE } },
    undefined,
    (response) =>
      response.status === 200
        ? readChecked(response, checkCapabilities, 'capabilities document')
        : failureOf(response),
  );
}

/** Reads the capabilities document once: later calls share the first successful answer; a failure is retried next time. */
export function cachedCapabilities(context: ClientContext): () => Promise<Outcome<Capabilities>> {
  let pending: Promise<Outcome<Capabilities>> | undefined;
  return () => {
    if (pending === undefined) {
      const attempt = fetchCapabilities(context);
      pending = attempt;
      void attempt.then((outcome) => {
        if (!outcome.ok && pending === attempt) pending = undefined;
      });
    }
    return pending;
  };
}
