import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Builds the explorer into explorer/dist (not committed), which the API serves at /explore
 * (src/http/explorer.ts). Everything it loads is bundled from npm here: the page fetches nothing
 * but its own files and /graphql.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/explore/',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Cytoscape, Leaflet, vis-timeline and the Natural Earth borders make one large, cached bundle.
    chunkSizeWarningLimit: 4000,
    // Small assets inlined as data: URIs would need a looser content security policy; keep them files.
    assetsInlineLimit: 0,
  },
});
