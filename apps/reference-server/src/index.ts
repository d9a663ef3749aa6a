/**
 * The Batchwire reference server as a library: the Express app (demo API, conformance fixtures,
 * `/batch`) and the pieces the CLI is made of.
 * @packageDocumentation
 */
export { BATCH_PATH, createReferenceApp, type ReferenceAppOptions } from './app.js';
export { type CliOptions, parseCliArgs } from './cli-options.js';
export { DEMO_TOKEN } from './demo/auth.js';
export { blogsRouter } from './demo/routes.js';
export { type BlogEntry, type BlogStore, createBlogStore, seedEntries } from './demo/store.js';
export { conformanceFixtures, DEFAULT_FIXTURES_PREFIX } from './fixtures/mount.js';
export { listeningLine, type RunningServer, startServer } from './lifecycle.js';
