import { hash } from 'node:crypto';

/** What the app's `etag` setting asks for, when it is one of Express's built-in generators. */
export type BuiltinEtag = 'weak' | 'strong' | 'none' | 'custom';

/** Reads the app's `etag` setting: Express's built-in weak or strong generator, none, or a custom function. */
export function builtinEtag(setting: unknown): BuiltinEtag {
  if (setting === true || setting === 'weak') return 'weak';
  if (setting === 'strong') return 'strong';
  if (setting === false || setting === undefined || setting === null) return 'none';
  return 'custom';
}

const EMPTY = '"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk"';

/**
 * The entity tag Express's built-in generator (the `etag` package) gives a UTF-8 text, computed with
 * the one-shot `crypto.hash`: the same string, without a Hash object per response.
 */
export function builtinEtagOf(text: string, weak: boolean): string {
  const tag =
    text.length === 0
      ? EMPTY
      : `"${Buffer.byteLength(text, 'utf8').toString(16)}-${hash('sha1', text, 'base64').substring(0, 27)}"`;
  return weak ? `W/${tag}` : tag;
}
