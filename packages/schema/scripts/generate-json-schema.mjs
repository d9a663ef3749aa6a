// Writes the JSON Schema files generated from the TypeBox sources into json/ and ../../spec/schema/.
// Run after a build: `pnpm --filter @batchwire/schema generate:json`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateJsonSchemas, jsonSchemaText } from '../dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const targets = [join(here, '..', 'json'), join(here, '..', '..', '..', 'spec', 'schema')];
for (const dir of targets) mkdirSync(dir, { recursive: true });
for (const [name, document] of Object.entries(generateJsonSchemas())) {
  for (const dir of targets) writeFileSync(join(dir, `${name}.schema.json`), jsonSchemaText(document));
}
console.log(`wrote ${Object.keys(generateJsonSchemas()).length} schemas to ${targets.join(' and ')}`);
