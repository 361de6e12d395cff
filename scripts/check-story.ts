/**
 * `npm run check:story`: the build's story validation on its own, for a fast loop while writing: each
 * story folder's layers.yaml and datasets, then its story.md against them.
 * Usage: tsx scripts/check-story.ts [story slug or folder …] (default: every story of story/)
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { formatErrors } from '../src/shared/story/errors.ts';
import { readStories, storyFolder, type StoryFolder } from '../src/build/story/folders.ts';
import { loadStoryFolder } from '../src/build/story/story-folder.ts';

const root = resolve(import.meta.dirname, '..');
const named = process.argv.slice(2);
const folderOf = (name: string): StoryFolder =>
  storyFolder(root, existsSync(join(root, 'story', name)) ? join(root, 'story', name) : name);

let failed = false;
try {
  const stories = named.length > 0 ? named.map(folderOf) : readStories(root).all;
  for (const story of stories) {
    const dir = relative(root, story.dir);
    const result = loadStoryFolder(story.dir, root);
    if (result.ok) {
      const { story: parsed, layers } = result.folder;
      console.log(
        `${dir}: OK — ${parsed.steps.length} steps, ${layers.registry.layers.length} story layers, ${layers.registry.datasets.length} datasets`,
      );
      continue;
    }
    failed = true;
    console.error(formatErrors(result.errors));
    console.error(`${dir}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}`);
  }
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : String(error));
}
if (failed) process.exitCode = 1;
