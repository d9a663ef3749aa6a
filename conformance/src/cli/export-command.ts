import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { caseSchemaText } from '../case/case-schema.js';
import { loadCases } from '../case/load-cases.js';
import { NAMED_CHECKS } from '../checks/registry.js';
import { SPEC_VERSION, SUITE_VERSION } from '../paths.js';
import { harnessError } from '../run/harness-error.js';
import type { CliIo } from './io.js';

/**
 * Writes the cases as plain JSON for runners in other languages: one file per case at its id's path,
 * `case.schema.json`, and `index.json` listing the cases and documenting every named check.
 */
export function exportCommand(dir: string, io: CliIo): number {
  const loaded = loadCases();
  if (!loaded.ok)
    throw harnessError(
      `invalid case files:\n${loaded.files.map((f) => `${f.file}: ${f.problems.join('; ')}`).join('\n')}`,
    );
  for (const testCase of loaded.cases) {
    const { $schema: _ignored, ...plain } = testCase;
    const file = `${join(dir, 'v1', ...testCase.id.split('.'))}.json`;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(plain, null, 2)}\n`);
  }
  writeFileSync(join(dir, 'case.schema.json'), caseSchemaText());
  const index = {
    suiteVersion: SUITE_VERSION,
    specVersion: SPEC_VERSION,
    cases: loaded.cases.map((c) => ({
      id: c.id,
      file: `v1/${c.id.split('.').join('/')}.json`,
      level: c.level,
      feature: c.feature,
    })),
    namedChecks: Object.fromEntries(
      Object.entries(NAMED_CHECKS).map(([name, check]) => [name, check.summary]),
    ),
  };
  writeFileSync(join(dir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  io.stdout(`exported ${loaded.cases.length} cases to ${dir}\n`);
  return 0;
}
