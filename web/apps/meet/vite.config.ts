import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const require = createRequire(import.meta.url);

/** The MediaPipe selfie-segmentation runtime and model files, shipped by the npm package and served by Convene. */
function mediapipeAssets(): Plugin {
  const source = dirname(require.resolve('@mediapipe/selfie_segmentation/package.json'));
  const files = readdirSync(source).filter((f) => /\.(js|wasm|tflite|binarypb|data)$/.test(f));
  let outDir = 'dist';
  return {
    name: 'convene-mediapipe-assets',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    configureServer(server) {
      server.middlewares.use('/mediapipe/selfie_segmentation/', (req, res, next) => {
        const name = (req.url ?? '').replace(/^\//, '').split('?')[0] ?? '';
        if (!files.includes(name)) return next();
        res.setHeader('Content-Type', name.endsWith('.wasm') ? 'application/wasm' : name.endsWith('.js') ? 'text/javascript' : 'application/octet-stream');
        res.end(require('node:fs').readFileSync(join(source, name)));
      });
    },
    closeBundle() {
      const target = join(outDir, 'mediapipe', 'selfie_segmentation');
      if (!existsSync(target)) mkdirSync(target, { recursive: true });
      for (const f of files) cpSync(join(source, f), join(target, f));
    },
  };
}

export default defineConfig({
  plugins: [react(), mediapipeAssets()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    assetsDir: 'assets',
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:6080',
      '/internal-api': 'http://127.0.0.1:6080',
      '/ws': { target: 'ws://127.0.0.1:6080', ws: true },
    },
  },
});
