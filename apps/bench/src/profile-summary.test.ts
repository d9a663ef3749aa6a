import { describe, expect, it } from 'vitest';
import { summarizeProfile } from './profile-summary.js';

const frame = (functionName: string, lineNumber: number) => ({
  functionName,
  url: 'node:internal/test',
  lineNumber,
  columnNumber: 0,
});

describe('summarizeProfile', () => {
  it('splits self from inclusive time and ranks by self time', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', 0), children: [2] },
        { id: 2, callFrame: frame('outer', 9), children: [3] },
        { id: 3, callFrame: frame('inner', 19) },
      ],
      samples: [3, 3, 3, 2],
      timeDeltas: [1000, 1000, 1000, 1000],
    };
    const [first, second] = summarizeProfile(profile);
    expect(first).toMatchObject({ name: 'inner', selfMs: 3, totalMs: 3, location: 'node:internal/test:20' });
    expect(second).toMatchObject({ name: 'outer', selfMs: 1, totalMs: 4, selfPercent: 25 });
  });
});
