/**
 * Serves the validated, resolved story as `virtual:story`. An invalid story fails `vite build` and
 * shows in the dev server's error overlay with every error at once.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { normalizePath, type Plugin } from 'vite';
import { formatErrors } from '../../shared/story/errors.ts';
import { MODULE_IDS } from '../vite/module-ids.ts';
import { virtualModule } from '../vite/virtual-module.ts';
import type { StoryFolder } from './folders.ts';
import { geoFiles, loadKnownIds } from './known-ids.ts';
import { parseStory } from './parse.ts';
import type { KnownIds } from '../../shared/story/types.ts';

export interface StoryPluginOptions {
  /** The story this build serves. */
  story: StoryFolder;
}

export function storyPlugin({ story }: StoryPluginOptions): Plugin {
  let root = process.cwd();
  const storyPath = normalizePath(story.file);
  const geoPath = normalizePath(story.geoDir);
  // Errors name the file as the writer sees it from the project: story/<slug>/story.md.
  const shown = (path: string): string => normalizePath(relative(root, path));

  return virtualModule({
    name: 'story',
    id: MODULE_IDS.story,
    madeFrom: (path) => path === storyPath || (path.startsWith(`${geoPath}/`) && path.endsWith('.geojson')),

    configResolved(config) {
      root = config.root;
    },

    load() {
      const geo = geoFiles(geoPath);
      this.addWatchFile(storyPath);
      for (const path of geo) this.addWatchFile(path);

      let source: Uint8Array;
      let known: KnownIds;
      try {
        source = readFileSync(storyPath);
        known = loadKnownIds(geoPath);
      } catch (error) {
        return this.error(`cannot load the story: ${error instanceof Error ? error.message : String(error)}`);
      }
      const result = parseStory(source, shown(storyPath), known);
      if (result.ok) return `export default ${JSON.stringify(result.story)};`;

      const first = result.errors[0];
      const note =
        geo.length === 0
          ? `\n(${shown(geoPath)} has no .geojson files yet, so no feature id is known: run \`npm run geo\`)`
          : '';
      return this.error({
        message: `${formatErrors(result.errors)}${note}`,
        id: storyPath,
        loc: { file: storyPath, line: first?.line ?? 1, column: first?.column ?? 1 },
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
