#!/usr/bin/env node
// `pnpm bench`: runs every contender side by side, prints the table and writes results/latest.{md,json}.
// BENCH_QUICK=1: every contender once with every answer checked (CI), nothing written.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { killAllChildren } from './children.js';
import { checkGoals } from './goals.js';
import { machineInfo } from './machine.js';
import { PACKAGE_ROOT, RESULTS_DIR } from './paths.js';
import { planFromEnv } from './plan.js';
import { withLatestTable } from './readme-table.js';
import { correctnessFailures, markdownReport } from './report.js';
import { runBench } from './run.js';

async function main(): Promise<number> {
  const plan = planFromEnv(process.env);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const result = await runBench(plan, log);
  const machine = machineInfo();
  const date = new Date();
  const markdown = markdownReport(result, machine, date);
  process.stdout.write(`\n${markdown}`);
  if (plan.record) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, 'latest.md'), markdown);
    const json = { date: date.toISOString(), machine, ...result, goals: checkGoals(result) };
    writeFileSync(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
    const readme = join(PACKAGE_ROOT, 'README.md');
    writeFileSync(readme, withLatestTable(readFileSync(readme, 'utf8'), markdown));
    log(`wrote ${join(RESULTS_DIR, 'latest.md')}, latest.json and the table in README.md`);
  }
  const failures = correctnessFailures(result);
  for (const failure of failures) log(`WRONG ANSWER: ${failure}`);
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    killAllChildren();
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
