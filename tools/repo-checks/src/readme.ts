/** Where absolute links into this repository point (its default branch). */
export const REPO_BLOB = 'https://github.com/batchwire/batchwire/blob/main/';
const REPO_LINK = /^https:\/\/github\.com\/batchwire\/batchwire\/(?:blob|tree)\/main\//;

const FENCE = /^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm;
const INLINE_LINK = /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const REFERENCE_LINK = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm;
const HTML_LINK = /<(?:a|img)\s[^>]*?(?:href|src)\s*=\s*["']([^"']+)["']/gi;
const CODE_SPAN = /`([^`\n]+)`/g;
const PATH_TOKEN = /^(?:\.{1,2}\/)?[\w.<>*-]+(?:\/[\w.<>*-]+)+\.(?:m?js|cjs|m?ts|json|md|ya?ml)$/;

/** The text outside fenced code blocks (links and names there are prose, code examples are not). */
const prose = (markdown: string): string => markdown.replace(FENCE, '');

/** Every link target of a Markdown text: inline, reference-style and HTML links and images. */
export function linkTargets(markdown: string): string[] {
  const text = prose(markdown);
  return [INLINE_LINK, REFERENCE_LINK, HTML_LINK].flatMap((pattern) =>
    [...text.matchAll(pattern)].map((match) => match[1] ?? ''),
  );
}

/**
 * The links that break on the registry's package page: anything that is neither an absolute URL
 * (`https:`, `mailto:`) nor an anchor in the same page.
 */
export function relativeLinks(markdown: string): string[] {
  return linkTargets(markdown).filter((target) => !/^(?:[a-z][a-z0-9+.-]*:|#)/i.test(target));
}

/** `cases/v1/<area>/**\/*.json` as a regular expression over tarball paths. */
function globPattern(path: string): RegExp {
  const source = path
    .replace(/^\.\//, '')
    .split(/(\*\*\/?|\*|<[^>]+>)/)
    .map((part) => {
      if (part.startsWith('**')) return '(?:.*/)?';
      if (part === '*') return '[^/]*';
      if (part.startsWith('<')) return '[^/]+';
      return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}

/**
 * File paths a README names in code spans (`scripts/bench-dispatch.mjs`, `cases/v1/**\/*.json`) that
 * are neither in the tarball (`files`, paths relative to the package root) nor linked in the same
 * paragraph to their place in the repository (for a glob, a link into the folder it starts with), so
 * a user would look for them in vain.
 */
export function unshippedNames(markdown: string, files: readonly string[]): string[] {
  return prose(markdown)
    .split(/\n\s*\n/)
    .flatMap((paragraph) => {
      const links = linkTargets(paragraph)
        .filter((target) => REPO_LINK.test(target))
        .map((target) => target.split('#')[0]?.replace(REPO_LINK, '') ?? '');
      return [...paragraph.matchAll(CODE_SPAN)]
        .flatMap((span) => (span[1] ?? '').split(/\s+/))
        .filter((token) => PATH_TOKEN.test(token))
        .filter((token) => {
          const pattern = globPattern(token);
          if (files.some((file) => pattern.test(file))) return false;
          const name = token.replace(/^\.\//, '');
          const literal = name.split(/[*<]/)[0] ?? '';
          // A glob or placeholder is linked by a link into the folder it starts with.
          const folder = literal.slice(0, literal.lastIndexOf('/') + 1);
          return !links.some((path) =>
            literal === name
              ? path === name || path.endsWith(`/${name}`)
              : `/${path}/`.includes(`/${folder}`),
          );
        });
    });
}
