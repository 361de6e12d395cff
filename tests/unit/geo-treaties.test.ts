/** The treaty story's dataset: each group takes its islands from the Kuril land and the treaties' sides. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildSides } from '../../geo/treaties/build.ts';

const root = resolve(import.meta.dirname, '../..');
const land = JSON.parse(readFileSync(resolve(root, 'geo/kurils/out/land.geojson'), 'utf8')) as FeatureCollection;
const sides = buildSides(land);
const byId = new Map(sides.features.map((f) => [f.properties!.id as string, f]));
const members = (id: string) => String(byId.get(id)!.properties!.members).split(' ');

describe('geo/treaties sides', () => {
  it('puts Iturup and the islands south of it on the Japanese side in 1855 and 1875 (Treaty of Shimoda)', () => {
    expect(members('side-southern-kurils')).toEqual(
      expect.arrayContaining(['iturup', 'kunashir', 'shikotan', 'zelyony']),
    );
    expect(members('side-southern-kurils')).not.toContain('urup');
    expect(byId.get('side-southern-kurils')!.properties).toMatchObject({ side_1855: 'japan', side_1875: 'japan' });
  });

  it('puts Urup to Shumshu on the Russian side in 1855 and the Japanese in 1875 (Treaty of Saint Petersburg)', () => {
    expect(members('side-northern-kurils')).toEqual(
      expect.arrayContaining(['urup', 'shumshu', 'paramushir', 'simushir']),
    );
    expect(members('side-northern-kurils')).not.toContain('iturup');
    expect(byId.get('side-northern-kurils')!.properties).toMatchObject({ side_1855: 'russia', side_1875: 'japan' });
  });

  it('leaves Sakhalin undivided in 1855 and Russian from 1875', () => {
    expect(members('side-sakhalin')).toEqual(['sakhalin']);
    expect(byId.get('side-sakhalin')!.properties).toMatchObject({ side_1855: 'undivided', side_1875: 'russia' });
  });

  it('keeps every polygon of the grouped islands, and no island in two groups', () => {
    const all = sides.features.flatMap((f) => String(f.properties!.members).split(' '));
    expect(new Set(all).size).toBe(all.length);
    for (const feature of sides.features) {
      const polygons = land.features
        .filter((f) => String(feature.properties!.members).split(' ').includes(String(f.properties!.id)))
        .reduce(
          (n, f) =>
            n + (f.geometry.type === 'Polygon' ? 1 : (f.geometry as { coordinates: unknown[] }).coordinates.length),
          0,
        );
      expect((feature.geometry as { coordinates: unknown[] }).coordinates).toHaveLength(polygons);
    }
  });

  it('stops the build when a group matches no land (renamed data)', () => {
    expect(() => buildSides({ type: 'FeatureCollection', features: [] })).toThrow(
      /group "side-southern-kurils" matches no feature/,
    );
  });

  it('is what geo/treaties/out holds (run `npm run geo` after changing the land)', () => {
    const built = readFileSync(resolve(root, 'geo/treaties/out/sides.geojson'), 'utf8');
    expect(JSON.parse(built)).toEqual(JSON.parse(JSON.stringify(sides)));
  });
});
