#!/usr/bin/env node
// `node dist/profile.js FILE.cpuprofile [TOP] [FILTER]`: the heaviest functions of a --cpu-prof profile,
// by self time and, for locations containing FILTER (default packages/server), by inclusive time.
import { readFileSync } from 'node:fs';
import { type CpuProfile, type ProfileEntry, summarizeProfile } from './profile-summary.js';

const [file, topArg = '25', filter = 'packages/server'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node dist/profile.js FILE.cpuprofile [TOP] [FILTER]\n');
  process.exit(2);
}
const top = Number(topArg) || 25;
const entries = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
const line = (e: ProfileEntry) =>
  `${e.selfMs.toFixed(1).padStart(9)} ms ${e.selfPercent.toFixed(1).padStart(5)}%  ${e.totalMs.toFixed(1).padStart(9)} ms  ${e.name}  ${e.location}`;
process.stdout.write(`top ${top} by self time (self, % of busy time, inclusive):\n`);
for (const e of entries.slice(0, top)) process.stdout.write(`${line(e)}\n`);
const mine = entries.filter((e) => e.location.includes(filter)).sort((a, b) => b.totalMs - a.totalMs);
process.stdout.write(`\nfunctions in ${filter} by inclusive time:\n`);
for (const e of mine.slice(0, top)) process.stdout.write(`${line(e)}\n`);
