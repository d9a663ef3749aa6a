import type { Express } from 'express';
import { blogsRouter } from './demo/routes.js';
import { conformanceFixtures } from './fixtures/mount.js';

/** Which API routes the reference app serves besides `/batch`. */
export interface ApiRouteOptions {
  /** Mount the conformance fixtures (default true). */
  readonly fixtures?: boolean;
  /** Prefix of the fixture routes (default `/_conformance`). */
  readonly fixturesPrefix?: string;
}

/** Mounts the demo blogs API at `/blogs` and, unless disabled, the fixtures under their prefix. */
export function mountApiRoutes(app: Express, options: ApiRouteOptions = {}): void {
  app.use('/blogs', blogsRouter());
  if (options.fixtures !== false) {
    app.use(
      conformanceFixtures(options.fixturesPrefix === undefined ? {} : { prefix: options.fixturesPrefix }),
    );
  }
}
