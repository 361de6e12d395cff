/**
 * `npm run build`: every story of story/, each with its own Vite build (scripts/build-story.ts),
 * into one static site: the default story (story/stories.yaml) in dist/, each other one in
 * dist/<slug>/.
 *
 * Options: `--story <slug>` builds that story alone (the others' folders are kept); `--mode e2e`
 * builds the test variant into dist-e2e/; `--with <folder>` builds one more story folder from
 * outside story/ (the e2e build adds a test fixture); `--site-url <url>` is the address the site is
 * served at, for absolute `og:url`/`og:image` addresses; `--no-offline` builds pages that register
 * no offline copy, and a `sw.js` that removes an earlier one.
 */
import { join, relative, resolve } from 'node:path';
import { readStories, storyFolder, StoryFolderError, type StoryFolder } from '../src/build/story/folders.ts';
import { buildFailureMessage } from '../src/build/story/vite-plugin-story.ts';
import { storyPageUrl } from '../src/build/social-card/meta.ts';
import { buildStory } from './build-story.ts';

const root = resolve(import.meta.dirname, '..');
const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const mode = option('--mode') ?? 'production';
const siteDir = join(root, mode === 'e2e' ? 'dist-e2e' : 'dist');
const offline = !process.argv.includes('--no-offline');
const siteUrl = option('--site-url');
const extraDirs = process.argv.flatMap((arg, i) => (arg === '--with' ? [process.argv[i + 1] ?? ''] : []));

/** The stories this build holds, the default first, and the ones to build now. */
function plan(): { defaultStory: StoryFolder; all: StoryFolder[]; selected: StoryFolder[] } {
  const stories = readStories(root);
  const all = [stories.default, ...stories.all.filter((s) => s !== stories.default)];
  for (const dir of extraDirs) {
    const extra = storyFolder(root, dir);
    const clash = all.find((s) => s.slug === extra.slug);
    if (clash) {
      throw new StoryFolderError(
        `--with ${dir}: a story named "${extra.slug}" is already built (${relative(root, clash.dir)})`,
      );
    }
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

async function main(): Promise<void> {
  // A bad address fails before any build.
  if (siteUrl !== undefined) storyPageUrl(siteUrl, undefined);
  const { defaultStory, all, selected } = plan();
  const others = all.filter((s) => s !== defaultStory).map((s) => s.slug);
  for (const story of selected) {
    const { outDir, summary } = await buildStory(story, {
      siteDir,
      isDefault: story === defaultStory,
      others,
      mode,
      offline,
      siteUrl,
      ssrDir: join(root, 'node_modules/.cache/story-ssr', mode, story.slug),
    });
    console.log(`built ${relative(root, outDir) || '.'}/ — ${summary}`);
  }
}

main().catch((error: unknown) => {
  console.error(buildFailureMessage(error));
  process.exit(1);
});
