/**
 * `npm run build`: every story of story/, each with its own Vite build, into one static site: the
 * default story (story/stories.yaml) in dist/, each other one in dist/<slug>/. Per story: the client
 * bundle, then the same App rendered to HTML on Node and written into the built index.html (so the
 * article, its alt texts and credits are readable before any JavaScript runs, and a shared link has
 * its title, description and social card), then the offline copy's service worker
 * (scripts/service-worker.ts), or with `--no-offline` one that removes it.
 *
 * Options: `--story <slug>` builds that story alone (the others' folders are kept); `--mode e2e`
 * builds the test variant into dist-e2e/; `--with <folder>` builds one more story folder from
 * outside story/ (the e2e build adds a test fixture); `--site-url <url>` is the address the site is
 * served at, for absolute `og:url`/`og:image` addresses.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, createLogger, mergeConfig, type InlineConfig } from 'vite';
import { readStories, storyFolder, StoryFolderError, type StoryFolder } from '../src/build/story/folders.ts';
import { buildFailureMessage } from '../src/build/story/vite-plugin-story.ts';
import { socialMetaTags, storyPageUrl } from '../src/build/social-card/meta.ts';
import { storyConfig } from '../vite.config.ts';
import { writeServiceWorker, writeServiceWorkerRemover } from './service-worker.ts';

/** What the SSR entry (src/entries/entry-server.ts) renders: the page's head and body and its title. */
interface RenderedStory {
  head: string;
  body: string;
  title: string;
  description: string;
}

const root = resolve(import.meta.dirname, '..');
const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const mode = option('--mode') ?? 'production';
const distDir = join(root, mode === 'e2e' ? 'dist-e2e' : 'dist');
const offline = !process.argv.includes('--no-offline');
const siteUrl = option('--site-url');
const extraDirs = process.argv.flatMap((arg, i) => (arg === '--with' ? [process.argv[i + 1] ?? ''] : []));

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

// Vite's "✗ Build failed in …" line would come before the failure, which is printed once, below.
const logger = createLogger('warn');
const logError = logger.error.bind(logger);
logger.error = (msg, options) => {
  if (!msg.includes('Build failed in')) logError(msg, options);
};

/** The stories this build holds, the default first, and the ones to build now. */
function plan(): { defaultStory: StoryFolder; all: StoryFolder[]; selected: StoryFolder[] } {
  const stories = readStories(root);
  const all = [stories.default, ...stories.all.filter((s) => s !== stories.default)];
  for (const dir of extraDirs) {
    const extra = storyFolder(root, dir);
    const clash = all.find((s) => s.slug === extra.slug);
    if (clash)
      throw new StoryFolderError(
        `--with ${dir}: a story named "${extra.slug}" is already built (${relative(root, clash.dir)})`,
      );
    all.push(extra);
  }
  const only = option('--story');
  if (only === undefined) return { defaultStory: stories.default, all, selected: all };
  const selected = all.filter((s) => s.slug === only);
  if (selected.length === 0) {
    throw new StoryFolderError(`--story ${only}: no such story — stories: ${all.map((s) => s.slug).join(', ')}`);
  }
  return { defaultStory: stories.default, all, selected };
}

/**
 * Empties a story's output folder before its build. The default story's is the site's root, which
 * also holds the other stories' folders: those stay.
 */
function clearOutput(outDir: string, keep: readonly string[]): void {
  if (!existsSync(outDir)) return;
  for (const name of readdirSync(outDir)) {
    if (!keep.includes(name)) rmSync(join(outDir, name), { recursive: true, force: true });
  }
}

async function buildStory(story: StoryFolder, isDefault: boolean, others: readonly string[]): Promise<string> {
  const outDir = isDefault ? distDir : join(distDir, story.slug);
  const ssrDir = join(root, 'node_modules/.cache/story-ssr', mode, story.slug);
  clearOutput(outDir, isDefault ? others : []);
  const env = { command: 'build', mode } as const;
  const common: InlineConfig = { configFile: false, mode, logLevel: 'warn', customLogger: logger };
  const config = { story, outDir: relative(root, outDir), offline };
  await build(
    mergeConfig(storyConfig(config, { ...env, isSsrBuild: false }), { ...common, build: { emptyOutDir: false } }),
  );
  await build(
    mergeConfig(storyConfig(config, { ...env, isSsrBuild: true }), {
      ...common,
      build: { ssr: 'src/entries/entry-server.ts', outDir: ssrDir, emptyOutDir: true, copyPublicDir: false },
    }),
  );
  const { renderStory } = (await import(pathToFileURL(join(ssrDir, 'entry-server.js')).href)) as {
    renderStory: () => RenderedStory;
  };
  const { head, body, title, description } = renderStory();
  const pageUrl = siteUrl === undefined ? undefined : storyPageUrl(siteUrl, isDefault ? undefined : story.slug);
  const indexPath = join(outDir, 'index.html');
  const html = readFileSync(indexPath, 'utf8')
    .replace(
      '<!--app-head-->',
      [
        `<title>${escapeHtml(title)}</title>`,
        `<meta name="description" content="${escapeHtml(description)}" />`,
        ...socialMetaTags({ title, description, pageUrl }),
        head,
      ].join('\n    '),
    )
    .replace('<!--app-html-->', body);
  writeFileSync(indexPath, html);
  rmSync(ssrDir, { recursive: true, force: true });
  // Crawlers read robots.txt at the site's root only.
  if (!isDefault) rmSync(join(outDir, 'robots.txt'), { force: true });
  let copy = 'no offline copy';
  if (offline) {
    const { count, size } = await writeServiceWorker(outDir, isDefault ? others : []);
    copy = `offline copy of ${count} files (${(size / 1024 / 1024).toFixed(1)} MB)`;
  } else writeServiceWorkerRemover(outDir);
  return `built ${relative(root, outDir)}/ (${story.slug}, ${mode}), story prerendered, ${copy}`;
}

async function main(): Promise<void> {
  const { defaultStory, all, selected } = plan();
  const others = all.filter((s) => s !== defaultStory).map((s) => s.slug);
  for (const story of selected) console.log(await buildStory(story, story === defaultStory, others));
}

main().catch((error: unknown) => {
  console.error(buildFailureMessage(error));
  process.exit(1);
});
