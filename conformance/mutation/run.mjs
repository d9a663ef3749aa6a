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
// `--scratch <name>`: a private run (say with `--mutate <file>:<lines>`) that leaves the committed
// reports alone: its sandbox and report go to their own folders, so several can run at once.
const scratchAt = args.indexOf('--scratch');
const scratch = scratchAt === -1 ? undefined : args[scratchAt + 1];
if (scratchAt !== -1 && !/^[\w-]+$/.test(scratch ?? '')) {
  console.error('mutation: --scratch needs a name made of letters, digits, "-" or "_"');
  process.exit(2);
}
const reportDir = scratch
  ? `conformance/mutation/.scratch/${scratch}`
  : sample
    ? 'conformance/mutation/sample'
    : 'conformance/mutation/report';
const config = `conformance/mutation/stryker${sample ? '.sample' : ''}.config.mjs`;
// Everything else (--incremental, --concurrency 1, --force, --mutate) goes to Stryker as is.
const strykerArgs = [
  'run',
  config,
  ...args.filter(
    (a, i) => a !== '--sample' && (scratchAt === -1 || (i !== scratchAt && i !== scratchAt + 1)),
  ),
];

const bin = join(dirname(require.resolve('@stryker-mutator/core/package.json')), 'bin', 'stryker.js');
const started = Date.now();
const env = scratch ? { ...process.env, BATCHWIRE_MUTATION_SCRATCH: scratch } : process.env;
const status = spawnSync(process.execPath, [bin, ...strykerArgs], {
  cwd: root,
  stdio: 'inherit',
  env,
}).status;
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
const reportFile = join(root, reportDir, 'mutation.json');
if (status !== 0 || !existsSync(reportFile)) {
  console.error(`mutation: stryker exited with ${status}`);
  process.exit(status || 1);
}

const counts = {};
for (const [name, file] of Object.entries(JSON.parse(readFileSync(reportFile, 'utf8')).files)) {
  const source = file.source.split('\n');
  for (const mutant of file.mutants) {
    counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
    // A scratch run is for checking new cases against a few mutants: name each survivor.
    if (scratch && mutant.status === 'Survived') {
      const line = mutant.location.start.line;
      console.log(
        `survived: ${name}:${line} ${mutant.mutatorName} -> ${(mutant.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80)} | ${(source[line - 1] ?? '').trim()}`,
      );
    }
  }
}
const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
const covered = detected + (counts.Survived ?? 0);
const score = covered === 0 ? 0 : (100 * detected) / covered;
console.log(
  `mutation: ${score.toFixed(2)}% of covered mutants killed (${detected}/${covered}; ` +
    `no coverage ${counts.NoCoverage ?? 0}, errors ${(counts.CompileError ?? 0) + (counts.RuntimeError ?? 0)}, ` +
    `ignored ${counts.Ignored ?? 0}) in ${minutes} min; report: ${reportDir}/index.html`,
);
