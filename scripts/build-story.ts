/**
 * One story's build into its folder of the site: the client bundle, then the same App rendered to
 * HTML on Node and written into the built index.html (so the article, its alt texts and credits are
 * readable before any JavaScript runs, and a shared link has its title, description and social
 * card), then the offline copy's service worker (scripts/service-worker.ts), or with `offline:
 * false` one that removes it. Used by scripts/build.ts (every story) and the build's unit test.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, createLogger, mergeConfig, type InlineConfig } from 'vite';
import type { StoryFolder } from '../src/build/story/folders.ts';
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

export interface StoryBuildOptions {
  /** The site's folder (dist/): the default story is built into it, every other one into `<slug>/`. */
  siteDir: string;
  /** Whether this is the story at the site's root. */
  isDefault: boolean;
  /** The other stories' slugs: the default story's folder holds theirs, which its build keeps. */
  others: readonly string[];
  mode: string;
  offline: boolean;
  /** The address the site is served at, for absolute `og:url` and `og:image`. */
  siteUrl?: string;
  /** Where the SSR build goes for the prerender (removed after). */
  ssrDir: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

// Vite's "✗ Build failed in …" line would come before the failure, which the caller prints once.
const logger = createLogger('warn');
const logError = logger.error.bind(logger);
logger.error = (msg, options) => {
  if (!msg.includes('Build failed in')) logError(msg, options);
};

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

/** Builds `story`; returns its folder and a line saying what was built. */
export async function buildStory(
  story: StoryFolder,
  { siteDir, isDefault, others, mode, offline, siteUrl, ssrDir }: StoryBuildOptions,
): Promise<{ outDir: string; summary: string }> {
  const outDir = isDefault ? siteDir : join(siteDir, story.slug);
  clearOutput(outDir, isDefault ? others : []);
  const env = { command: 'build', mode } as const;
  const common: InlineConfig = { configFile: false, mode, logLevel: 'warn', customLogger: logger };
  const config = { story, outDir, offline };
  // Vite builds for development when NODE_ENV says so (vitest sets it to "test"): a story's build
  // is a production build whatever the caller's environment.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build(
      mergeConfig(storyConfig(config, { ...env, isSsrBuild: false }), { ...common, build: { emptyOutDir: false } }),
    );
    await build(
      mergeConfig(storyConfig(config, { ...env, isSsrBuild: true }), {
        ...common,
        build: { ssr: 'src/entries/entry-server.ts', outDir: ssrDir, emptyOutDir: true, copyPublicDir: false },
      }),
    );
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
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
  return { outDir, summary: `${story.slug} (${mode}): story prerendered, ${copy}` };
}
