import { describe, expect, it } from 'vitest';
import { LATEST_MARKER, withLatestTable } from './readme-table.js';

describe('withLatestTable', () => {
  it('replaces whatever followed the marker, keeping the text before it', () => {
    const readme = `# Bench\n\nintro\n\n${LATEST_MARKER}\n\n| old | table |\n`;
    const updated = withLatestTable(readme, '| new | table |\n');
    expect(updated).toBe(`# Bench\n\nintro\n\n${LATEST_MARKER}\n\n| new | table |\n`);
    expect(withLatestTable(updated, '| new | table |\n')).toBe(updated);
  });

  it('leaves a README without the marker alone', () => {
    expect(withLatestTable('# Bench\n', '| t |')).toBe('# Bench\n');
  });
});
