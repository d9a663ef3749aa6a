import { findBinary } from './binary.js';

/**
 * The one line to print when some of `binaries` are missing (undefined when all are there), for
 * `describe.skipIf`. Under `CI=true` a missing binary throws instead: CI must never skip silently.
 */
export function missingBinaries(binaries: Readonly<Record<string, string>>): string | undefined {
  const missing = Object.keys(binaries).filter((name) => findBinary(name) === undefined);
  if (missing.length === 0) return undefined;
  const packages = [...new Set(missing.map((name) => binaries[name]))].join(' ');
  const line = `${missing.join(', ')} not found: install it (apt-get install ${packages}) to run these tests`;
  if (process.env.CI === 'true') throw new Error(`CI=true: ${line}`);
  return line;
}
