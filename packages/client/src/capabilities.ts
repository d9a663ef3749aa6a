import { type Capabilities, JSON_MEDIA_TYPE, validateCapabilities } from '@batchwire/schema';
import { failureOf, malformed, type Outcome, parseJson } from './answer.js';
import type { ClientContext } from './context.js';
import { batchError } from './errors.js';

/** Fetches and checks the capabilities document (`GET` on the batch endpoint). */
export async function fetchCapabilities(context: ClientContext): Promise<Outcome<Capabilities>> {
  let response: Response;
  try {
    response = await context.fetch(context.url, {
      method: 'GET',
      headers: { ...context.headers, Accept: JSON_MEDIA_TYPE },
    });
  } catch (cause) {
    return { ok: false, error: batchError({ kind: 'network', cause }) };
  }
  if (response.status !== 200) return failureOf(response);
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    return { ok: false, error: batchError({ kind: 'network', cause }) };
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return malformed(200, `the capabilities document is not JSON (${parsed.reason})`);
  const checked = validateCapabilities(parsed.value);
  if (!checked.ok) return malformed(200, 'the body is not a Batchwire capabilities document', checked.errors);
  return { ok: true, value: checked.value };
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
