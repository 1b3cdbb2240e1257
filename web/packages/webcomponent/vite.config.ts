import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// `<openvidu-meet>` as one self-contained classic script (IIFE, no imports), written beside the meet app's output so
// the server can answer GET /v1/openvidu-meet.js (contract §9). The meet app's build runs this config after its own.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  build: {
    outDir: fileURLToPath(new URL('../../apps/meet/dist/v1', import.meta.url)),
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: false,
    lib: {
      entry: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
      formats: ['iife'],
      name: 'OpenViduMeet',
      fileName: () => 'openvidu-meet.js',
    },
  },
});
