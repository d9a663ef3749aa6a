#!/usr/bin/env node
// Regenerates the implementations table of conformance/README.md from the JSON reports the example
// apps write when their tests run (apps/example-*/conformance-report/*.json), through
// conformance/implementations.json. Rows without a fresh report are kept as they are.
//   node conformance/scripts/implementations.mjs            update the file and the README
//   node conformance/scripts/implementations.mjs --check    exit 1 if either is out of date
//   ... --reference <report.json>                           also take the reference server's skips
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  implementationRow,
  renderImplementationsTable,
  replaceTable,
} from '../dist/implementations/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const tableFile = join(here, '..', 'implementations.json');
const readmeFile = join(here, '..', 'README.md');
const args = process.argv.slice(2);
const check = args.includes('--check');
const referenceAt = args.indexOf('--reference');

const current = JSON.parse(readFileSync(tableFile, 'utf8'));
const rows = new Map(current.implementations.map((row) => [row.name, row]));
const apps = join(root, 'apps');
for (const dir of readdirSync(apps)
  .filter((d) => d.startsWith('example-'))
  .sort()) {
  const reports = join(apps, dir, 'conformance-report');
  if (!existsSync(reports)) continue;
  for (const name of readdirSync(reports)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const report = JSON.parse(readFileSync(join(reports, name), 'utf8'));
    if (report.implementation === undefined) continue;
    rows.set(report.implementation.name, implementationRow(report.implementation, report));
  }
}
let referenceSkips = current.referenceSkips;
if (referenceAt !== -1) {
  const reference = JSON.parse(readFileSync(args[referenceAt + 1], 'utf8'));
  referenceSkips = reference.results.filter((r) => r.status === 'skipped').map((r) => r.id);
}
const implementations = [...rows.values()].sort((a, b) => a.name.localeCompare(b.name));
const nextTable = `${JSON.stringify({ referenceSkips, implementations }, null, 2)}\n`;
const readme = readFileSync(readmeFile, 'utf8');
const nextReadme = replaceTable(readme, renderImplementationsTable(implementations));
if (nextReadme === undefined) {
  console.error('conformance/README.md has no implementations table markers');
  process.exit(2);
}
const stale = [
  nextTable !== readFileSync(tableFile, 'utf8') && 'implementations.json',
  nextReadme !== readme && 'README.md',
].filter(Boolean);
if (check) {
  if (stale.length > 0) {
    console.error(`out of date: ${stale.join(', ')} (run node conformance/scripts/implementations.mjs)`);
    process.exit(1);
  }
  process.exit(0);
}
writeFileSync(tableFile, nextTable);
writeFileSync(readmeFile, nextReadme);
console.log(`${implementations.length} implementations; updated: ${stale.join(', ') || 'nothing'}`);
