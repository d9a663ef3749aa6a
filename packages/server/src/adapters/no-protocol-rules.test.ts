import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const HERE = new URL('.', import.meta.url).pathname;
const HTTP = new URL('../http/', import.meta.url).pathname;

/** What deciding a protocol answer looks like in code: statuses the spec names and problem bodies. */
const RULES = [
  /\b40[05]\b|\b41[35]\b|\b422\b|\b409\b|\b503\b/,
  /PROBLEM_TYPES|PROBLEM_MEDIA_TYPE|problem\+json/,
  /[pP]roblem\(|problemResponse|limitProblem|malformedJsonProblem/,
  /isEnvelopeMediaType|parseBatch|Idempotency-Key|IDEMPOTENCY_KEY_HEADER/i,
];

function sources(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => join(dir, name));
}

/** The code of a file without its comments (comments may name the rules the core applies). */
function code(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');
}

describe('adapters only translate', () => {
  it('no adapter or host I/O helper decides a protocol answer: every rule lives in src/core', () => {
    const offending: string[] = [];
    for (const path of [...sources(HERE), ...sources(HTTP)]) {
      const text = code(path);
      for (const rule of RULES)
        if (rule.test(text)) offending.push(`${path.slice(HERE.length - 9)}: ${rule}`);
    }
    // The check finds what it looks for: the core itself is full of it.
    expect(
      RULES.every(
        (rule) =>
          rule.test(code(new URL('../core/handler.ts', import.meta.url).pathname)) || rule === RULES[3],
      ),
    ).toBe(true);
    expect(offending).toEqual([]);
  });
});
