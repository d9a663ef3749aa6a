// Verdicts on the surviving mutants of packages/server/src/core/options.ts, read by triage.mjs (format there).
/** @type {readonly import('../../../triage.mjs').Rule[]} */
export const RULES = [
  {
    file: 'core/options.ts',
    texts: ["const servicePath = (options.servicePath ?? '').replace(/\\/+$/, '');"],
    verdict: 'harness',
    reason:
      "the harness configures servicePath '/api/' with one trailing slash, which /\\/$/ strips as /\\/+$/ does; only a path ending in two slashes tells them apart",
  },
  {
    file: 'core/options.ts',
    texts: ["if (servicePath !== '' && !/^\\/[A-Za-z0-9\\-._~!$&'()*+,;=:@/%]*$/.test(servicePath))"],
    verdict: 'unreachable',
    reason: 'a startup check of the host option servicePath (options.test.ts): no request reaches it',
  },
];
