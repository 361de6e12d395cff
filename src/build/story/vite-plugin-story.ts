/**
 * Serves the validated, resolved story as `virtual:story`: its steps and its layer registry (for the
 * legend and the timeline). An invalid story or layers.yaml fails `vite build` and shows in the dev
 * server's error overlay with every error at once.
 */
import { resolve } from 'node:path';
import { normalizePath, type Plugin } from 'vite';
import { formatErrors } from '../../shared/story/errors.ts';
import { MODULE_IDS } from '../vite/module-ids.ts';
import { virtualModule } from '../vite/virtual-module.ts';
import type { StoryFolder } from './folders.ts';
import { loadStoryFolder, STORY_FILE } from './story-folder.ts';

export interface StoryPluginOptions {
  /** The story this build serves. */
  story: StoryFolder;
}

export function storyPlugin({ story }: StoryPluginOptions): Plugin {
  let root = process.cwd();
  /** The files the story was last read from: the story, its layers.yaml, its datasets. */
  let inputs: string[] = [];

  return virtualModule({
    name: 'story',
    id: MODULE_IDS.story,
    madeFrom: (path) => inputs.includes(path),

    configResolved(config) {
      root = config.root;
    },

    load() {
      const result = loadStoryFolder(story.dir, root);
      inputs = result.files.map((file) => normalizePath(file));
      for (const path of result.files) this.addWatchFile(path);
      if (result.ok) return `export default ${JSON.stringify(result.folder.story)};`;

      const first = result.errors[0];
      const file = resolve(root, first?.file ?? resolve(story.dir, STORY_FILE));
      return this.error({
        message: formatErrors(result.errors),
        id: file,
        loc: { file, line: first?.line ?? 1, column: first?.column ?? 1 },
      });
    },
  });
}

/**
 * A failed build's message for the terminal. Rolldown's own message appends each cause's stack;
 * the causes' messages already say what to fix (the story's: file, line, step and field).
 */
export function buildFailureMessage(error: unknown): string {
  const causes: unknown[] =
    typeof error === 'object' &&
    error !== null &&
    'errors' in error &&
    Array.isArray(error.errors) &&
    error.errors.length > 0
      ? error.errors
      : [error];
  return causes.map((cause) => (cause instanceof Error ? cause.message : String(cause))).join('\n');
}
