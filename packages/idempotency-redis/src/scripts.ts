import { createHash } from 'node:crypto';

/**
 * Compare-and-set scripts: each checks that the key still holds this caller's claim and acts in
 * the same server-side step, so a claim that lapsed and was taken by another instance is never
 * overwritten, extended or deleted by its former holder.
 */
export const SCRIPTS = {
  /** KEYS[1] key, ARGV[1] claim value, ARGV[2] done value, ARGV[3] ttl ms. */
  complete: `if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0`,
  /** KEYS[1] key, ARGV[1] claim value, ARGV[2] lease ms. */
  renew: `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`,
  /** KEYS[1] key, ARGV[1] claim value. */
  release: `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`,
} as const;

/** The name of one of the scripts. */
export type ScriptName = keyof typeof SCRIPTS;

const SHAS = Object.fromEntries(
  Object.entries(SCRIPTS).map(([name, text]) => [name, createHash('sha1').update(text).digest('hex')]),
) as Record<ScriptName, string>;

/** Sends one Redis command and resolves with its reply. */
export type Send = (args: string[]) => Promise<unknown>;

/** Runs a script by its digest, loading it once when the server does not know it yet (NOSCRIPT). */
export async function runScript(
  send: Send,
  name: ScriptName,
  key: string,
  args: readonly string[],
): Promise<unknown> {
  try {
    return await send(['EVALSHA', SHAS[name], '1', key, ...args]);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    return send(['EVAL', SCRIPTS[name], '1', key, ...args]);
  }
}
