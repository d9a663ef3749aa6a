import type { BatchLimits } from '@batchwire/schema';
import { responseTooLarge } from '../dispatch/too-large.js';
import { innerResponseJson, streamItemLine, summaryJson } from '../engine/serialize.js';
import type { BatchOutcome, ItemOutcome, ResponseBody, SummaryCounts } from '../engine/types.js';
import { utf8ByteLength } from '../idempotency/utf8-length.js';

/** Bytes kept free for the closing `],"summary":{...}}` (or the summary line) after the last entry. */
const SUMMARY_RESERVE = 160;

/** The answer-size limits the budget applies. */
export type AnswerLimits = Pick<BatchLimits, 'maxItemResponseBytes' | 'maxResponseBytes'>;

/** UTF-8 bytes of a string, measured only when its length alone cannot settle the comparison. */
function exceeds(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  // A UTF-16 code unit is at most 3 UTF-8 bytes.
  return text.length * 3 > maxBytes && utf8ByteLength(text) > maxBytes;
}

/**
 * Whether a body is over `maxItemResponseBytes` as the handler sent it. The dispatchers of this
 * package stop reading at the limit already; this catches any other dispatch (a fetch host, a
 * custom one) before its body reaches the answer.
 */
function bodyTooLarge(body: ResponseBody, maxBytes: number): boolean {
  switch (body.kind) {
    case 'none':
      return false;
    case 'jsonText':
    case 'text':
      return exceeds(body.text, maxBytes);
    case 'base64':
      return (
        Math.floor((body.data.length * 3) / 4) -
          (body.data.endsWith('==') ? 2 : body.data.endsWith('=') ? 1 : 0) >
        maxBytes
      );
    case 'json': {
      const text = JSON.stringify(body.value);
      return text !== undefined && exceeds(text, maxBytes);
    }
  }
}

/** An item answered 502 `response-too-large` instead, keeping its place, id and timing. */
function refused(item: ItemOutcome, limits: AnswerLimits, name: keyof AnswerLimits): ItemOutcome {
  return { ...item, ...responseTooLarge(name, limits[name]) };
}

/**
 * The budget of one answer ([req-limit-6], [req-limit-7]): entries are offered in the order they are
 * written (request order for JSON, completion order for NDJSON); one over `maxItemResponseBytes`, or
 * one that would take the answer past `maxResponseBytes`, is written as a 502 problem instead, and the
 * summary moves it from succeeded to failed. A refusal is always written, so the answer can pass the
 * budget only by refusals, each a few hundred bytes.
 */
export interface AnswerBudget {
  /** The text to write for `item` (its entry, or the refusal), `separator` bytes counted with it. */
  entry(item: ItemOutcome, render: (item: ItemOutcome) => string, separator?: number): string;
  /** The outcome answered for an item `entry` has decided: its refusal, or the item itself. */
  answered(item: ItemOutcome): ItemOutcome;
  /** The summary with every refused item counted as failed. */
  summary(summary: SummaryCounts): SummaryCounts;
  /** The outcome as answered: refused items replaced and the summary corrected (for logs, replays). */
  outcome(outcome: BatchOutcome): BatchOutcome;
}

/** Starts the budget of one answer, `opening` bytes (`{"responses":[`) already written. */
export function answerBudget(limits: AnswerLimits, opening = 0): AnswerBudget {
  // Exact UTF-8 bytes: native (Buffer.byteLength) where the runtime has it, cheap next to rendering.
  let used = opening + SUMMARY_RESERVE;
  let moved = 0;
  const refusals = new Map<number, ItemOutcome>();
  const summary = (counts: SummaryCounts): SummaryCounts =>
    moved === 0 ? counts : { ...counts, succeeded: counts.succeeded - moved, failed: counts.failed + moved };
  const fits = (text: string, separator: number): boolean => {
    const bytes = utf8ByteLength(text) + separator;
    if (used + bytes > limits.maxResponseBytes) return false;
    used += bytes;
    return true;
  };
  const refuse = (item: ItemOutcome, name: keyof AnswerLimits, render: (i: ItemOutcome) => string) => {
    if (item.executed && item.status >= 200 && item.status < 300) moved += 1;
    const replacement = refused(item, limits, name);
    refusals.set(item.index, replacement);
    const text = render(replacement);
    used += utf8ByteLength(text) + 1;
    return text;
  };
  return {
    entry(item, render, separator = 0) {
      if (bodyTooLarge(item.body, limits.maxItemResponseBytes))
        return refuse(item, 'maxItemResponseBytes', render);
      const text = render(item);
      return fits(text, separator) ? text : refuse(item, 'maxResponseBytes', render);
    },
    // Stryker disable next-line ArrowFunction,LogicalOperator: only feeds observers and logs; the answer text and the replayed outcome come from outcome()
    answered: (item) => refusals.get(item.index) ?? item,
    summary,
    outcome(outcome) {
      if (refusals.size === 0) return outcome;
      const items = outcome.items.map((item) => refusals.get(item.index) ?? item);
      return { ...outcome, items, summary: summary(outcome.summary) };
    },
  };
}

