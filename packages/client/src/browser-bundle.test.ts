import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const entry = new URL('./index.ts', import.meta.url).pathname;
const readme = new URL('../README.md', import.meta.url).pathname;
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

async function bundle() {
  return build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
}

describe('browser bundle', () => {
  it('bundles src/index.ts for the browser without any Node built-in', async () => {
    const result = await bundle();
    expect(result.errors).toEqual([]);
    const imports = Object.values(result.metafile.inputs).flatMap((input) =>
      input.imports.map((i) => i.path),
    );
    expect(imports.filter((path) => builtins.has(path) || path.startsWith('node:'))).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/["']node:[a-z_/]+["']/);
    expect(code).not.toMatch(/\brequire\(/);
    expect(code).not.toMatch(/\bprocess\.(?:env|versions|nextTick)\b/);
  });

  it('carries no schema interpreter: nothing of TypeBox, and no code generation (works under a strict CSP)', async () => {
    const result = await bundle();
    const output = Object.values(result.metafile.outputs)[0]!;
    const bundled = Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0);
    expect(bundled.map(([path]) => path).filter((path) => path.includes('typebox'))).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/\bnew Function\b|\beval\(/);
  });

  it('has the minified and gzipped size the README reports (within 10%)', async () => {
    const result = await bundle();
    const bytes = result.outputFiles[0]!.contents;
    const minified = bytes.length / 1024;
    const gzipped = gzipSync(bytes).length / 1024;
    const text = readFileSync(readme, 'utf8');
    const stated = /about (\d+) kB minified \((\d+) kB gzipped\)/.exec(text);
    expect(stated, 'README states "about N kB minified (M kB gzipped)"').not.toBeNull();
    expect(Math.abs(Number(stated![1]) - minified) / minified).toBeLessThan(0.1);
    expect(Math.abs(Number(stated![2]) - gzipped) / gzipped).toBeLessThan(0.1);
    const exact = /([\d,]+) bytes gzipped as `size-limit` measures it/.exec(text);
    expect(exact, 'README states the exact gzipped size').not.toBeNull();
    // size-limit bundles the built dist/ the same way; its figure and this one differ by a few bytes.
    expect(Math.abs(Number(exact![1]!.replace(/,/g, '')) - gzipSync(bytes).length)).toBeLessThan(100);
  });
});
