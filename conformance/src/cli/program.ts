import { Command, CommanderError, Option } from 'commander';
import { SUITE_VERSION } from '../paths.js';
import { isHarnessError } from '../run/harness-error.js';
import { exportCommand } from './export-command.js';
import type { CliIo } from './io.js';
import { listCommand } from './list-command.js';
import { collect, REPORTERS } from './parse-options.js';
import { type RunFlags, runCommand } from './run-command.js';

/** Exit code of a usage or harness error, kept apart from a server's non-conformance (1). */
export const EXIT_HARNESS = 2;

function buildProgram(io: CliIo, setCode: (code: number) => void): Command {
  const program = new Command('batchwire-conformance')
    .description('Conformance suite for Batchwire batch endpoints (protocol v1)')
    .version(SUITE_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();

  program
    .command('run')
    .description(
      'run the suite against a batch endpoint; exit 0 conformant, 1 not conformant or stale baseline, 2 usage/harness error',
    )
    .requiredOption('--url <url>', 'the batch endpoint, e.g. http://127.0.0.1:3000/batch')
    .option('--fixtures <prefix>', 'path prefix of the fixture routes (spec Appendix A)', '/_conformance')
    .addOption(
      new Option('--level <level>', 'lowest level of case to run')
        .choices(['must', 'should', 'may'])
        .default('may'),
    )
    .option('--strict', 'a failed SHOULD makes the server non-conformant')
    .option(
      '--service-path <path>',
      'path prefix your server resolves inner urls under (e.g. /v1.0), when the batch endpoint sits below it',
    )
    .option(
      '--gateway',
      'the endpoint is a gateway whose service root is another origin: skip the cases that need inner urls to reach this endpoint',
    )
    .option('--only <glob>', 'run only cases whose id matches (repeatable, comma-separated)', collect, [])
    .option('--skip-feature <feature>', 'skip the cases of an optional feature (repeatable)', collect, [])
    .option('--reporter <names>', `reporters: ${REPORTERS.join(', ')} (comma-separated)`, collect, [])
    .option('--out <dir>', 'directory for report.json, junit.xml and report.md')
    .option(
      '--header <header>',
      "header sent with every request, 'Name: value' (repeatable)",
      (v: string, p: string[]) => [...p, v],
      [],
    )
    .option('--timeout <ms>', 'timeout of each HTTP request in milliseconds', '10000')
    .option('--expected-failures <file>', 'baseline of case ids known to fail (JSON or one id per line)')
    .action(async (flags: RunFlags) => setCode(await runCommand(flags, io)));

  program
    .command('list')
    .description('list the bundled cases')
    .option('--json', 'as JSON')
    .action((flags: { json?: boolean }) => setCode(listCommand(flags, io)));

  program
    .command('export-cases <dir>')
    .description(
      'write the cases as plain JSON (with case.schema.json and index.json) for runners in other languages',
    )
    .action((dir: string) => setCode(exportCommand(dir, io)));
  return program;
}

/** Runs the CLI with process-style arguments and resolves to its exit code; it never calls process.exit. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : EXIT_HARNESS;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`${isHarnessError(error) ? 'error' : 'runner fault'}: ${message}\n`);
    return EXIT_HARNESS;
  }
}
