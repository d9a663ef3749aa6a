/** The line in README.md after which the full run copies its latest table. */
export const LATEST_MARKER = '<!-- latest-results -->';

/** The README text with everything after the marker replaced by the table; unchanged when there is no marker. */
export function withLatestTable(readme: string, table: string): string {
  const at = readme.indexOf(LATEST_MARKER);
  if (at === -1) return readme;
  return `${readme.slice(0, at + LATEST_MARKER.length)}\n\n${table.trimEnd()}\n`;
}
