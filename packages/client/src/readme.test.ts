import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReferenceServer, startReferenceServer } from './test-support/reference-server.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
/** The origin the README's examples use: `npm start`'s default. */
const README_ORIGIN = 'http://127.0.0.1:3000';
const work = mkdtempSync(join(tmpdir(), 'batchwire-readme-'));

/** Every ```ts block immediately followed by a ```text block: the example and its printed output. */
// A ts block that is only a snippet (no text block right after it) is not an example.
const examples = [...readme.matchAll(/```ts\n((?:(?!```)[\s\S])*?)```\s*```text\n([\s\S]*?)```/g)].map(
  (match) => {
    const headings = [...readme.slice(0, match.index).matchAll(/^## (.+)$/gm)];
    return { name: headings.at(-1)?.[1] ?? 'intro', code: match[1]!, output: match[2]! };
  },
);

function runNode(file: string): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [file], { timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ stdout, stderr, code: error ? Number(error.code ?? 1) : 0 });
    });
  });
}

let server: ReferenceServer;

beforeAll(async () => {
  server = await startReferenceServer();
});
afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Every example twice against the one server: in README order, then in reverse order. */
const runs = [
  ...examples.map((example) => ({ ...example, pass: 'in README order' })),
  ...[...examples].reverse().map((example) => ({ ...example, pass: 'again, in reverse order' })),
];

describe('README examples', () => {
  it('has runnable examples with their outputs', () => {
    expect(examples.length).toBeGreaterThanOrEqual(9);
    for (const example of examples) expect(example.code).toContain(README_ORIGIN);
  });

  it.each(runs)('$name runs as printed against one shared server, $pass', async ({ code, output }) => {
    {
      const file = join(work, `example-${Math.random().toString(36).slice(2)}.mjs`);
      // The only change: the port the test server got instead of npm start's 3000.
      const result = await build({
        stdin: {
          contents: code.replaceAll(README_ORIGIN, server.origin),
          loader: 'ts',
          resolveDir: packageDir,
        },
        alias: { '@batchwire/client': join(packageDir, 'src', 'index.ts') },
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        write: false,
        logLevel: 'silent',
      });
      writeFileSync(file, result.outputFiles[0]!.contents);
      const run = await runNode(file);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout.trim()).toBe(output.trim());
    }
  });
});
