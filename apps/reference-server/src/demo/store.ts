/** A blog entry of the demo API. */
export interface BlogEntry {
  readonly id: number;
  readonly groupId: number;
  readonly title: string;
  readonly content: string;
}

/** The writable members of a blog entry. */
export type BlogEntryInput = Omit<BlogEntry, 'id'>;

/** An in-memory store of blog entries, owned by one app instance. */
export interface BlogStore {
  /** Every entry, in id order, optionally of one group only. */
  readonly list: (groupId?: number) => BlogEntry[];
  /** The entry with that id, if any. */
  readonly get: (id: number) => BlogEntry | undefined;
  /** Adds an entry under a new id; `undefined` when the store is full. */
  readonly create: (input: BlogEntryInput) => BlogEntry | undefined;
  /** Replaces an existing entry; `undefined` when there is none with that id. */
  readonly replace: (id: number, input: BlogEntryInput) => BlogEntry | undefined;
  /** Removes an entry; whether it existed. */
  readonly remove: (id: number) => boolean;
}

/** Most entries the demo store holds, so that a long-running demo's memory stays bounded. */
export const MAX_BLOG_ENTRIES = 10_000;

/** The seeded entries: 20 entries, ids 1 to 20, ids 1-10 in group 1 and 11-20 in group 2. */
export function seedEntries(): BlogEntry[] {
  return Array.from({ length: 20 }, (_, index) => {
    const id = index + 1;
    const groupId = id <= 10 ? 1 : 2;
    return { id, groupId, title: `Entry ${id}`, content: `Seeded entry ${id} of group ${groupId}.` };
  });
}

/** Creates a store holding the seeded entries. */
export function createBlogStore(seed: readonly BlogEntry[] = seedEntries()): BlogStore {
  const entries = new Map<number, BlogEntry>(seed.map((entry) => [entry.id, entry]));
  let lastId = seed.reduce((max, entry) => Math.max(max, entry.id), 0);
  const build = (id: number, input: BlogEntryInput): BlogEntry => ({
    id,
    groupId: input.groupId,
    title: input.title,
    content: input.content,
  });
  return {
    list: (groupId) =>
      [...entries.values()]
        .filter((entry) => groupId === undefined || entry.groupId === groupId)
        .sort((a, b) => a.id - b.id),
    get: (id) => entries.get(id),
    create: (input) => {
      if (entries.size >= MAX_BLOG_ENTRIES) return undefined;
      lastId += 1;
      const entry = build(lastId, input);
      entries.set(entry.id, entry);
      return entry;
    },
    replace: (id, input) => {
      if (!entries.has(id)) return undefined;
      const entry = build(id, input);
      entries.set(id, entry);
      return entry;
    },
    remove: (id) => entries.delete(id),
  };
}
