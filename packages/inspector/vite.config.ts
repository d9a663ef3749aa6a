import { defineConfig } from 'vite';

// The UI is built into dist/ui and served by the inspector handler; relative asset urls let it
// live under any mount path (`/_batchwire/`, or wherever an app mounts it).
export default defineConfig({
  root: 'ui',
  base: './',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: '../dist/ui',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    modulePreload: { polyfill: false },
  },
  logLevel: 'warn',
});
