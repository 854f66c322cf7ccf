import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Vite 8 compiles TSX itself (oxc); @vitejs/plugin-react would only add dev-server Fast Refresh, and its
// optional babel peers fail to resolve next to jest's @babel/core 7 (npm ERESOLVE), so it is left out.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 400 },
  logLevel: 'warn',
});
