/**
 * @batchwire/conformance: the Batchwire conformance suite as a library: load the cases, run them
 * against a batch endpoint, and render the report.
 * @packageDocumentation
 */
export { CASE_ID_PATTERN, Case, CheckCase, REQUIREMENT_ID_PATTERN, StepCase } from './case/case.js';
export { CASE_SCHEMA_ID, caseSchemaText, generateCaseSchema, validateCaseShape } from './case/case-schema.js';
export { CheckRef } from './case/check-ref.js';
export { BodySchemaName, Expectation } from './case/expectation.js';
export { Feature } from './case/feature.js';
export { LEVEL_ORDER, Level } from './case/level.js';
export {
  type CaseFileProblem,
  expectedCaseId,
  type LoadedCases,
  loadCases,
  semanticProblems,
} from './case/load-cases.js';
export { Step } from './case/step.js';
export { Repeat, StepRequest } from './case/step-request.js';
export type { CheckContext, NamedCheck } from './checks/check-context.js';
export { NAMED_CHECKS } from './checks/registry.js';
export { main } from './cli/program.js';
export { match, validateMatcher } from './match/matcher.js';
export { describeMismatches, type Mismatch } from './match/mismatch.js';
export { OPERATORS } from './match/operators.js';
export { CASES_DIR, SPEC_VERSION, SUITE_VERSION } from './paths.js';
export { renderJson } from './report/json.js';
export { renderJunit } from './report/junit.js';
export { renderMarkdown } from './report/markdown.js';
export { renderPrettySummary, renderProgressLine } from './report/pretty.js';
export type { CaseResult, Report, ReportSummary, ResultStatus } from './report/report.js';
export { applyBaseline, parseExpectedFailures } from './run/baseline.js';
export { type Canary, type CanaryHit, startCanary } from './run/canary.js';
export { type Evidence, maskHeaders, VOLATILE_HEADERS } from './run/evidence.js';
export { harnessError, isHarnessError } from './run/harness-error.js';
export { type ConformanceOptions, exitCodeOf, runConformance } from './run/run-conformance.js';
export {
  type FetchLike,
  fetchTransport,
  type HttpRequest,
  type HttpResponse,
  type Transport,
  undiciTransport,
} from './run/transport.js';
