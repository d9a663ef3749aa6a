import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Value } from '@sinclair/typebox/value';
import { PACKAGE_ROOT } from '../paths.js';
import { renderJson } from '../report/json.js';
import type { Report } from '../report/report.js';
import { type ConformanceOptions, runConformance } from '../run/run-conformance.js';
import { type Implementation, ImplementationsFile } from './implementation.js';
import { implementationRow } from './table.js';

/** What {@link recordImplementation} checks a run against. */
export interface RecordOptions {
  readonly implementation: Implementation;
  /** The run: at least the batch endpoint `url`. */
  readonly run: ConformanceOptions;
  /** Where `report.json` is written, with an `implementation` member added (default `./conformance-report`). */
  readonly reportDir?: string;
  /** Name of the report file in `reportDir` (default `report.json`); the table script reads every `*.json` there. */
  readonly reportFile?: string;
  /**
   * The implementations file the table is generated from (default: this package's
   * `implementations.json` in the repository; when the installed package has none, no table check).
   */
  readonly tableFile?: string;
}

/** A recorded run and every way it falls short (empty: conformant, skips allowed, table current). */
export interface RecordedRun {
  readonly report: Report;
  readonly problems: readonly string[];
}

function readTable(file: string): ImplementationsFile | string {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return Value.Check(ImplementationsFile, parsed) ? parsed : `${file} does not match its schema`;
  } catch (error) {
    return `${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Runs the full suite against an implementation, writes its report for the implementations table,
 * and lists what is wrong: a failure (or SHOULD warning), a harness error, a skip the reference
 * server does not have, or a table row that no longer matches this run's counts.
 */
export async function recordImplementation(options: RecordOptions): Promise<RecordedRun> {
  const report = await runConformance(options.run);
  const reportDir = options.reportDir ?? join(process.cwd(), 'conformance-report');
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(
    join(reportDir, options.reportFile ?? 'report.json'),
    renderJson({ implementation: options.implementation, ...report } as Report),
  );
  const problems = report.results
    .filter((r) => r.status === 'failed' || r.status === 'warned' || r.status === 'errored')
    .map((r) => `${r.id} ${r.status}: ${r.reason ?? ''}`);
  const tableFile = options.tableFile ?? `${PACKAGE_ROOT}implementations.json`;
  // The published package has no table: outside this repository only the run itself is judged.
  if (options.tableFile === undefined && !existsSync(tableFile)) return { report, problems };
  const table = readTable(tableFile);
  if (typeof table === 'string') return { report, problems: [...problems, table] };
  const allowed = new Set(table.referenceSkips);
  const row = implementationRow(options.implementation, report);
  for (const id of row.skippedIds) {
    if (!allowed.has(id)) problems.push(`${id} skipped, which the reference server runs`);
  }
  const listed = table.implementations.find((r) => r.name === row.name);
  const counts = (r: typeof row) =>
    JSON.stringify([r.host, r.mode, r.total, r.passed, r.failed, r.warned, r.skippedIds]);
  if (listed === undefined || counts(listed) !== counts(row)) {
    problems.push(
      `the implementations table is not current for ${row.name}: run node conformance/scripts/implementations.mjs`,
    );
  }
  return { report, problems };
}
