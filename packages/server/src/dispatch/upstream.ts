/** Splits the upstream into its origin (the only one the pool can reach) and a base path. */
export function parseUpstream(upstream: string): { origin: string; basePath: string } {
  const url = new URL(upstream);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TypeError(`upstream must be an http or https origin, not "${upstream}"`);
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '')
    throw new TypeError(`upstream must be an origin with an optional path, not "${upstream}"`);
  return { origin: url.origin, basePath: url.pathname.replace(/\/+$/, '') };
}
