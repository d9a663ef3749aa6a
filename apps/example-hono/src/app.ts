import { createFixtures } from '@batchwire/conformance/fixtures';
import { type BatchwireFetchOptions, batchwireFetch } from '@batchwire/server/fetch';
import { Hono } from 'hono';

/** A Hono app with the conformance fixtures at `/_conformance` and the batch endpoint at `/batch`. */
export function createApp(options: Omit<BatchwireFetchOptions, 'fetch'> = {}): Hono {
  const app = new Hono();
  const fixtures = createFixtures();
  const batch = batchwireFetch({ ...options, fetch: (request) => app.fetch(request) });
  app.all('/batch', (c) => batch(c.req.raw));
  app.all('/_conformance/*', (c) => fixtures(c.req.raw));
  return app;
}
