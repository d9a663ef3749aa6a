import { describe, expect, it } from 'vitest';
import { markdownTable } from './markdown-table.js';

describe('markdownTable', () => {
  it('pads every column to its widest cell, numbers to the right', () => {
    const table = markdownTable(
      ['N', 'contender', 'x'],
      ['right', 'left', 'right'],
      [
        ['10', 'express-batch', '1.00x'],
        ['1000', 'Batchwire', '—'],
      ],
    );
    expect(table.split('\n')).toEqual([
      '|    N | contender     |     x |',
      '| ---: | ------------- | ----: |',
      '|   10 | express-batch | 1.00x |',
      '| 1000 | Batchwire     |     — |',
    ]);
  });
});
