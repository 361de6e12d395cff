/**
 * Serves the validated, resolved story as `virtual:story`. An invalid story fails `vite build` and
 * shows in the dev server's error overlay with every error at once.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { normalizePath, type Plugin } from 'vite';
import { formatErrors } from '../../shared/story/errors.ts';
import { geoFiles, loadKnownIds } from './known-ids.ts';
import { parseStory } from './parse.ts';
import { addContent } from './content.ts';
import type { KnownIds, Story, StoryMeta } from '../../shared/story/types.ts';

/** The plugin's name, by which the others find its `api`. */
export const STORY_PLUGIN = 'story';

export interface StoryPluginApi {
  /** The story's front matter, as last served (parsed now if it has not been yet); throws on errors. */
  meta(): StoryMeta;
}

const VIRTUAL_ID = 'virtual:story';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export interface StoryPluginOptions {
  /** Story file, relative to the Vite root: `story/<slug>/story.md`. */
  file: string;
  /** Built datasets the story's feature ids come from, relative to the Vite root. */
  geoDir: string;
}

export function storyPlugin({ file, geoDir }: StoryPluginOptions): Plugin {
  let root = process.cwd();
  const storyPath = (): string => normalizePath(resolve(root, file));
  const geoPath = (): string => normalizePath(resolve(root, geoDir));
  // about.md, the facts file it names and the panel's dataset, as last loaded.
  let contentInputs = new Set<string>();
  const isInput = (changed: string): boolean => {
    const path = normalizePath(changed);
    return (
      path === storyPath() || contentInputs.has(path) || (path.startsWith(`${geoPath()}/`) && path.endsWith('.geojson'))
    );
  };

  // The story as last served, for the other plugins (the embed's host page script needs its element name).
  let served: Story | undefined;
  const api: StoryPluginApi = {
    meta() {
      if (served !== undefined) return served.meta;
      const result = parseStory(readFileSync(storyPath()), file, loadKnownIds(geoPath()));
      if (!result.ok) throw new Error(formatErrors(result.errors));
      return result.story.meta;
    },
  };

  return {
    name: STORY_PLUGIN,
    api,

    configResolved(config) {
      root = config.root;
    },

    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },

    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const story = storyPath();
      const geo = geoFiles(geoPath());
      this.addWatchFile(story);
      for (const path of geo) this.addWatchFile(path);

      let source: Uint8Array;
      let known: KnownIds;
      try {
        source = readFileSync(story);
        known = loadKnownIds(geoPath());
      } catch (error) {
        return this.error(`cannot load the story: ${error instanceof Error ? error.message : String(error)}`);
      }
      const result = parseStory(source, file, known);
      if (result.ok) {
        const content = addContent(result.story, file, new TextDecoder().decode(source), root, geoDir);
        contentInputs = new Set(content.inputs.map((path) => normalizePath(path)));
        for (const path of contentInputs) this.addWatchFile(path);
        if (content.story !== undefined) {
          served = content.story;
          return `export default ${JSON.stringify(content.story)};`;
        }
        const first = content.errors[0];
        const path = first === undefined ? story : normalizePath(resolve(root, first.file));
        return this.error({
          message: formatErrors(content.errors),
          id: path,
          loc: { file: path, line: first?.line ?? 1, column: first?.column ?? 1 },
        });
      }

      const first = result.errors[0];
      const note =
        geo.length === 0
          ? `\n(${geoDir} has no .geojson files yet, so no feature id is known: run \`npm run geo\`)`
          : '';
      return this.error({
        message: `${formatErrors(result.errors)}${note}`,
        id: story,
        loc: { file: story, line: first?.line ?? 1, column: first?.column ?? 1 },
      });
    },

    // The virtual module has no file of its own: reload it when the story or the geodata change.
    hotUpdate({ file: changed, modules }) {
      if (!isInput(changed)) return undefined;
      const graph = this.environment.moduleGraph;
      const module = graph.getModuleById(RESOLVED_ID);
      if (module === undefined) return undefined;
      graph.invalidateModule(module);
      return [...modules, module];
    },
  };
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
