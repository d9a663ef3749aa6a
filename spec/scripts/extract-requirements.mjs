#!/usr/bin/env node
// Extracts every requirement id of the Batchwire spec from its Markdown into requirements.json, so the
// list and the text cannot drift. `node scripts/extract-requirements.mjs` writes the file;
// `--check` only compares and exits 1 when the committed file is stale or the text breaks a rule.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @typedef {'MUST' | 'SHOULD' | 'MAY'} Level */
/** @typedef {{ id: string, level: Level, section: string, anchor: string, summary: string }} Requirement */
/** @typedef {{ name: string, text: string }} SpecFile */

const ID = /\[(req-[a-z]+-\d+)\]/g;
const ID_FORM = /^req-[a-z]+-[1-9]\d*$/;
const KEYWORDS = /\b(MUST NOT|MUST|SHOULD NOT|SHOULD|MAY|SHALL NOT|SHALL|REQUIRED|RECOMMENDED|OPTIONAL)\b/g;
/** @type {Record<string, Level | undefined>} */
const LEVEL_OF = { MUST: 'MUST', 'MUST NOT': 'MUST', SHOULD: 'SHOULD', 'SHOULD NOT': 'SHOULD', MAY: 'MAY' };

/**
 * The GitHub heading slug of a Markdown heading: lower case, punctuation dropped, spaces as hyphens.
 * @param {string} heading
 */
export function headingSlug(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/**
 * Keywords that make a line normative: quoted ones ("MUST") only name the keywords and do not count.
 * @param {string} line
 */
function keywordsOf(line) {
  const unquoted = line.replace(
    /"(MUST NOT|MUST|SHOULD NOT|SHOULD|MAY|SHALL NOT|SHALL|REQUIRED|RECOMMENDED|NOT RECOMMENDED|OPTIONAL)"/g,
    '',
  );
  return [...unquoted.matchAll(KEYWORDS)].map((m) => m[1] ?? '');
}

/**
 * Reads requirement statements out of spec Markdown files: one per line, ending with `[req-<area>-<n>]`.
 * Returns them in document order, plus every rule the text breaks (as messages with file and line).
 * @param {SpecFile[]} files
 * @returns {{ requirements: Requirement[], problems: string[] }}
 */
export function extractRequirements(files) {
  /** @type {Requirement[]} */
  const requirements = [];
  /** @type {string[]} */
  const problems = [];
  /** @type {Map<string, string>} */
  const seen = new Map();
  for (const file of files) {
    let section = '';
    let inFence = false;
    const lines = file.text.split('\n');
    lines.forEach((line, i) => {
      const where = `${file.name}:${i + 1}`;
      if (/^\s*(```|~~~)/.test(line)) {
        inFence = !inFence;
        return;
      }
      if (inFence) return;
      const heading = /^#{1,6}\s+(.*)$/.exec(line);
      if (heading) {
        section = (heading[1] ?? '').trim();
        return;
      }
      // Ids cited inside a statement (e.g. "the rule of [req-depends-4]") are references, not anchors:
      // the anchor is the id that ends the line.
      const anchor = /\s\[(req-[^\]]+)\]\s*$/.exec(line);
      const levels = [...new Set(keywordsOf(line))];
      if (!anchor) {
        if (levels.length > 0)
          problems.push(`${where}: normative keyword ${levels.join(', ')} without a requirement id`);
        return;
      }
      const id = anchor[1] ?? '';
      if (!ID_FORM.test(id)) problems.push(`${where}: "${id}" is not of the form req-<area>-<n>`);
      const normalised = [...new Set(levels.map((k) => LEVEL_OF[k]))];
      if (normalised.includes(undefined))
        problems.push(`${where}: ${id} uses a keyword outside MUST, MUST NOT, SHOULD, SHOULD NOT, MAY`);
      if (normalised.length !== 1 || normalised[0] === undefined) {
        problems.push(
          `${where}: ${id} must use exactly one requirement level, found ${levels.join(', ') || 'none'}`,
        );
        return;
      }
      const earlier = seen.get(id);
      if (earlier !== undefined) problems.push(`${where}: ${id} is already defined at ${earlier}`);
      seen.set(id, where);
      if (section === '') problems.push(`${where}: ${id} is not under any heading`);
      const statement = line
        .slice(0, anchor.index)
        .replace(/^\s*(?:[-*]|\d+\.)\s+/, '')
        .trim();
      requirements.push({
        id,
        level: normalised[0],
        section,
        anchor: `${file.name}#${headingSlug(section)}`,
        summary: statement,
      });
    });
  }
  for (const requirement of requirements) {
    for (const cited of requirement.summary.matchAll(ID)) {
      if (!seen.has(cited[1] ?? ''))
        problems.push(`${requirement.id} cites ${cited[1]}, which is not defined`);
    }
  }
  return { requirements, problems };
}

/**
 * The spec Markdown files of a directory in reading order: every `*.md` but the README.
 * @param {string} dir
 * @returns {SpecFile[]}
 */
export function readSpecFiles(dir) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/**
 * The text of requirements.json for a list of requirements (two-space JSON, final newline).
 * @param {Requirement[]} requirements
 */
export function requirementsText(requirements) {
  return `${JSON.stringify(requirements, null, 2)}\n`;
}

const specDir = join(dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { requirements, problems } = extractRequirements(readSpecFiles(specDir));
  for (const problem of problems) console.error(problem);
  const target = join(specDir, 'requirements.json');
  const text = requirementsText(requirements);
  if (process.argv.includes('--check')) {
    const current = readFileSync(target, 'utf8');
    if (current !== text)
      console.error('requirements.json is stale: run node scripts/extract-requirements.mjs');
    process.exit(problems.length > 0 || current !== text ? 1 : 0);
  }
  if (problems.length > 0) process.exit(1);
  writeFileSync(target, text);
  const counts = { MUST: 0, SHOULD: 0, MAY: 0 };
  for (const r of requirements) counts[r.level] += 1;
  console.log(`wrote ${requirements.length} requirements (${JSON.stringify(counts)}) to ${target}`);
}
