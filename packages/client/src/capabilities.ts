import { type Capabilities, JSON_MEDIA_TYPE } from '@batchwire/schema';
import { failureOf, malformed, type Outcome, parseJson, textOf } from './answer.js';
import { checkCapabilities } from './check-answer.js';
import type { ClientContext } from './context.js';
import { exchange } from './transport.js';

/** Fetches and checks the capabilities document (`GET` on the batch endpoint). */
export async function fetchCapabilities(context: ClientContext): Promise<Outcome<Capabilities>> {
  return exchange<Capabilities>(
    context,
    { method: 'GET', headers: { ...context.headers, Accept: JSON_MEDIA_TYPE } },
    undefined,
    async (response) => {
      if (response.status !== 200) return failureOf(response);
      const text = await textOf(response);
      if (!text.ok) return text;
      const parsed = parseJson(text.value);
      if (!parsed.ok) return malformed(200, `the capabilities are not JSON (${parsed.reason})`);
      const checked = checkCapabilities(parsed.value);
      if (!checked.ok) return malformed(200, 'the body is not Batchwire capabilities', checked.errors);
      return { ok: true, value: checked.value };
    },
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
