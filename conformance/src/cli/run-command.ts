import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderJson } from '../report/json.js';
import { renderJunit } from '../report/junit.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderPrettySummary, renderProgressLine } from '../report/pretty.js';
import type { Report } from '../report/report.js';
import { parseExpectedFailures } from '../run/baseline.js';
import { harnessError } from '../run/harness-error.js';
import { exitCodeOf, runConformance } from '../run/run-conformance.js';
import type { CliIo } from './io.js';
import {
  parseFeatures,
  parseHeaders,
  parseLevel,
  parseReporters,
  parseTimeout,
  type ReporterName,
} from './parse-options.js';

/** The raw flags of `run`, as commander parsed them. */
export interface RunFlags {
  readonly url: string;
  readonly fixtures?: string;
  readonly level: string;
  readonly strict?: boolean;
  readonly gateway?: boolean;
  readonly servicePath?: string;
  readonly only: string[];
  readonly skipFeature: string[];
  readonly reporter: string[];
  readonly out?: string;
  readonly header: string[];
  readonly timeout: string;
  readonly expectedFailures?: string;
}

const FILES: Record<Exclude<ReporterName, 'pretty'>, [string, (r: Report) => string]> = {
  json: ['report.json', renderJson],
  junit: ['junit.xml', renderJunit],
  markdown: ['report.md', renderMarkdown],
};

function readBaseline(path: string | undefined): string[] {
  if (path === undefined) return [];
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw harnessError(`cannot read --expected-failures ${path}: ${(error as Error).message}`);
  }
  return parseExpectedFailures(text);
}

/** Runs the suite as `run` asks, writes the reports, and returns the exit code (0, 1 or 2). */
export async function runCommand(flags: RunFlags, io: CliIo): Promise<number> {
  const reporters = parseReporters(flags.reporter.length > 0 ? flags.reporter : ['pretty']);
  const fileReporters = reporters.filter((r): r is Exclude<ReporterName, 'pretty'> => r !== 'pretty');
  if (fileReporters.length > 1 && flags.out === undefined) {
    throw harnessError(
      `--reporter ${fileReporters.join(',')} writes ${fileReporters.length} reports: give --out <dir> (stdout holds one)`,
    );
  }
  const pretty = reporters.includes('pretty');
  // Progress goes to stderr unless pretty is the only thing on stdout, so stdout stays parseable.
  const progress = pretty && (fileReporters.length === 0 || flags.out !== undefined) ? io.stdout : io.stderr;
  const report = await runConformance({
    preflight: true,
    url: flags.url,
    ...(flags.fixtures === undefined ? {} : { fixtures: flags.fixtures }),
    level: parseLevel(flags.level),
    strict: flags.strict === true,
    gateway: flags.gateway === true,
    ...(flags.servicePath === undefined ? {} : { servicePath: flags.servicePath }),
    only: flags.only,
    skipFeatures: parseFeatures(flags.skipFeature),
    headers: parseHeaders(flags.header),
    timeoutMs: parseTimeout(flags.timeout),
    expectedFailures: readBaseline(flags.expectedFailures),
    onResult: (result, done, total) => progress(`${renderProgressLine(result, done, total)}\n`),
  });
  if (pretty) progress(renderPrettySummary(report));
  if (flags.out !== undefined) mkdirSync(flags.out, { recursive: true });
  for (const name of fileReporters) {
    const [file, render] = FILES[name];
    if (flags.out !== undefined) writeFileSync(join(flags.out, file), render(report));
    else io.stdout(render(report));
  }
  return exitCodeOf(report);
}
