/**
 * Serves `virtual:islands`: what the island panel says about each disputed island (names in three
 * scripts, area, status), read at build time from geo/kurils/out/land.geojson so the page carries a few
 * hundred bytes instead of the geometry.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { islandFacts } from '../../shared/map/islands.ts';

const VIRTUAL_ID = 'virtual:islands';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

export function islandsPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'kuril-islands',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const file = join(root, 'geo/kurils/out/land.geojson');
      if (!existsSync(file)) this.error(`${file} is missing: run npm run geo`);
      this.addWatchFile(file);
      const islands = islandFacts(JSON.parse(readFileSync(file, 'utf8')));
      return `export default ${JSON.stringify(islands)};\n`;
    },
  };
}
