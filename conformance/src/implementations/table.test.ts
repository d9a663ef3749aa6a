import { readFileSync } from 'node:fs';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../paths.js';
import type { Report } from '../report/report.js';
import { ImplementationsFile } from './implementation.js';
import {
  implementationRow,
  renderImplementationsTable,
  replaceTable,
  TABLE_END,
  TABLE_START,
} from './table.js';

const file: unknown = JSON.parse(readFileSync(`${PACKAGE_ROOT}implementations.json`, 'utf8'));
const readme = readFileSync(`${PACKAGE_ROOT}README.md`, 'utf8');

describe('the implementations table', () => {
  it('is generated from implementations.json and current in the README', () => {
    expect(Value.Check(ImplementationsFile, file)).toBe(true);
    const { implementations } = file as ImplementationsFile;
    expect(replaceTable(readme, renderImplementationsTable(implementations))).toBe(readme);
  });

  it('renders one sorted, padded row per implementation from a report', () => {
    const report = {
      suiteVersion: '1.2.0',
      startedAt: '2026-12-01T08:00:00.000Z',
      conformant: true,
      summary: { total: 4, passed: 2, failed: 0, warned: 1, skipped: 1, errored: 0 },
      results: [
        { id: 'a.one', status: 'passed' },
        { id: 'a.two', status: 'skipped' },
      ],
    } as unknown as Report;
    const z = implementationRow({ name: 'z-host', host: 'Z 1', mode: 'gateway' }, report);
    const a = implementationRow({ name: 'a-host', host: 'A 2', mode: 'in-process' }, report);
    expect(z).toMatchObject({ passed: 2, warned: 1, skippedIds: ['a.two'], date: '2026-12-01' });
    const lines = renderImplementationsTable([z, a]).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(
      /^\| a-host +\| A 2 +\| in-process \| +2 \| +0 \| +1 \| +1 \| yes +\| 2026-12-01 \|$/,
    );
    expect(lines[3]).toMatch(/^\| z-host /);
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
  });

  it('replaces only what stands between the markers', () => {
    const text = `intro\n${TABLE_START}\nold\n${TABLE_END}\noutro\n`;
    expect(replaceTable(text, 'T')).toBe(`intro\n${TABLE_START}\n\nT\n\n${TABLE_END}\noutro\n`);
    expect(replaceTable('no markers', 'T')).toBeUndefined();
  });
});
