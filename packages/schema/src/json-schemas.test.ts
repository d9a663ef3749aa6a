import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateJsonSchemas, JSON_SCHEMA_NAMES, jsonSchemaText } from './json-schemas.js';

const here = dirname(fileURLToPath(import.meta.url));
const committed = [join(here, '..', 'json'), join(here, '..', '..', '..', 'spec', 'schema')];

describe('generated JSON Schema files', () => {
  const documents = generateJsonSchemas();

  it('covers every published schema name', () => {
    expect(JSON_SCHEMA_NAMES.sort()).toEqual(
      [
        'batch-request',
        'batch-response',
        'capabilities',
        'inner-request',
        'inner-response',
        'problem',
        'stream-record',
      ].sort(),
    );
  });

  it.each(JSON_SCHEMA_NAMES)('%s.schema.json is committed unchanged in json/ and spec/schema/', (name) => {
    const expected = jsonSchemaText(documents[name]!);
    for (const dir of committed) {
      const actual = readFileSync(join(dir, `${name}.schema.json`), 'utf8');
      // On failure: run `pnpm --filter @batchwire/schema build && pnpm --filter @batchwire/schema generate:json`.
      expect(actual, `${dir}/${name}.schema.json drifted from its TypeBox source`).toBe(expected);
    }
  });

  it.each(JSON_SCHEMA_NAMES)('%s has $id, title and description', (name) => {
    expect(documents[name]).toMatchObject({
      $id: `https://batchwire.dev/schema/v1/${name}.schema.json`,
      title: expect.any(String),
      description: expect.any(String),
    });
  });
});
