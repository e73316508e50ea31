import { defineConfig } from 'vite'

// The node serves dist/ at `/` with an SPA fallback; the dev server proxies the
// API to a node started with `tabularium node start` (TABULARIUM_API, default :8080).
export default defineConfig({
  base: '/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    sourcemap: false,
    cssCodeSplit: true,
    modulePreload: { polyfill: false },
    rollupOptions: {
      // Our packages' modules only declare functions and constants; telling
      // rollup so lets it drop what the portal does not use (e.g. zod schemas).
      treeshake: { moduleSideEffects: (id) => !/\/packages\/(core|log|protocol|sdk)\//.test(id) },
    },
  },
  // The browser recount's Web Worker (apps/web/src/ballots/recount.worker.ts) is an ES module, like the app.
  worker: { format: 'es' },
  server: {
    proxy: {
      '/v1': process.env.TABULARIUM_API ?? 'http://127.0.0.1:8080',
      '/tlog': process.env.TABULARIUM_API ?? 'http://127.0.0.1:8080',
    },
  },
})
