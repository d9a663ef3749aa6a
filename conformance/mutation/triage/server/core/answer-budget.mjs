// Verdicts on the surviving mutants of packages/server/src/core/answer-budget.ts, read by triage.mjs (format there).
/** @type {readonly import('../../../triage.mjs').Rule[]} */
export const RULES = [
  {
    file: 'core/answer-budget.ts',
    texts: [
      'Math.floor((body.data.length * 3) / 4) -',
      "(body.data.endsWith('==') ? 2 : body.data.endsWith('=') ? 1 : 0) >",
      'maxBytes',
    ],
    verdict: 'harness',
    reason:
      'miscounting the base64 padding by a byte shows only for a binary body of exactly maxItemResponseBytes whose length leaves padding; the fetch host refuses an oversized body while reading it, and limits.max-item-response-bytes kills the rest of this path behind the custom host',
  },
  {
    file: 'core/answer-budget.ts',
    texts: [
      'function exceeds(text: string, maxBytes: number): boolean {',
      'if (text.length > maxBytes) return true;',
      '// A UTF-16 code unit is at most 3 UTF-8 bytes.',
      'return text.length * 3 > maxBytes && utf8ByteLength(text) > maxBytes;',
      '* Whether a body is over `maxItemResponseBytes` as the handler sent it. The dispatchers of this',
      '* package stop reading at the limit already; this catches any other dispatch (a fetch host, a',
      '* custom one) before its body reaches the answer.',
      'function bodyTooLarge(body: ResponseBody, maxBytes: number): boolean {',
      'switch (body.kind) {',
      "case 'none':",
      'return false;',
      "case 'jsonText':",
      "case 'text':",
      'return exceeds(body.text, maxBytes);',
      "case 'base64':",
      'return (',
      "case 'json': {",
      'const text = JSON.stringify(body.value);',
      'return text !== undefined && exceeds(text, maxBytes);',
    ],
    verdict: 'gap',
    reason:
      'limits.max-item-response-text (added in this round; the incremental run measured it) kills the JSON-text path behind the custom host; what is left needs what no case has yet: an inner body of exactly maxItemResponseBytes as text (the >= variants), a text/* body over a third of the limit (the fixtures serve only a short /text), and a dispatch that hands parsed JSON values uncapped (the fetch host caps them while reading, the custom host hands JSON as text)',
  },
  {
    file: 'core/answer-budget.ts',
    texts: ['if (bodyTooLarge(item.body, limits.maxItemResponseBytes))'],
    verdict: 'harness',
    reason:
      'the fetch dispatcher refuses bodies over maxItemResponseBytes while reading them, so this second check never sees an oversized body',
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
    texts: ['answered: (item) => refusals.get(item.index) ?? item,'],
    verdict: 'equivalent',
    reason: 'answered only feeds observers and logs, never the answer',
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
