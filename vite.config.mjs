// Builds each src/islands/*.island.tsx into public/assets/<name>.js (one small ES module per island).
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const islandsDir = fileURLToPath(new URL('./src/islands', import.meta.url));
const input = Object.fromEntries(
  readdirSync(islandsDir)
    .filter((f) => /\.island\.tsx?$/.test(f))
    .map((f) => [f.replace(/\.island\.tsx?$/, ''), `${islandsDir}/${f}`]),
);

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('./public/assets', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
    rollupOptions: { input, output: { entryFileNames: '[name].js', chunkFileNames: 'chunk-[hash].js', format: 'es' } },
    minify: true,
    reportCompressedSize: false,
  },
  logLevel: 'warn',
});
