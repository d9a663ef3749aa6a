import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_REPLAYED_HEADER } from '@batchwire/schema';
import cors from 'cors';
import type { RequestHandler } from 'express';

/** Which cross-origin callers the batch endpoint grants: every origin (`*`) or the listed ones. */
export type CorsOrigins = '*' | readonly string[];

/** Request headers a browser caller of the batch endpoint needs (credentials, replay key, media types). */
export const CORS_ALLOWED_HEADERS = ['Authorization', IDEMPOTENCY_KEY_HEADER, 'Content-Type', 'Accept'];

/** Response headers a browser caller may read besides the CORS-safelisted ones. */
export const CORS_EXPOSED_HEADERS = [IDEMPOTENCY_REPLAYED_HEADER];

/**
 * The `cors` middleware for the batch endpoint: answers preflights (204) for the granted origins
 * and marks their actual requests readable; any other origin gets no Access-Control-* header, so
 * the browser refuses it.
 */
export function batchCors(origins: CorsOrigins): RequestHandler {
  return cors({
    // A list is matched exactly and reflected with `Vary: Origin`; `*` is for local development.
    origin: origins === '*' ? '*' : [...origins],
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    maxAge: 600,
  });
}
