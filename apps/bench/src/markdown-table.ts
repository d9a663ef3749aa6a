/** Column alignment in a Markdown table. */
export type Align = 'left' | 'right';

/**
 * A Markdown table with padded, aligned columns: the layout Biome's formatter gives tables, so the
 * generated results and README pass the repository's lint as written.
 */
export function markdownTable(
  header: readonly string[],
  align: readonly Align[],
  rows: readonly string[][],
): string {
  const widths = header.map((cell, i) =>
    Math.max(3, [...cell].length, ...rows.map((row) => [...(row[i] ?? '')].length)),
  );
  const pad = (cell: string, i: number) => {
    const fill = ' '.repeat(widths[i]! - [...cell].length);
    return align[i] === 'right' ? fill + cell : cell + fill;
  };
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => pad(cell, i)).join(' | ')} |`;
  const rule = widths.map((width, i) =>
    align[i] === 'right' ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width),
  );
  return [
    line(header),
    `| ${rule.join(' | ')} |`,
    ...rows.map((row) => line(header.map((_, i) => row[i] ?? ''))),
  ].join('\n');
}
