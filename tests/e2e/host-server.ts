/**
 * The newsroom side of the embed tests, on its own origin (port 4175): the host pages in
 * tests/e2e/host, and a copy of the e2e build under a base path, /graphics/2016/kurils/, as a
 * newsroom's CDN folder would serve it. Run by Playwright's webServer (playwright.config.ts).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const PORT = Number(process.env.HOST_PORT ?? 4175);
const MOUNTS: [prefix: string, dir: string][] = [
  ['/host/', join(root, 'tests/e2e/host')],
  ['/graphics/2016/kurils/', join(root, 'dist-e2e')],
];
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
  const mount = MOUNTS.find(([prefix]) => path.startsWith(prefix));
  const file = mount && normalize(join(mount[1], path.slice(mount[0].length) || 'index.html'));
  if (!mount || !file || !file.startsWith(mount[1]) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404).end('not found');
    return;
  }
  response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
}).listen(PORT, '127.0.0.1', () => console.log(`host pages on http://127.0.0.1:${PORT}/host/`));