/** A consolidated JSON answer written as items settle, and the outcome it tells once complete. */
export interface ConsolidatedAnswer {
  /** A settled item; it and every later one already settled are written once all before them are. */
  offer(item: ItemOutcome): void;
  /** The complete answer (items never offered written now, in order) and the outcome it tells. */
  finish(outcome: BatchOutcome): { readonly text: string; readonly outcome: BatchOutcome };
}

/**
 * The consolidated JSON answer within the budget, entries decided in request order as soon as every
 * earlier item has settled, so `decided` hears each item's status as answered (a refusal is 502)
 * when it is known, not only at the end.
 */
export function consolidatedAnswer(
  limits: AnswerLimits,
  total: number,
  decided?: (item: ItemOutcome) => void,
): ConsolidatedAnswer {
  const opening = '{"responses":[';
  const budget = answerBudget(limits, opening.length);
  // Stryker disable next-line ArrayDeclaration: pre-sizing an array is only speed
  const waiting: (ItemOutcome | undefined)[] = new Array(total);
  let out = opening;
  let next = 0;
  const write = (item: ItemOutcome) => {
    out += next > 0 ? `,${budget.entry(item, innerResponseJson, 1)}` : budget.entry(item, innerResponseJson);
    next += 1;
    // Stryker disable next-line OptionalChaining: the handler always passes decided
    decided?.(budget.answered(item));
  };
  return {
    // Stryker disable next-line BlockStatement: offer only decides when observers hear of an entry; finish writes every entry not yet written, in order
    offer(item) {
      if (item.index !== next) {
        waiting[item.index] = item;
        return;
      }
      write(item);
      // Stryker disable next-line ConditionalExpression: held entries not flushed here are written by finish in the same order; only observer timing changes
      for (let held = waiting[next]; held !== undefined; held = waiting[next]) {
        waiting[next] = undefined;
        write(held);
      }
    },
    finish(outcome) {
      const items = outcome.items;
      // Stryker disable next-line ConditionalExpression: the engine offers every item before finish, so nothing is left to write
      while (next < items.length) write(waiting[next] ?? items[next]!);
      const answered = budget.outcome(outcome);
      return { text: `${out}],"summary":${summaryJson(answered.summary)}}`, outcome: answered };
    },
  };
}

/** The consolidated JSON answer within the budget, entries decided in request order, and the outcome it tells. */
export function boundedAnswer(
  outcome: BatchOutcome,
  limits: AnswerLimits,
): { readonly text: string; readonly outcome: BatchOutcome } {
  return consolidatedAnswer(limits, outcome.items.length).finish(outcome);
}

/** NDJSON lines within the budget, decided in the order they are written. */
export function boundedStreamLines(limits: AnswerLimits): {
  line(item: ItemOutcome): string;
  answered(item: ItemOutcome): ItemOutcome;
  summary(summary: SummaryCounts): SummaryCounts;
  outcome(outcome: BatchOutcome): BatchOutcome;
} {
  const budget = answerBudget(limits);
  return {
    line: (item) => budget.entry(item, streamItemLine),
    answered: budget.answered,
    summary: budget.summary,
    outcome: budget.outcome,
  };
}
