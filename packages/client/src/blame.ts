import type { Violation } from '@batchwire/schema';
import { type BatchError, batchError } from './errors.js';

const ITEM_POINTER = /^\/requests\/(0|[1-9][0-9]*)(\/.*)?$/;

/**
 * Splits the rejection of a coalesced batch among the calls that caused it: for each call an
 * envelope violation points at, its own `problem` error, pointers rebased as if it had been sent
 * alone (`/requests/0/...`). `undefined` when the rejection is not about particular calls.
 */
export function blame(error: BatchError, size: number): Map<number, BatchError> | undefined {
  if (error.kind !== 'problem' || error.status !== 400) return undefined;
  const byCall = new Map<number, Violation[]>();
  for (const violation of error.problem.errors ?? []) {
    const match = ITEM_POINTER.exec(violation.pointer);
    const index = Number(match?.[1] ?? size);
    if (index >= size) return undefined;
    const list = byCall.get(index) ?? [];
    list.push({ ...violation, pointer: `/requests/0${match?.[2] ?? ''}` });
    byCall.set(index, list);
  }
  if (byCall.size === 0) return undefined;
  return new Map(
    [...byCall].map(([index, errors]) => [
      index,
      batchError({ kind: 'problem', status: 400, problem: { ...error.problem, errors } }),
    ]),
  );
}
