import { REQUEST_ID_PATTERN } from '@batchwire/schema';

const VALID_ID = new RegExp(REQUEST_ID_PATTERN);

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
      if (given !== undefined) {
        if (!VALID_ID.test(given)) {
          throw new TypeError(`Invalid request id "${given}": use 1 to 128 of A-Z a-z 0-9 . _ ~ -`);
        }
        if (used.has(given)) throw new TypeError(`Duplicate request id "${given}" in this batch`);
        used.add(given);
        return given;
      }
      while (used.has(String(next))) next++;
      const id = String(next++);
      used.add(id);
      return id;
    },
  };
}
