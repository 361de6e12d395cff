/**
 * Node only: a story folder (`story/<slug>/`) read and checked once: its layers.yaml and datasets,
 * then its story.md against them. Every plugin that needs the story (the story module, the map's data
 * and style, the still maps) asks here, so a build parses each file once; a changed input file (by
 * modification time) reads the folder again.
 */
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Story, StoryError } from '../../shared/story/types.ts';
import { addContent } from './content.ts';
import { knownIds } from './known-ids.ts';
import { loadStoryLayers, type StoryLayers } from './layers-file.ts';
import { parseStory } from './parse.ts';

export const STORY_FILE = 'story.md';

export interface LoadedStory {
  story: Story;
  layers: StoryLayers;
}

export type StoryFolderResult =
  { ok: true; folder: LoadedStory; files: string[] } | { ok: false; errors: StoryError[]; files: string[] };

const cache = new Map<string, { key: string; result: StoryFolderResult }>();

const stamp = (files: readonly string[]) =>
  files.map((file) => `${file}:${statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0}`).join('|');

/** The story in `dir`, with errors naming files relative to `cwd`. `files`: every input, to watch. */
export function loadStoryFolder(dir: string, cwd = process.cwd()): StoryFolderResult {
  const id = `${resolve(dir)}|${cwd}`;
  const cached = cache.get(id);
  if (cached !== undefined && cached.key === stamp(cached.result.files)) return cached.result;
  const result = readStoryFolder(dir, cwd);
  cache.set(id, { key: stamp(result.files), result });
  return result;
}

function readStoryFolder(dir: string, cwd: string): StoryFolderResult {
  const storyPath = resolve(dir, STORY_FILE);
  const layers = loadStoryLayers(dir, cwd);
  const files = [storyPath, ...layers.files];
  if (!layers.ok) return { ok: false, errors: layers.errors, files };
  let source: Uint8Array;
  try {
    source = readFileSync(storyPath);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      files,
      errors: [{ file: relative(cwd, storyPath), line: 1, message: `cannot read the story: ${message}` }],
    };
  }
  const file = relative(cwd, storyPath) || storyPath;
  const parsed = parseStory(source, file, knownIds(layers.layers));
  if (!parsed.ok) return { ok: false, errors: parsed.errors, files };
  // Its About text and feature panel, from about.md (and the facts it names) and the datasets.
  const content = addContent(parsed.story, file, new TextDecoder().decode(source), cwd, layers.layers.collections);
  files.push(...content.inputs);
  if (content.story === undefined) return { ok: false, errors: content.errors, files };
  return { ok: true, folder: { story: content.story, layers: layers.layers }, files };
}
