/**
 * Serves `virtual:islands`: what the island panel says about each island of the story's land
 * dataset (names in three scripts, area, status), read at build time from the story's `land`
 * dataset so the page carries a few hundred bytes instead of the geometry. A story whose data has
 * no land dataset lists none.
 */
import { normalizePath, type Plugin } from 'vite';
import { islandFacts } from '../../shared/map/islands.ts';
import type { StoryFolder } from '../story/folders.ts';
import { loadStoryFolder } from '../story/story-folder.ts';
import { MODULE_IDS } from '../vite/module-ids.ts';
import { virtualModule } from '../vite/virtual-module.ts';

export function islandsPlugin({ story }: { story: StoryFolder }): Plugin {
  let root = process.cwd();
  let inputs: string[] = [];
  return virtualModule({
    name: 'islands',
    id: MODULE_IDS.islands,
    madeFrom: (path) => inputs.includes(path),
    configResolved(config) {
      root = config.root;
    },
    load() {
      const result = loadStoryFolder(story.dir, root);
      inputs = result.files.map((file) => normalizePath(file));
      for (const file of result.files) this.addWatchFile(file);
      // The story plugin reports a broken folder.
      const land = result.ok ? result.folder.layers.collections.get('land') : undefined;
      return `export default ${JSON.stringify(land ? islandFacts(land as Parameters<typeof islandFacts>[0]) : [])};\n`;
    },
  });
}
