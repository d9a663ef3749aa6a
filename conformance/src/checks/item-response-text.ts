import { isObject } from '../match/json.js';
import { failVerdict, PASS } from '../run/verdict.js';
import { postBatch } from './batch-call.js';
import type { CheckContext, NamedCheck } from './check-context.js';
import { probeLimit } from './limit-probe.js';
import { tooLargeEntry } from './response-size.js';

/** Room left for the echo's own members (method, path, headers) and the envelope around the string. */
export const ECHO_ROOM = 4096;

/** The sizes the probe sends: `within` ASCII letters, and `over` two-byte characters (0 when it cannot). */
export function textProbeSizes(limits: {
  maxItemResponseBytes: number;
  maxBodyBytes: number;
  maxResponseBytes?: number | undefined;
}): { readonly within: number; readonly over: number } {
  const { maxItemResponseBytes: item, maxBodyBytes: body } = limits;
  const answer = limits.maxResponseBytes ?? Number.POSITIVE_INFINITY;
  const within = Math.min(Math.floor((item * 3) / 5), item - ECHO_ROOM, body - ECHO_ROOM, answer - ECHO_ROOM);
  // Over the limit in UTF-8 bytes, under it in characters: what a server counting code units misses.
  const over = Math.floor(item / 2) + 1;
  const fits = 2 * over + ECHO_ROOM <= body && 2 * over + ECHO_ROOM <= answer;
  return { within: Math.max(within, 0), over: fits ? over : 0 };
}

/** The string the echo sent back in `body.body.s`, if any. */
function echoedString(body: unknown): string | undefined {
  if (!isObject(body) || !isObject(body.body)) return undefined;
  return typeof body.body.s === 'string' ? body.body.s : undefined;
}

/** A JSON inner answer is measured in UTF-8 bytes: relayed whole within the limit, refused over it. */
export const maxItemResponseText: NamedCheck = {
  summary:
    'Sends POST {fixtures}/echo with the JSON body {"s": n ASCII letters} (n = 3/5 of maxItemResponseBytes, at most maxItemResponseBytes, maxBodyBytes and maxResponseBytes less 4 KiB) and, when maxBodyBytes and maxResponseBytes leave room, one with {"s": maxItemResponseBytes / 2 + 1 "é"} (over the limit in UTF-8 bytes, under it in characters); passes when the first answers 200 with all n letters back in body.s of the echo and the second 502 response-too-large with limit { name: "maxItemResponseBytes", value } (skipped when not advertised or n is below 1).',
  run: probeLimit(
    'maxItemResponseBytes',
    () => false,
    '',
    async (context: CheckContext, limit) => {
      const { maxBodyBytes, maxResponseBytes } = context.capabilities.limits;
      const sizes = textProbeSizes({ maxItemResponseBytes: limit, maxBodyBytes, maxResponseBytes });
      if (sizes.within < 1)
        return { kind: 'skip', reason: `maxItemResponseBytes ${limit} leaves no room for an echo` };
      const echo = (id: string, s: string) => ({
        id,
        method: 'POST',
        url: `${context.fixtures}/echo`,
        headers: { 'content-type': 'application/json' },
        body: { s },
      });
      const requests = [echo('within', 'a'.repeat(sizes.within))];
      if (sizes.over > 0) requests.push(echo('over', 'é'.repeat(sizes.over)));
      const call = await postBatch(context, { requests });
      if (!call.ok) return call.verdict;
      const within = call.byId('within');
      if (within?.status !== 200)
        return failVerdict(
          `the echo of ${sizes.within} letters (within maxItemResponseBytes ${limit}) answered ${within?.status}, not 200`,
          call.evidence,
        );
      if (echoedString(within.body)?.length !== sizes.within)
        return failVerdict(
          `the echo of ${sizes.within} letters did not come back whole in body.s`,
          call.evidence,
        );
      if (sizes.over === 0) return PASS;
      return tooLargeEntry(call.byId('over'), 'maxItemResponseBytes', limit, call.evidence);
    },
  ),
};
