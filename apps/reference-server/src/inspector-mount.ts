import { type Inspector, inspector } from '@batchwire/inspector';
import { INNER_REQUEST_MARKER_HEADER } from '@batchwire/schema';
import type { Express } from 'express';

/** Where the reference server serves the batch inspector (UI, journal API, OpenAPI document). */
export const INSPECTOR_PATH = '/_batchwire/';

/** The event the CLI emits on the app when it starts to shut down (the inspector ends its event streams). */
export const SHUTDOWN_EVENT = 'batchwire:shutdown';

const MARKER = INNER_REQUEST_MARKER_HEADER.toLowerCase();

/**
 * Mounts the inspector at {@link INSPECTOR_PATH} for a batch endpoint served at `batchPaths` (the
 * playground posts to the first; the OpenAPI document names them all) and returns it.
 * Inner requests of a batch do not reach it: a batch reading the journal, or holding its event
 * stream open until the item times out, would only confuse what the journal shows.
 */
export function mountInspector(app: Express, batchPaths: readonly string[]): Inspector {
  const dev = inspector({ batchPaths, ...(batchPaths[0] === undefined ? {} : { batchPath: batchPaths[0] }) });
  app.use(INSPECTOR_PATH.slice(0, -1), (req, res, next) => {
    if (req.headers[MARKER] !== undefined) next();
    else dev(req, res, next);
  });
  // An open inspector tab's event stream would otherwise hold the graceful shutdown for its whole grace.
  app.once(SHUTDOWN_EVENT, () => dev.close());
  return dev;
}
