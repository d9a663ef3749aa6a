import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package's root directory (the parent of src/ and of dist/). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The directory of the bundled v1 case files. */
export const CASES_DIR = fileURLToPath(new URL('../cases/v1/', import.meta.url));

/** The version of this package, reported as `suiteVersion`. */
export const SUITE_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** The protocol version the bundled cases test. */
export const SPEC_VERSION = '1';
