import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectingIo } from '../test-support/silent-io.js';
import { main } from './program.js';

describe('the CLI', () => {
  it.each([
    [['run'], /required option '--url/],
    [['run', '--url', 'http://127.0.0.1:1/batch', '--reporter', 'xml'], /unknown reporter "xml"/],
    [
      ['run', '--url', 'http://127.0.0.1:1/batch', '--skip-feature', 'teleport'],
      /unknown feature "teleport"/,
    ],
    [
      ['run', '--url', 'http://127.0.0.1:1/batch', '--level', 'could'],
      /Allowed choices are must, should, may/,
    ],
    [['run', '--url', 'not a url'], /not an absolute URL/],
    [
      ['run', '--url', 'http://127.0.0.1:1/batch', '--timeout', '2000'],
      /cannot read the capabilities document/,
    ],
    [
      ['run', '--url', 'http://127.0.0.1:1/batch', '--expected-failures', '/nonexistent/baseline'],
      /cannot read --expected-failures/,
    ],
    [['frobnicate'], /unknown command/],
  ])('exits 2 for a usage or harness error: %j', async (argv, message) => {
    const io = collectingIo();
    expect(await main(argv, io)).toBe(2);
    expect(io.err()).toMatch(message);
  });

  it('lists the cases as JSON', async () => {
    const io = collectingIo();
    expect(await main(['list', '--json'], io)).toBe(0);
    const rows = JSON.parse(io.out()) as { id: string; level: string; kind: string }[];
    expect(rows.length).toBeGreaterThanOrEqual(80);
    expect(rows.find((r) => r.id === 'exec.concurrent')).toMatchObject({
      level: 'SHOULD',
      kind: 'check:concurrency',
    });
  });

  it('exports the cases as plain JSON with the schema and an index of named checks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bw-export-'));
    const io = collectingIo();
    expect(await main(['export-cases', dir], io)).toBe(0);
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
      cases: { file: string }[];
      namedChecks: Record<string, string>;
    };
    expect(index.cases.length).toBeGreaterThanOrEqual(80);
    expect(index.cases.every((c) => existsSync(join(dir, c.file)))).toBe(true);
    expect(Object.keys(index.namedChecks)).toContain('disconnect');
    expect(existsSync(join(dir, 'case.schema.json'))).toBe(true);
  });
});
