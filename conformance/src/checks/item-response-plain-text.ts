import type { InnerResponse } from '@batchwire/schema';
import type { Evidence } from '../run/evidence.js';
import { failVerdict, PASS, type Verdict } from '../run/verdict.js';
import { postBatch } from './batch-call.js';
import type { NamedCheck } from './check-context.js';
import { probeLimit } from './limit-probe.js';
import { atItemLimit, tooLargeEntry } from './response-size.js';

/** Most bytes `GET {fixtures}/text/{n}` is asked for (req-fixture-8). */
export const MAX_FIXTURE_TEXT_BYTES = 16_777_216;

/** A failing verdict unless `entry` is a 200 carrying the `n` letters of `/text/{n}` as its string body. */
function wholeText(entry: InnerResponse | undefined, n: number, evidence: Evidence): Verdict {
  if (entry?.status !== 200) {
    // A server with fixtures of its own may lack the route added in 1.1.
    const hint =
      entry?.status === 404 ? ' (is the fixture route GET {prefix}/text/{n} of req-fixture-8 mounted?)' : '';
    return failVerdict(
      `the text body of exactly maxItemResponseBytes ${n} bytes answered ${entry?.status}, not 200${hint}`,
      evidence,
    );
  }
  if (typeof entry.body !== 'string' || entry.body.length !== n || /[^a]/.test(entry.body))
    return failVerdict(
      `the text body of exactly maxItemResponseBytes ${n} bytes did not come back whole as a string`,
      evidence,
    );
  return PASS;
}

/** A text body of exactly `maxItemResponseBytes` is relayed whole; one byte more answers 502. */
export const maxItemResponsePlainText: NamedCheck = {
  summary:
    'Sends GET {fixtures}/text/{maxItemResponseBytes} and GET {fixtures}/text/{maxItemResponseBytes + 1}; passes when the first answers 200 with all its letters as the string body (or, when maxResponseBytes leaves no room for it, 502 naming maxResponseBytes) and the second 502 response-too-large with limit { name: "maxItemResponseBytes", value } (skipped when not advertised or when limit + 1 is above 16 MiB).',
  run: probeLimit(
    'maxItemResponseBytes',
    // The probe asks for limit + 1 bytes.
    (limit) => limit >= MAX_FIXTURE_TEXT_BYTES,
    'is above what /text/{n} can answer',
    async (context, limit) => {
      const call = await postBatch(context, {
        requests: [
          { id: 'at', method: 'GET', url: `${context.fixtures}/text/${limit}` },
          { id: 'over', method: 'GET', url: `${context.fixtures}/text/${limit + 1}` },
        ],
      });
      if (!call.ok) return call.verdict;
      const at = atItemLimit(
        call.byId('at'),
        context.capabilities.limits.maxResponseBytes,
        call.evidence,
        (entry) => wholeText(entry, limit, call.evidence),
      );
      if (at.kind !== 'pass') return at;
      return tooLargeEntry(call.byId('over'), 'maxItemResponseBytes', limit, call.evidence);
    },
  ),
};
