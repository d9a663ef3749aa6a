import { REQUEST_ID } from './check-answer.js';

/** Hands out the ids of one batch: a given id is checked, a missing one is generated ("1", "2", ...). */
export interface IdAllocator {
  /** Returns `given` if it is a valid, unused id, else a fresh generated one; throws a TypeError on a bad or duplicate id. */
  take(given?: string): string;
}

/** Creates the id allocator of one batch. */
export function createIdAllocator(): IdAllocator {
  const used = new Set<string>();
  let next = 1;
  return {
    take(given) {
      let id = given;
      if (id === undefined) {
        while (used.has(String(next))) next++;
        id = String(next++);
      } else if (!REQUEST_ID.test(id)) {
        throw new TypeError(`Invalid request id "${id}": use 1 to 128 of A-Z a-z 0-9 . _ ~ -`);
      } else if (used.has(id)) throw new TypeError(`Duplicate request id "${id}" in this batch`);
      used.add(id);
      return id;
    },
  };
}
