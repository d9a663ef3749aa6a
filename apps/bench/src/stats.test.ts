import { describe, expect, it } from 'vitest';
import { median, quantile } from './stats.js';

describe('quantile', () => {
  it('picks by nearest rank, whatever the input order', () => {
    const samples = [5, 1, 4, 2, 3];
    expect(median(samples)).toBe(3);
    expect(quantile(samples, 0.99)).toBe(5);
    expect(quantile(samples, 0)).toBe(1);
  });

  it('takes p99 of 200 samples from the two largest', () => {
    const samples = Array.from({ length: 200 }, (_, i) => 200 - i);
    expect(quantile(samples, 0.99)).toBe(198);
  });

  it('is NaN with no samples rather than a made-up number', () => {
    expect(median([])).toBeNaN();
  });
});
