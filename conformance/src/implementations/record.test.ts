import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SpawnedServer, spawnReference } from '../test-support/spawn-reference.js';
import type { ImplementationsFile } from './implementation.js';
import { recordImplementation } from './record.js';
import { implementationRow } from './table.js';

let server: SpawnedServer;
beforeAll(async () => {
  server = await spawnReference();
}, 30_000);
afterAll(() => server?.close());

const implementation = { name: 'reference', host: 'Express 5', mode: 'in-process' } as const;

describe('recordImplementation', () => {
  it('writes the report and says when the table row is missing, stale or current', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bw-implementations-'));
    const tableFile = join(dir, 'implementations.json');
    const table: ImplementationsFile = { referenceSkips: [], implementations: [] };
    writeFileSync(tableFile, JSON.stringify(table));
    const run = { url: server.url, only: ['envelope.*', 'depends.*'] };
    const first = await recordImplementation({ implementation, run, reportDir: dir, tableFile });
    expect(first.problems).toEqual([expect.stringMatching(/table is not current for reference/)]);
    const written = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { implementation: unknown };
    expect(written.implementation).toEqual(implementation);

    const row = implementationRow(implementation, first.report);
    writeFileSync(tableFile, JSON.stringify({ ...table, implementations: [row] }));
    expect((await recordImplementation({ implementation, run, reportDir: dir, tableFile })).problems).toEqual(
      [],
    );

    const stale = { ...row, passed: row.passed + 1 };
    writeFileSync(tableFile, JSON.stringify({ ...table, implementations: [stale] }));
    const again = await recordImplementation({ implementation, run, reportDir: dir, tableFile });
    expect(again.problems).toEqual([expect.stringMatching(/not current/)]);
  }, 60_000);

  it('refuses skips the reference server does not have', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bw-implementations-'));
    const tableFile = join(dir, 'implementations.json');
    writeFileSync(tableFile, JSON.stringify({ referenceSkips: [], implementations: [] }));
    const { problems } = await recordImplementation({
      implementation,
      run: { url: server.url, only: ['atomic.*'] },
      reportDir: dir,
      tableFile,
    });
    expect(problems).toContain('atomic.all-or-nothing skipped, which the reference server runs');
  }, 60_000);
});
