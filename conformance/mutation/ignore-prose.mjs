// A Stryker ignorer: the human text of a problem (`title`, `detail`) is free prose (RFC 9457
// section 3.1), so no conformance case may assert it and its mutants say nothing about the suite.

const PROSE_MEMBERS = new Set(['title', 'detail']);

function memberName(key) {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  return undefined;
}

/** Ignores the value of every `title:` or `detail:` member of an object literal. */
const prose = {
  shouldIgnore(path) {
    const parent = path.parentPath;
    if (parent?.isObjectProperty() && parent.node.value === path.node) {
      const name = memberName(parent.node.key);
      if (PROSE_MEMBERS.has(name)) return `problem ${name} text is free prose (RFC 9457), never asserted`;
    }
    return undefined;
  },
};

export const strykerPlugins = [{ kind: 'Ignore', name: 'prose', value: prose }];
