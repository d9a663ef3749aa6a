import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCoalescer } from './coalescer.js';
import { chunk } from './split.js';

describe('chunk', () => {
  it('splits into groups of at most size, in order', () => {
    expect(chunk([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(chunk([1, 2], 20)).toEqual([[1, 2]]);
    expect(chunk([], 20)).toEqual([]);
    expect(chunk([1, 2], 0)).toEqual([[1], [2]]);
  });
});

describe('createCoalescer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const setup = (windowMs: number, maxSize = 100) => {
    const groups: number[][] = [];
    const coalescer = createCoalescer<number>({
      windowMs,
      maxSize: async () => maxSize,
      dispatch: (items) => groups.push(items),
    });
    return { groups, coalescer };
  };

  it('sends the calls of one tick as one group, including calls made after awaits', async () => {
    const { groups, coalescer } = setup(0);
    coalescer.push(1);
    coalescer.push(2);
    await Promise.resolve();
    coalescer.push(3);
    expect(groups).toEqual([]);
    await vi.runAllTimersAsync();
    expect(groups).toEqual([[1, 2, 3]]);
  });

  it('keeps a window open for windowMs after its first call', async () => {
    const { groups, coalescer } = setup(50);
    coalescer.push(1);
    await vi.advanceTimersByTimeAsync(30);
    coalescer.push(2);
    await vi.advanceTimersByTimeAsync(30);
    expect(groups).toEqual([[1, 2]]);
    coalescer.push(3);
    await vi.advanceTimersByTimeAsync(49);
    expect(groups).toEqual([[1, 2]]);
    await vi.advanceTimersByTimeAsync(1);
    expect(groups).toEqual([[1, 2], [3]]);
  });

  it('splits a window above maxSize into consecutive groups', async () => {
    const { groups, coalescer } = setup(0, 20);
    for (let i = 0; i < 45; i++) coalescer.push(i);
    await vi.runAllTimersAsync();
    expect(groups.map((group) => group.length)).toEqual([20, 20, 5]);
    expect(groups.flat()).toEqual(Array.from({ length: 45 }, (_, i) => i));
  });
});
