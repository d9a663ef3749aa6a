import { afterEach, describe, expect, it, vi } from 'vitest';
import { BatchResponse } from './batch-response.js';

describe('compiledChecker', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('falls back to interpreting the schema where code generation is forbidden (strict CSP)', async () => {
    vi.resetModules();
    // A browser with a CSP lacking 'unsafe-eval' throws EvalError from the Function constructor.
    vi.stubGlobal(
      'Function',
      new Proxy(Function, {
        construct() {
          throw new EvalError('Refused to evaluate a string as JavaScript');
        },
        apply() {
          throw new EvalError('Refused to evaluate a string as JavaScript');
        },
      }),
    );
    const { checkAgainst } = await import('./checker.js');
    const valid = {
      responses: [{ id: 'a', status: 200, headers: {} }],
      summary: { total: 1, succeeded: 1, failed: 0, skipped: 0 },
    };
    expect(checkAgainst(BatchResponse, valid)).toEqual({ ok: true, value: valid });
    const invalid = checkAgainst(BatchResponse, { responses: [{ id: 'a', status: 'x', headers: {} }] });
    expect(invalid.ok).toBe(false);
    if (!invalid.ok)
      expect(invalid.errors.map((e) => e.pointer)).toEqual(
        expect.arrayContaining(['/responses/0/status', '/summary']),
      );
  });
});
