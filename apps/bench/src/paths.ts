import { fileURLToPath } from 'node:url';

// This module sits directly in src/ (vitest) or dist/ (built), so the package root is one level up.
const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** The bench package's root directory (with a trailing separator). */
export const PACKAGE_ROOT = packageRoot;

/** The compiled child-process entry every contender's server runs in (tests need a build first). */
export const CHILD_SCRIPT = fileURLToPath(new URL('../dist/child.js', import.meta.url));

/** Where the full run writes latest.md and latest.json. */
export const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));
