import type { Handle } from './handle.js';
import { referenceToken } from './template.js';

type Depth = [never, 0, 1, 2, 3, 4];

/** JSON Pointer suffixes (`/a/0/b`) reaching into a value of type `T`, up to five levels deep. */
export type PathOf<T, D extends number = 5> = [D] extends [never]
  ? never
  : T extends readonly (infer E)[]
    ? `/${number}` | `/${number}${PathOf<E, Depth[D]>}`
    : T extends object
      ? { [K in keyof T & string]: `/${K}` | `/${K}${PathOf<NonNullable<T[K]>, Depth[D]>}` }[keyof T & string]
      : never;

/**
 * Where a reference may point in an earlier response `{ status, headers, body }`. When the body type
 * is known, only its real paths compile; when it is `unknown`, any `/body/...` pointer does.
 */
export type RefPointer<T = unknown> =
  | ''
  | '/status'
  | '/headers'
  | `/headers/${string}`
  | '/body'
  | (unknown extends T ? `/body/${string}` : `/body${PathOf<T>}`);

/** The spec's reference token `${ID#POINTER}`, as a string type. */
export type Reference = `\${${string}#${string}}`;

/**
 * Writes the token that makes the server substitute a value from an earlier call's response,
 * e.g. `` batch.get(`/blogs/entries/${ref(created, '/body/id')}`) ``. Usable in urls, header values
 * and body strings; a body string that is exactly one token takes the value with its JSON type.
 */
export function ref<T>(handle: Handle<T>, pointer: RefPointer<T>): Reference {
  if (pointer !== '' && !pointer.startsWith('/')) {
    throw new TypeError(`Invalid JSON Pointer "${pointer}": it must be empty or start with "/"`);
  }
  return referenceToken(handle.id, pointer) as Reference;
}
