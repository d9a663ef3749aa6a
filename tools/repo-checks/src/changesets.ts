import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import parseChangeset from '@changesets/parse';

/** What is wrong with one changeset file, or with the changesets folder. */
export interface ChangesetProblem {
  readonly file: string;
  readonly message: string;
}

/**
 * Parses every changeset in `dir` the way `changeset version` will and lists what would stop or
 * mislead it: unparsable front matter, a package that is not published from this workspace, an empty
 * changelog sentence.
 */
export function changesetProblems(dir: string, publishedNames: readonly string[]): ChangesetProblem[] {
  const files = readdirSync(dir).filter((file) => file.endsWith('.md') && file !== 'README.md');
  return files.sort().flatMap((file): ChangesetProblem[] => {
    let parsed: ReturnType<typeof parseChangeset>;
    try {
      parsed = parseChangeset(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      return [
        { file, message: (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '' },
      ];
    }
    const problems: ChangesetProblem[] = parsed.releases
      .filter((release) => !publishedNames.includes(release.name))
      .map((release) => ({
        file,
        message: `names "${release.name}", which is not a published package of this workspace`,
      }));
    if (parsed.releases.length === 0) problems.push({ file, message: 'names no package' });
    if (parsed.summary.trim() === '') problems.push({ file, message: 'has no changelog sentence' });
    return problems;
  });
}
