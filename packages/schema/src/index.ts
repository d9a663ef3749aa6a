/**
 * @batchwire/schema: the shapes, constants and envelope validator of the Batchwire batch protocol.
 * @packageDocumentation
 */
export * from './batch-options.js';
export * from './batch-request.js';
export * from './batch-response.js';
export * from './batch-summary.js';
export * from './capabilities.js';
export {
  type Checker,
  type CheckResult,
  checkAgainst,
  compiledChecker,
  schemaViolations,
} from './checker.js';
export * from './constants/headers.js';
export * from './constants/limits.js';
export * from './constants/media-types.js';
export * from './constants/methods.js';
export * from './constants/problem-types.js';
export * from './header-map.js';
export * from './inner-request.js';
export * from './inner-response.js';
export * from './json-pointer.js';
export * from './json-schemas.js';
export { checkHeaderName, checkHeaderValue } from './parse/header-rules.js';
export { type ParsedBatch, type ParseOptions, parseBatch, type RejectedBatch } from './parse/parse-batch.js';
export { checkInnerUrl, type RuleBreak } from './parse/url-rules.js';
export * from './problem.js';
export * from './problems.js';
export * from './references.js';
export * from './request-id.js';
export * from './stream-record.js';
export * from './validate.js';
export * from './violation.js';
