import type { IncomingMessage } from 'node:http';
import { isJsonMediaType } from '@batchwire/schema';
import express, { type RequestHandler } from 'express';

/** Largest request body the demo API and the fixtures accept. */
export const API_BODY_LIMIT = '1mb';

const hasJsonBody = (req: IncomingMessage): boolean => isJsonMediaType(req.headers['content-type']);

/**
 * JSON body parsing for the API routes: any JSON value (not only objects and arrays), for
 * `application/json` and `+json` types whatever their case and parameters.
 */
export function jsonBody(): RequestHandler {
  return express.json({ limit: API_BODY_LIMIT, strict: false, type: hasJsonBody });
}

/** Text body parsing for every non-JSON body, so that text bodies reach handlers as strings. */
export function textBody(): RequestHandler {
  return express.text({ limit: API_BODY_LIMIT, type: (req) => !hasJsonBody(req) });
}
