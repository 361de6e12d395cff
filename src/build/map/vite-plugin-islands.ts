/**
 * Serves `virtual:islands`: what the island panel says about each island of the story's land
 * dataset (names in three scripts, area, status), read at build time from the story's
 * `land.geojson` so the page carries a few hundred bytes instead of the geometry. A story whose
 * data has no land dataset lists none.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizePath, type Plugin } from 'vite';
import { islandFacts } from '../../shared/map/islands.ts';
import type { StoryFolder } from '../story/folders.ts';
import { MODULE_IDS } from '../vite/module-ids.ts';
import { virtualModule } from '../vite/virtual-module.ts';

export function islandsPlugin({ story }: { story: StoryFolder }): Plugin {
  const file = normalizePath(join(story.geoDir, 'land.geojson'));
  return virtualModule({
    name: 'islands',
    id: MODULE_IDS.islands,
    madeFrom: (path) => path === file,
    load() {
      if (!existsSync(file)) return 'export default [];\n';
      this.addWatchFile(file);
      const islands = islandFacts(JSON.parse(readFileSync(file, 'utf8')));
      return `export default ${JSON.stringify(islands)};\n`;
    },
  });
}
