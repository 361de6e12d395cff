/**
 * The one way tests load a story: from its folder (story/<slug>/, or a fixture folder), parsed by
 * the build's own parser against its own datasets, so every test reads what the build would serve.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { readStories, storyFolder, type StoryFolder } from '../src/build/story/folders.ts';
import { loadKnownIds } from '../src/build/story/known-ids.ts';
import { parseStory } from '../src/build/story/parse.ts';
import { formatError } from '../src/shared/story/errors.ts';
import type { KnownIds, Story } from '../src/shared/story/types.ts';

export const ROOT = resolve(import.meta.dirname, '..');

export interface LoadedStory {
  folder: StoryFolder;
  /** The story file as errors name it, relative to the project: `story/<slug>/story.md`. */
  file: string;
  /** The story file's text. */
  source: string;
  /** The feature ids its datasets hold. */
  known: KnownIds;
  story: Story;
}

/** The story of `story/<slug>/` (default: the one served at the root); throws if it is invalid. */
export function loadStory(slug?: string): LoadedStory {
  const folder = slug === undefined ? readStories(ROOT).default : storyFolder(ROOT, join(ROOT, 'story', slug));
  return loadStoryFolder(folder);
}

/** The story in `tests/fixtures/<name>/`. */
export function loadFixtureStory(name: string): LoadedStory {
  return loadStoryFolder(storyFolder(ROOT, join(ROOT, 'tests/fixtures', name)));
}

function loadStoryFolder(folder: StoryFolder): LoadedStory {
  const file = relative(ROOT, folder.file);
  const source = readFileSync(folder.file, 'utf8');
  const known = loadKnownIds(folder.geoDir);
  const result = parseStory(source, file, known);
  if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
  return { folder, file, source, known, story: result.story };
}
