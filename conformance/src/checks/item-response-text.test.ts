import { describe, expect, it } from 'vitest';
import { ECHO_ROOM, textProbeSizes } from './item-response-text.js';

describe('textProbeSizes', () => {
  it('sends 3/5 of the item limit within it and half the limit plus one two-byte characters over it', () => {
    const sizes = textProbeSizes({
      maxItemResponseBytes: 65_536,
      maxBodyBytes: 524_288,
      maxResponseBytes: 1_048_576,
    });
    expect(sizes).toEqual({ within: 39_321, over: 32_769 });
    // Over a third of the limit: a server that counts 3 bytes per character refuses it.
    expect(sizes.within * 3).toBeGreaterThan(65_536);
    expect(2 * sizes.over).toBeGreaterThan(65_536);
    expect(sizes.over).toBeLessThan(65_536);
  });

  it('keeps the within echo inside maxBodyBytes and drops the over probe when the body cannot hold it', () => {
    const sizes = textProbeSizes({ maxItemResponseBytes: 4_194_304, maxBodyBytes: 1_048_576 });
    expect(sizes).toEqual({ within: 1_048_576 - ECHO_ROOM, over: 0 });
  });

  it('leaves room for the answer under a small maxResponseBytes', () => {
    const sizes = textProbeSizes({
      maxItemResponseBytes: 65_536,
      maxBodyBytes: 524_288,
      maxResponseBytes: 66_000,
    });
    expect(sizes.within).toBe(39_321);
    expect(sizes.over).toBe(0);
  });

  it('has no within probe for a limit smaller than the echo itself', () => {
    expect(textProbeSizes({ maxItemResponseBytes: 1000, maxBodyBytes: 524_288 }).within).toBe(0);
  });
});
