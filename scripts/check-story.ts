/**
 * `npm run check:story`: the build's story validation on its own, for a fast loop while writing: the
 * story folder's layers.yaml and datasets, then its story.md against them.
 * Usage: tsx scripts/check-story.ts [story folder, default story/kurils]
 */
import { resolve } from 'node:path';
import { formatErrors } from '../src/shared/story/errors.ts';
import { loadStoryFolder } from '../src/build/story/story-folder.ts';

const root = resolve(import.meta.dirname, '..');
const dir = process.argv[2] ?? 'story/kurils';

const result = loadStoryFolder(resolve(root, dir), root);
if (result.ok) {
  const { story, layers } = result.folder;
  console.log(
    `${dir}: OK — ${story.steps.length} steps, ${layers.registry.layers.length} story layers, ${layers.registry.datasets.length} datasets`,
  );
} else {
  console.error(formatErrors(result.errors));
  console.error(`${dir}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}`);
  process.exitCode = 1;
}
