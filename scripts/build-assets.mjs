// Builds the Preact islands with Vite and precompresses every static asset (gzip + brotli) so
// @fastify/static can serve .br/.gz files without compressing on each request.
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'public', 'assets');
const islandsDir = join(root, 'src', 'islands');

async function buildIslands() {
  if (!existsSync(islandsDir)) return;
  const entries = readdirSync(islandsDir).filter((f) => /\.island\.tsx?$/.test(f));
  if (entries.length === 0) return;
  let vite;
  try {
    vite = await import('vite');
  } catch {
    // Production installs without devDependencies keep the committed-free fallback: pages work without JS.
    console.warn('[assets] vite not installed; islands not built (pages still work without JavaScript)');
    return;
  }
  await vite.build({
    configFile: join(root, 'vite.config.mjs'),
    logLevel: 'warn',
  });
}

// Leaflet's stylesheet and marker images are served from our origin (CSP allows 'self' only).
function copyLeafletStyles() {
  const src = join(root, 'node_modules', 'leaflet', 'dist');
  if (!existsSync(src)) return;
  mkdirSync(join(outDir, 'leaflet', 'images'), { recursive: true });
  copyFileSync(join(src, 'leaflet.css'), join(outDir, 'leaflet', 'leaflet.css'));
  for (const img of readdirSync(join(src, 'images'))) copyFileSync(join(src, 'images', img), join(outDir, 'leaflet', 'images', img));
}

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

function precompress(dir) {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const file of walk(dir)) {
    const ext = extname(file);
    if (!['.js', '.css', '.svg', '.json', '.html', '.txt', '.map'].includes(ext)) continue;
    const body = readFileSync(file);
    if (body.length < 512) continue;
    writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
    writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    n++;
  }
  return n;
}

mkdirSync(outDir, { recursive: true });
await buildIslands();
copyLeafletStyles();
const n = precompress(join(root, 'public'));
console.log(`[assets] built; ${n} files precompressed`);
