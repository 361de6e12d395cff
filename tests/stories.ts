/**
 * The one way tests load a story: from its folder (story/<slug>/, or a fixture folder), parsed by
 * the build's own parser against its own datasets, so every test reads what the build would serve.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { readStories, storyFolder, type StoryFolder } from '../src/build/story/folders.ts';
import { knownIds } from '../src/build/story/known-ids.ts';
import type { StoryLayers } from '../src/build/story/layers-file.ts';
import { loadStoryFolder as readFolder } from '../src/build/story/story-folder.ts';
import { formatErrors } from '../src/shared/story/errors.ts';
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
  /** Its layers.yaml, read: the registry, the map style and the datasets. */
  layers: StoryLayers;
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
  const result = readFolder(folder.dir, ROOT);
  if (!result.ok) throw new Error(formatErrors(result.errors));
  const { story, layers } = result.folder;
  return {
    folder,
    file: relative(ROOT, folder.file),
    source: readFileSync(folder.file, 'utf8'),
    known: knownIds(layers),
    story,
    layers,
  };
}
