// Verdicts on the surviving mutants of packages/server/src/core/answer-budget.ts, read by triage.mjs (format there).
/** @type {readonly import('../../../triage.mjs').Rule[]} */
export const RULES = [
  {
    file: 'core/answer-budget.ts',
    texts: ['if (text.length > maxBytes) return true;'],
    verdict: 'equivalent',
    reason:
      'a text has at least as many UTF-8 bytes as UTF-16 units, so without this shortcut the next line decides the same (limits.max-item-response-plain-text kills the >= variant with a text body of exactly the limit)',
  },
  {
    file: 'core/answer-budget.ts',
    texts: ['return text.length * 3 > maxBytes && utf8ByteLength(text) > maxBytes;'],
    verdict: 'equivalent',
    reason:
      'the length test only spares measuring: a text of at most maxBytes / 3 units has at most maxBytes UTF-8 bytes, so dropping it or letting it pass at equality gives the same answer',
  },
  {
    file: 'core/answer-budget.ts',
    texts: ["case 'none':"],
    verdict: 'equivalent',
    reason:
      'a body of kind none that matches no case falls out of the switch as undefined, which the caller takes as not too large, as the case does',
  },
  {
    file: 'core/answer-budget.ts',
    texts: ['return text !== undefined && exceeds(text, maxBytes);'],
    verdict: 'harness',
    reason:
      "a dispatch may hand { kind: 'json', value: undefined } (the Dispatch type allows it), whose entry the original writes without a body and the mutant throws on; the custom host's JSON-values pass hands only parsed JSON, which JSON.stringify never turns into undefined",
  },
  {
    file: 'core/answer-budget.ts',
    texts: [
      'moved === 0 ? counts : { ...counts, succeeded: counts.succeeded - moved, failed: counts.failed + moved };',
    ],
    verdict: 'equivalent',
    reason: 'when moved is 0 the correction changes nothing',
  },
  {
    file: 'core/answer-budget.ts',
    texts: ['const bytes = utf8ByteLength(text) + separator;'],
    verdict: 'equivalent',
    reason:
      'the 160-byte reserve is about 94 bytes more than the closing needs, so a few miscounted bytes never push the answer past the limit',
  },
  {
    file: 'core/answer-budget.ts',
    texts: ['if (used + bytes > limits.maxResponseBytes) return false;'],
    verdict: 'equivalent',
    reason:
      'the 160-byte reserve is about 94 bytes more than the closing needs, so a few miscounted bytes never push the answer past the limit',
  },
  {
    file: 'core/answer-budget.ts',
    texts: ['used += utf8ByteLength(text) + 1;'],
    verdict: 'equivalent',
    reason:
      'the 160-byte reserve is about 94 bytes more than the closing needs, so a few miscounted bytes never push the answer past the limit',
  },
  {
    file: 'core/answer-budget.ts',
    texts: ['if (item.executed && item.status >= 200 && item.status < 300) moved += 1;'],
    verdict: 'equivalent',
    reason: 'an item that never ran never has a 2xx status, and no final status is below 200',
  },
  {
    file: 'core/answer-budget.ts',
    texts: ['if (refusals.size === 0) return outcome;'],
    verdict: 'equivalent',
    reason: 'with no refusals the rebuilt outcome is identical',
  },
  {
    file: 'core/answer-budget.ts',
    texts: [
      'const waiting: (ItemOutcome | undefined)[] = new Array(total);',
      'let out = opening;',
      'let next = 0;',
      'const write = (item: ItemOutcome) => {',
      'out += next > 0 ? `,${budget.entry(item, innerResponseJson, 1)}` : budget.entry(item, innerResponseJson);',
      'next += 1;',
      'decided?.(budget.answered(item));',
      'return {',
      'offer(item) {',
      'if (item.index !== next) {',
      'waiting[item.index] = item;',
      'return;',
      'write(item);',
      'for (let held = waiting[next]; held !== undefined; held = waiting[next]) {',
      'waiting[next] = undefined;',
      'write(held);',
      'finish(outcome) {',
      'const items = outcome.items;',
      'while (next < items.length) write(waiting[next] ?? items[next]!);',
    ],
    verdict: 'equivalent',
    reason:
      'only changes when observers hear about entries: the handler always passes decided, and the engine offers every item before finish',
  },
];
