import type { RequestHandler } from 'express';
import { httpProblem, sendProblem } from '../http/problem.js';

/** The bearer token the demo API accepts for writes. */
export const DEMO_TOKEN = 'demo-token';

/** Lets a request through only with `Authorization: Bearer demo-token`; 401 problem otherwise. */
export function requireDemoToken(): RequestHandler {
  return (req, res, next) => {
    if (req.headers.authorization === `Bearer ${DEMO_TOKEN}`) {
      next();
      return;
    }
    const detail =
      req.headers.authorization === undefined
        ? 'Writes need the header "Authorization: Bearer demo-token".'
        : 'The Authorization header is not "Bearer demo-token".';
    res.set('WWW-Authenticate', 'Bearer realm="batchwire-demo"');
    sendProblem(res, httpProblem(401, detail));
  };
}
