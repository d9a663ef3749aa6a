import { failVerdict, PASS } from '../run/verdict.js';
import { postBatch } from './batch-call.js';
import type { NamedCheck } from './check-context.js';

/** Ids that differ only in case or shape, to catch servers that sort or key responses by id. */
const ID_SETS = [
  ['z', 'b', 'Z', 'a', 'B', 'A'],
  ['10', '9', '1', '2', 'item.3', 'item-3'],
  ['last', 'first', 'x~y', 'x_y', 'X.Y', 'x-y'],
];
/** Delays that make the completion order the reverse of (or shuffled from) the request order. */
const DELAYS = [
  [150, 120, 90, 60, 30, 0],
  [0, 150, 30, 120, 60, 90],
  [90, 0, 150, 30, 120, 60],
];

/** Responses come back in request order whatever the completion order, over several shapes of batch. */
export const ordering: NamedCheck = {
  summary:
    'Sends three batches of six /delay requests whose completion order differs from the request order, with ids that sort differently than they are listed, and passes when every batch answers in request order.',
  async run(context) {
    const calls = await Promise.all(
      ID_SETS.map((ids, round) =>
        postBatch(context, {
          requests: ids.map((id, i) => ({
            id,
            method: 'GET',
            url: `${context.fixtures}/delay/${DELAYS[round]![i]}`,
          })),
        }),
      ),
    );
    for (const [round, call] of calls.entries()) {
      if (!call.ok) return call.verdict;
      const got = call.body.responses.map((r) => r.id);
      const want = ID_SETS[round]!;
      if (got.length !== want.length || got.some((id, i) => id !== want[i])) {
        return failVerdict(
          `responses came back as [${got.join(', ')}], not in request order [${want.join(', ')}]`,
          call.evidence,
        );
      }
    }
    return PASS;
  },
};
