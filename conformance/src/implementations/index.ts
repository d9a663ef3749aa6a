/**
 * @batchwire/conformance/implementations: run the suite against an implementation, write its
 * report, and render the implementations table of the conformance README from such reports.
 * @packageDocumentation
 */
export { Implementation, ImplementationRow, ImplementationsFile } from './implementation.js';
export { listenOnLoopback } from './listen.js';
export { type RecordedRun, type RecordOptions, recordImplementation } from './record.js';
export {
  implementationRow,
  renderImplementationsTable,
  replaceTable,
  TABLE_END,
  TABLE_START,
} from './table.js';
