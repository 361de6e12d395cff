/**
 * `npm run build`: the client bundle, then the same App rendered to HTML on Node and written into
 * the built index.html, so the article, its alt texts and credits are readable before any
 * JavaScript runs. `--mode e2e` builds the test variant into dist-e2e.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, createLogger } from 'vite';
import { buildFailureMessage } from '../src/lib/story/vite-plugin-story.ts';

const modeFlag = process.argv.indexOf('--mode');
const mode = modeFlag >= 0 ? (process.argv[modeFlag + 1] ?? 'production') : 'production';
const root = resolve(import.meta.dirname, '..');
const outDir = join(root, mode === 'e2e' ? 'dist-e2e' : 'dist');
const ssrDir = join(root, 'node_modules/.cache/kuril-ssr', mode);

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

// Vite's "✗ Build failed in …" line would come before the failure, which is printed once, below.
const logger = createLogger('warn');
const logError = logger.error.bind(logger);
logger.error = (msg, options) => {
  if (!msg.includes('Build failed in')) logError(msg, options);
};

async function main(): Promise<void> {
  await build({ root, mode, logLevel: 'warn', customLogger: logger });
  await build({
    root,
    mode,
    logLevel: 'warn',
    customLogger: logger,
    build: { ssr: 'src/entry-server.ts', outDir: ssrDir, emptyOutDir: true, copyPublicDir: false },
  });
  const { renderStory } = (await import(
    pathToFileURL(join(ssrDir, 'entry-server.js')).href
  )) as typeof import('../src/entry-server.ts');
  const { head, body, title, description } = renderStory();
  const indexPath = join(outDir, 'index.html');
  const html = readFileSync(indexPath, 'utf8')
    .replace(
      '<!--app-head-->',
      `<title>${escapeHtml(title)}</title>\n    <meta name="description" content="${escapeHtml(description)}" />\n    ${head}`,
    )
    .replace('<!--app-html-->', body);
  writeFileSync(indexPath, html);
  rmSync(ssrDir, { recursive: true, force: true });
  console.log(`built ${outDir.replace(root + '/', '')}/ (${mode}), story prerendered`);
}

main().catch((error: unknown) => {
  console.error(buildFailureMessage(error));
  process.exit(1);
});
