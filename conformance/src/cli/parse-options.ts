import type { Feature } from '../case/feature.js';
import { harnessError } from '../run/harness-error.js';

/** The reporters `--reporter` accepts. */
export const REPORTERS = ['pretty', 'json', 'junit', 'markdown'] as const;
/** One of the reporters `--reporter` accepts. */
export type ReporterName = (typeof REPORTERS)[number];

const FEATURES: readonly Feature[] = ['references', 'onErrorStop', 'streaming', 'idempotency', 'atomicity'];

/** Collects a repeatable option, splitting comma-separated values. */
export function collect(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== ''),
  ];
}

/** Parses `--header 'Name: value'` flags into an object; a flag without a colon is a usage error. */
export function parseHeaders(flags: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const flag of flags) {
    const colon = flag.indexOf(':');
    if (colon <= 0) throw harnessError(`--header "${flag}" must look like "Name: value"`);
    headers[flag.slice(0, colon).trim().toLowerCase()] = flag.slice(colon + 1).trim();
  }
  return headers;
}

/** Validates `--reporter` names. */
export function parseReporters(names: readonly string[]): ReporterName[] {
  for (const name of names) {
    if (!(REPORTERS as readonly string[]).includes(name)) {
      throw harnessError(`unknown reporter "${name}" (use ${REPORTERS.join(', ')})`);
    }
  }
  return [...new Set(names)] as ReporterName[];
}

/** Validates `--skip-feature` names. */
export function parseFeatures(names: readonly string[]): Feature[] {
  for (const name of names) {
    if (!(FEATURES as readonly string[]).includes(name)) {
      throw harnessError(`unknown feature "${name}" (use ${FEATURES.join(', ')})`);
    }
  }
  return names as Feature[];
}

/** Validates `--level`. */
export function parseLevel(level: string): 'must' | 'should' | 'may' {
  const lower = level.toLowerCase();
  if (lower !== 'must' && lower !== 'should' && lower !== 'may')
    throw harnessError(`--level must be must, should or may, not "${level}"`);
  return lower;
}

/** Validates `--timeout` as a positive integer of milliseconds. */
export function parseTimeout(value: string): number {
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms <= 0)
    throw harnessError(`--timeout must be a positive number of milliseconds, not "${value}"`);
  return ms;
}
