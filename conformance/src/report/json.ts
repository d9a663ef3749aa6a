import type { Report } from './report.js';

/** The report as report.json: two-space JSON with a final newline. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
