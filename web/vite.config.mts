import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/** The explorer page: built into dist/web, served by credgraph at `/` (see src/server/web/static-site.ts). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // No inline scripts or data: modules: the page runs under a CSP of script-src 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
});
