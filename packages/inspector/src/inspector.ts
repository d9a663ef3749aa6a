import type { BatchObserver } from '@batchwire/server';
import { type InspectorHandler, inspectorHandler } from './http/handler.js';
import { createJournal, type Journal, type JournalOptions } from './journal/journal.js';

/** Options of {@link inspector}. */
export interface InspectorOptions extends JournalOptions {
  /** The batch endpoint's path, for the playground and the OpenAPI document (default `/batch`). */
  readonly batchPath?: string;
  /** Every path the endpoint is served at, for the OpenAPI document (default: `batchPath` alone). */
  readonly batchPaths?: readonly string[];
  /** A prefix to strip from `req.url` when mounted on plain node:http (Express strips it itself). */
  readonly basePath?: string;
  /** Folder of the built UI (default: the one shipped in this package). */
  readonly uiDir?: URL;
}

/** The inspector: a request handler to mount, with the journal and the observer that feeds it. */
export interface Inspector extends InspectorHandler {
  /** Pass it to the batch endpoint: `batchwire({ observers: [inspector.observer] })`. */
  readonly observer: Required<BatchObserver>;
  readonly journal: Journal;
}

/**
 * Creates an inspector for a development server: mount the returned handler under a path of its
 * own and give its observer to the batch endpoint. Keep it out of production builds by creating it
 * only when `process.env.NODE_ENV !== 'production'` (and installing this package as a devDependency).
 */
export function inspector(options: InspectorOptions = {}): Inspector {
  const journal = createJournal(options);
  const handler = inspectorHandler({
    journal,
    ...(options.batchPath === undefined ? {} : { batchPath: options.batchPath }),
    ...(options.batchPaths === undefined ? {} : { batchPaths: options.batchPaths }),
    ...(options.basePath === undefined ? {} : { basePath: options.basePath }),
    ...(options.uiDir === undefined ? {} : { uiDir: options.uiDir }),
  });
  return Object.assign(handler, { observer: journal.observer, journal });
}
