/**
 * Node only: the parts of a story that live beside its story file or in its data, added to the
 * parsed story — its About text (about.md with fact slots) and its feature panel's entries (read
 * from the panel's dataset). Used by the story plugin, `npm run check:story` and the tests.
 */
import type { FeatureCollection } from 'geojson';
import type { StoryError } from '../../shared/story/errors.ts';
import type { Story } from '../../shared/story/types.ts';
import { readAbout } from './about-file.ts';
import { panelItems } from './panel.ts';

export interface StoryContent {
  /** The story with `about` and `panelItems` filled in; undefined when there are errors. */
  readonly story: Story | undefined;
  readonly errors: StoryError[];
  /** Absolute paths read (about.md, its facts file, the panel's dataset), for the dev server to watch. */
  readonly inputs: string[];
}

/**
 * `file` is the story file relative to `root`, `source` its text (for the panel's line), `datasets`
 * the story's datasets by id (its layers.yaml's).
 */
export function addContent(
  story: Story,
  file: string,
  source: string,
  root: string,
  datasets: ReadonlyMap<string, FeatureCollection>,
): StoryContent {
  const about = readAbout(file, root);
  const inputs = [...about.inputs];
  const errors: StoryError[] = about.result?.ok === false ? [...about.result.errors] : [];
  let full: Story = about.result?.ok === true ? { ...story, about: about.result.html } : story;

  const panel = story.meta.panel;
  if (panel !== undefined) {
    const dataset = datasets.get(panel.dataset);
    const line = source.split(/\r?\n/).findIndex((l) => /^panel\s*:/.test(l)) + 1;
    const at = (message: string): StoryError => ({ file, line: Math.max(line, 1), field: 'panel', message });
    if (dataset === undefined) {
      errors.push(
        at(`panel.dataset: unknown dataset "${panel.dataset}" — allowed: ${[...datasets.keys()].join(', ')}`),
      );
    } else {
      const result = panelItems(panel, dataset.features);
      if (result.ok) full = { ...full, panelItems: result.items };
      else errors.push(...result.problems.map(at));
    }
  }
  return { story: errors.length === 0 ? full : undefined, errors, inputs };
}
