import { defineConfig } from 'vite';

/**
 * A self-contained bundle of the SDK (global `ConveneClient`) for pages that do not use a bundler, and for the
 * browser acceptance tests (tests/Convene.E2E.Tests/SdkMeetingTests.cs inject it into a page at the server origin).
 * The meeting app does not use it: it imports the sources through the workspace.
 */
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    minify: false,
    lib: {
      entry: 'src/index.ts',
      name: 'ConveneClient',
      formats: ['iife'],
      fileName: () => 'convene-client.js',
    },
  },
});
