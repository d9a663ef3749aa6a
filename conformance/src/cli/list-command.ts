import { loadCases } from '../case/load-cases.js';
import { harnessError } from '../run/harness-error.js';
import type { CliIo } from './io.js';

/** Lists the bundled cases, as text lines or as JSON; returns the exit code. */
export function listCommand(flags: { json?: boolean }, io: CliIo): number {
  const loaded = loadCases();
  if (!loaded.ok)
    throw harnessError(
      `invalid case files:\n${loaded.files.map((f) => `${f.file}: ${f.problems.join('; ')}`).join('\n')}`,
    );
  if (flags.json) {
    const rows = loaded.cases.map((c) => ({
      id: c.id,
      level: c.level,
      feature: c.feature,
      requirements: c.requirements,
      title: c.title,
      kind: 'check' in c ? `check:${c.check.name}` : 'steps',
    }));
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  for (const c of loaded.cases) {
    io.stdout(`${c.id.padEnd(48)} ${c.level.padEnd(6)} ${(c.feature ?? '-').padEnd(12)} ${c.title}\n`);
  }
  io.stdout(`${loaded.cases.length} cases\n`);
  return 0;
}
