/**
 * `npm run check:story`: the build's story validation on its own, for a fast loop while writing.
 * Usage: tsx scripts/check-story.ts [story file, default story/kurils/story.md]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatErrors } from '../src/shared/story/errors.ts';
import { geoFiles, loadKnownIds } from '../src/build/story/known-ids.ts';
import { parseStory } from '../src/build/story/parse.ts';
import { readAbout } from '../src/build/story/about-file.ts';

const root = resolve(import.meta.dirname, '..');
const file = process.argv[2] ?? 'story/kurils/story.md';
const geoDir = resolve(root, 'geo/kurils/out');

const result = parseStory(readFileSync(resolve(root, file)), file, loadKnownIds(geoDir));
const about = readAbout(file, root).result;
if (about?.ok === false) {
  console.error(formatErrors(about.errors));
  process.exitCode = 1;
}
if (result.ok) {
  const aboutNote = about === undefined ? 'no about.md' : about.ok ? 'about.md OK' : 'about.md has errors';
  console.log(`${file}: OK — ${result.story.steps.length} steps; ${aboutNote}`);
} else {
  console.error(formatErrors(result.errors));
  if (geoFiles(geoDir).length === 0) {
    console.error('(geo/kurils/out has no .geojson files yet, so no feature id is known: run `npm run geo`)');
  }
  console.error(`${file}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}`);
  process.exitCode = 1;
}
