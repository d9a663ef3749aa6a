#!/usr/bin/env node
// `npm run mutation [-- --sample] [-- --incremental]`: StrykerJS over the protocol code with the
// conformance suite (in-process) as the only test; prints the score of covered mutants.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const require = createRequire(join(here, '..', 'package.json'));

const args = process.argv.slice(2);
const sample = args.includes('--sample');
const reportDir = sample ? 'conformance/mutation/sample' : 'conformance/mutation/report';
const config = `conformance/mutation/stryker${sample ? '.sample' : ''}.config.mjs`;
// Everything else (--incremental, --concurrency 1, --force) goes to Stryker as is.
const strykerArgs = ['run', config, ...args.filter((a) => a !== '--sample')];

const bin = join(dirname(require.resolve('@stryker-mutator/core/package.json')), 'bin', 'stryker.js');
const started = Date.now();
const status = spawnSync(process.execPath, [bin, ...strykerArgs], { cwd: root, stdio: 'inherit' }).status;
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
const reportFile = join(root, reportDir, 'mutation.json');
if (status !== 0 || !existsSync(reportFile)) {
  console.error(`mutation: stryker exited with ${status}`);
  process.exit(status || 1);
}

const counts = {};
for (const file of Object.values(JSON.parse(readFileSync(reportFile, 'utf8')).files)) {
  for (const mutant of file.mutants) counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
}
const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
const covered = detected + (counts.Survived ?? 0);
const score = covered === 0 ? 0 : (100 * detected) / covered;
console.log(
  `mutation: ${score.toFixed(2)}% of covered mutants killed (${detected}/${covered}; ` +
    `no coverage ${counts.NoCoverage ?? 0}, errors ${(counts.CompileError ?? 0) + (counts.RuntimeError ?? 0)}, ` +
    `ignored ${counts.Ignored ?? 0}) in ${minutes} min; report: ${reportDir}/index.html`,
);
