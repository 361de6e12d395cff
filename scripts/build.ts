/**
 * `npm run build`: the client bundle, then the same App rendered to HTML on Node and written into
 * the built index.html, so the article, its alt texts and credits are readable before any
 * JavaScript runs. `--mode e2e` builds the test variant into dist-e2e. Last, the service worker
 * of the offline copy (scripts/service-worker.ts), or with `--no-offline` one that removes it.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, createLogger } from 'vite';
import { buildFailureMessage } from '../src/build/story/vite-plugin-story.ts';
import { writeServiceWorker, writeServiceWorkerRemover } from './service-worker.ts';

/** What the SSR entry (src/entries/entry-server.ts) renders: the page's head and body and its title. */
interface RenderedStory {
  head: string;
  body: string;
  title: string;
  description: string;
}

const modeFlag = process.argv.indexOf('--mode');
const mode = modeFlag >= 0 ? (process.argv[modeFlag + 1] ?? 'production') : 'production';
const root = resolve(import.meta.dirname, '..');
const outDir = join(root, mode === 'e2e' ? 'dist-e2e' : 'dist');
const ssrDir = join(root, 'node_modules/.cache/kuril-ssr', mode);
// `--no-offline`: no service worker registration in the pages (vite.config.ts reads this).
const offline = !process.argv.includes('--no-offline');
if (!offline) process.env.STORY_OFFLINE = 'off';

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
    build: { ssr: 'src/entries/entry-server.ts', outDir: ssrDir, emptyOutDir: true, copyPublicDir: false },
  });
  const { renderStory } = (await import(pathToFileURL(join(ssrDir, 'entry-server.js')).href)) as {
    renderStory: () => RenderedStory;
  };
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
  let copy = 'no offline copy';
  if (offline) {
    const { count, size } = await writeServiceWorker(outDir);
    copy = `offline copy of ${count} files (${(size / 1024 / 1024).toFixed(1)} MB)`;
  } else writeServiceWorkerRemover(outDir);
  console.log(`built ${outDir.replace(root + '/', '')}/ (${mode}), story prerendered, ${copy}`);
}

main().catch((error: unknown) => {
  console.error(buildFailureMessage(error));
  process.exit(1);
});
