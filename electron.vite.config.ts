import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Three bundles: the main process (Node, may import services/db/shared; and its report worker), the preload
// (sandboxed, so everything it uses is bundled into one CommonJS file), and the renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The report worker is a thread of the main process with an entry of its own (issue 13).
      rolldownOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts'), 'report-worker': resolve(__dirname, 'services/reports/report-worker-thread.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
