/**
 * `npm run check:story`: the build's story validation on its own, for a fast loop while writing.
 * Usage: tsx scripts/check-story.ts [story slug or folder …] (default: every story of story/)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { formatErrors } from '../src/shared/story/errors.ts';
import { readStories, storyFolder, type StoryFolder } from '../src/build/story/folders.ts';
import { geoFiles, loadKnownIds } from '../src/build/story/known-ids.ts';
import { parseStory } from '../src/build/story/parse.ts';

const root = resolve(import.meta.dirname, '..');
const named = process.argv.slice(2);
const folderOf = (name: string): StoryFolder =>
  storyFolder(root, existsSync(join(root, 'story', name)) ? join(root, 'story', name) : name);

let failed = false;
try {
  const stories = named.length > 0 ? named.map(folderOf) : readStories(root).all;
  for (const story of stories) {
    const file = relative(root, story.file);
    const result = parseStory(readFileSync(story.file), file, loadKnownIds(story.geoDir));
    if (result.ok) {
      console.log(`${file}: OK — ${result.story.steps.length} steps`);
      continue;
    }
    failed = true;
    console.error(formatErrors(result.errors));
    if (geoFiles(story.geoDir).length === 0) {
      console.error(`(${relative(root, story.geoDir)} has no .geojson files yet, so no feature id is known)`);
    }
    console.error(`${file}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}`);
  }
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : String(error));
}
if (failed) process.exitCode = 1;
