/**
 * @batchwire/inspector: a journal of the batches a Batchwire server ran, the browser UI that shows
 * them (journal, timeline, item detail, playground) and the OpenAPI 3.1 document of the endpoint.
 * @packageDocumentation
 */
export { type InspectorHandler, type InspectorHandlerOptions, inspectorHandler } from './http/handler.js';
export { type Inspector, type InspectorOptions, inspector } from './inspector.js';
export { createJournal, type Journal, type JournalListener, type JournalOptions } from './journal/journal.js';
export { MASK, maskHeaders } from './journal/mask.js';
export { concurrencySteps, peakOverlap } from './journal/overlap.js';
export type * from './journal/types.js';
export { type OpenApiOptions, openApiDocument } from './openapi/document.js';
