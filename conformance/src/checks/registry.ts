import { responseBudgetLength, responseBudgetSummary } from './answer-budget.js';
import { responseBudgetStreamReplay } from './answer-budget-replay.js';
import type { NamedCheck } from './check-context.js';
import { concurrency, concurrencyLimit } from './concurrency.js';
import { concurrencyAfterTimeout } from './concurrency-after-timeout.js';
import { dependencyOrder } from './dependency-order.js';
import { disconnect, disconnectAtOnce } from './disconnect.js';
import { disconnectReplay } from './disconnect-replay.js';
import { idempotencyInProgress } from './idempotency.js';
import { isolation } from './isolation.js';
import { maxItemResponsePlainText } from './item-response-plain-text.js';
import { maxItemResponseText } from './item-response-text.js';
import { limitRuleCodes } from './limit-rules.js';
import { maxBodyBytes, maxJsonDepth } from './limits.js';
import { ordering } from './ordering.js';
import { recursion } from './recursion.js';
import {
  maxItemResponseBytes,
  maxResponseBytes,
  responseLimitsAdvertised,
  responseLimitsConsistent,
} from './response-size.js';
import { streamIncremental } from './stream-incremental.js';
import { streamSlowReader } from './stream-slow-reader.js';
import { batchTimeout, requestTimeout, requestTimeoutOwnStart, requestTimeoutQueued } from './timeouts.js';

/** Every named check, by the name case files use in `check.name`. */
export const NAMED_CHECKS: Readonly<Record<string, NamedCheck>> = {
  concurrency,
  'concurrency-limit': concurrencyLimit,
  'concurrency-after-timeout': concurrencyAfterTimeout,
  'dependency-order': dependencyOrder,
  ordering,
  isolation,
  disconnect,
  'disconnect-at-once': disconnectAtOnce,
  'disconnect-replay': disconnectReplay,
  recursion,
  'max-body-bytes': maxBodyBytes,
  'max-json-depth': maxJsonDepth,
  'limit-rule-codes': limitRuleCodes,
  'response-limits-advertised': responseLimitsAdvertised,
  'response-limits-consistent': responseLimitsConsistent,
  'max-item-response-bytes': maxItemResponseBytes,
  'max-item-response-plain-text': maxItemResponsePlainText,
  'max-item-response-text': maxItemResponseText,
  'max-response-bytes': maxResponseBytes,
  'response-budget-summary': responseBudgetSummary,
  'response-budget-length': responseBudgetLength,
  'response-budget-stream-replay': responseBudgetStreamReplay,
  'request-timeout': requestTimeout,
  'request-timeout-own-start': requestTimeoutOwnStart,
  'request-timeout-queued': requestTimeoutQueued,
  'batch-timeout': batchTimeout,
  'idempotency-in-progress': idempotencyInProgress,
  'stream-incremental': streamIncremental,
  'stream-slow-reader': streamSlowReader,
};
