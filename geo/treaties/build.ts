/**
 * The treaty story's own dataset: the Kuril Islands and Sakhalin grouped by which side each treaty gave
 * them to, built from the Kuril pipeline's land polygons (geo/kurils/out/land.geojson: OpenStreetMap,
 * so the same coastline as the rest of the map). `npm run geo` writes geo/treaties/out/sides.geojson;
 * `-- --check` fails if the file is stale.
 *
 * The sides are the treaties' terms (geo/kurils/facts.md, events 1 and 2):
 * - Treaty of Shimoda, 7 Feb 1855: Iturup and the islands south of it Japanese, Urup and the islands
 *   north of it Russian; Sakhalin left undivided.
 * - Treaty of Saint Petersburg, 7 May 1875: Japan gives up Sakhalin and receives the Kuril islands
 *   from Urup to Shumshu.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { serializeCollection, staleFiles, writeOutputs } from '../tools/write.ts';

const LAND = join(import.meta.dirname, '../kurils/out/land.geojson');
const OUT_DIR = join(import.meta.dirname, 'out');

type Side = 'japan' | 'russia' | 'undivided';

interface Group {
  id: string;
  name_en: string;
  /** Which land features belong to it: by the Kuril pipeline's `group` property, or by id. */
  members: (properties: Record<string, unknown>) => boolean;
  side_1855: Side;
  side_1875: Side;
  terms: string;
}

const SHIMODA = 'Treaty of Shimoda, 7 Feb 1855, Art. 2';
const SAINT_PETERSBURG = 'Treaty of Saint Petersburg, 7 May 1875';

export const GROUPS: readonly Group[] = [
  {
    id: 'side-southern-kurils',
    name_en: 'Iturup and the islands south of it',
    members: (p) => p.group === 'kuril-south' || p.group === 'habomai',
    side_1855: 'japan',
    side_1875: 'japan',
    terms: `${SHIMODA}: Japanese`,
  },
  {
    id: 'side-northern-kurils',
    name_en: 'Urup to Shumshu',
    members: (p) => p.group === 'kuril-north',
    side_1855: 'russia',
    side_1875: 'japan',
    terms: `${SHIMODA}: Russian; ${SAINT_PETERSBURG}: to Japan`,
  },
  {
    id: 'side-sakhalin',
    name_en: 'Sakhalin',
    members: (p) => p.id === 'sakhalin',
    side_1855: 'undivided',
    side_1875: 'russia',
    terms: `${SHIMODA}: left undivided; ${SAINT_PETERSBURG}: given up by Japan`,
  },
];

function polygonsOf(feature: Feature): Position[][][] {
  const geometry = feature.geometry as Polygon | MultiPolygon;
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** One MultiPolygon feature per group; a group that matches no land (renamed data) stops the build. */
export function buildSides(land: FeatureCollection): FeatureCollection {
  const features = GROUPS.map((group): Feature => {
    const members = land.features.filter((f) => group.members((f.properties ?? {}) as Record<string, unknown>));
    if (members.length === 0) throw new Error(`geo/treaties: group "${group.id}" matches no feature of ${LAND}`);
    return {
      type: 'Feature',
      properties: {
        id: group.id,
        name_en: group.name_en,
        side_1855: group.side_1855,
        side_1875: group.side_1875,
        members: members.map((f) => String(f.properties?.id)).join(' '),
        source: `${group.terms}; coastline © OpenStreetMap contributors (ODbL 1.0), via geo/kurils/out/land.geojson`,
      },
      geometry: { type: 'MultiPolygon', coordinates: members.flatMap(polygonsOf) },
    };
  });
  return { type: 'FeatureCollection', features };
}

function main(args: readonly string[]): number {
  const land = JSON.parse(readFileSync(LAND, 'utf8')) as FeatureCollection;
  const files = new Map([['sides.geojson', serializeCollection(buildSides(land))]]);
  if (args.includes('--check')) {
    const stale = staleFiles(OUT_DIR, files);
    for (const name of stale) process.stderr.write(`geo --check: stale geo/treaties/out/${name}\n`);
    return stale.length > 0 ? 1 : 0;
  }
  for (const name of writeOutputs(OUT_DIR, files)) process.stdout.write(`wrote geo/treaties/out/${name}\n`);
  return 0;
}

if (import.meta.filename === process.argv[1]) process.exit(main(process.argv.slice(2)));
