/**
 * `npm run check:story`: the build's story validation on its own, for a fast loop while writing.
 * Usage: tsx scripts/check-story.ts [story file, default story/kurils/story.md]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatErrors } from '../src/shared/story/errors.ts';
import { geoFiles, loadKnownIds } from '../src/build/story/known-ids.ts';
import { parseStory } from '../src/build/story/parse.ts';
import { addContent } from '../src/build/story/content.ts';

const root = resolve(import.meta.dirname, '..');
const file = process.argv[2] ?? 'story/kurils/story.md';
const geoDir = resolve(root, 'geo/kurils/out');

const source = readFileSync(resolve(root, file));
const result = parseStory(source, file, loadKnownIds(geoDir));
const content = result.ok ? addContent(result.story, file, source.toString('utf8'), root, geoDir) : undefined;
if (content !== undefined && content.errors.length > 0) {
  console.error(formatErrors(content.errors));
  console.error(
    `${file}: ${content.errors.length} error${content.errors.length === 1 ? '' : 's'} in its About text or panel`,
  );
  process.exitCode = 1;
} else if (result.ok) {
  const parts = [`${result.story.steps.length} steps`];
  if (content?.story?.about !== undefined) parts.push('about.md');
  if (content?.story?.panelItems !== undefined) parts.push(`a panel of ${content.story.panelItems.length}`);
  console.log(`${file}: OK — ${parts.join(', ')}`);
} else {
  console.error(formatErrors(result.errors));
  if (geoFiles(geoDir).length === 0) {
    console.error('(geo/kurils/out has no .geojson files yet, so no feature id is known: run `npm run geo`)');
  }
  console.error(`${file}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}`);
  process.exitCode = 1;
}
