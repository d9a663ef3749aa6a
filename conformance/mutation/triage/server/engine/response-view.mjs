// Verdicts on the surviving mutants of packages/server/src/engine/response-view.ts, read by triage.mjs (format there).
/** @type {readonly import('../../../triage.mjs').Rule[]} */
export const RULES = [
  {
    file: 'engine/response-view.ts',
    texts: ['return text === undefined ? undefined : JSON.parse(text);'],
    verdict: 'equivalent',
    reason: 'a JSON body is never undefined, and an undefined member disappears when serialised',
  },
  {
    file: 'engine/response-view.ts',
    texts: ['if (value !== undefined) document.body = value;'],
    verdict: 'equivalent',
    reason: 'a JSON body is never undefined, and an undefined member disappears when serialised',
  },
  {
    file: 'engine/response-view.ts',
    texts: ["const afterName = rest.length === 1 ? '' : tail.slice(tail.indexOf('/', 1));"],
    verdict: 'equivalent',
    reason: "a pointer into a header's string value finds nothing either way",
  },
  {
    file: 'engine/response-view.ts',
    texts: ['if (segments === undefined) return { found: false };'],
    verdict: 'unreachable',
    reason:
      'envelope validation refuses a pointer that is not RFC 6901 (400 reference.syntax) before anything runs',
  },
];
