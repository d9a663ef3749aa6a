import type { Express } from 'express';

/**
 * Routes the e2e suite needs beyond spec Appendix A: a handler that never answers and one that
 * destroys its socket. Mounted through `createReferenceApp({ extend })` in tests only.
 */
export function mountTestRoutes(app: Express): void {
  app.get('/_test/hang', () => {
    // Never answers: the batch engine must turn this into a 504 for this item only.
  });
  app.get('/_test/destroy', (req) => {
    req.socket.destroy();
  });
}
