/**
 * Issue 13: no line of the map runs along the box the OSM coastline was cut to (139–160°E, 40–55°N).
 * Those edges close the land polygons but are no coast; outlined, they read as borders across
 * Kamchatka and the mainland. Checked on the live style's own line layers and filters, over the
 * committed data, and on the pipeline step that makes the coast lines.
 */
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { REGION_BBOX } from '../../geo/kurils/config.ts';
import { alongBox, coast, offBox } from '../../geo/kurils/coast.ts';
import type { LandFeature } from '../../geo/kurils/islands.ts';
import { loadDataset } from '../../geo/kurils/schema.ts';
import { evaluate, type SimpleGeometryType } from '../../src/shared/map/expression.ts';
import { kurilStyle } from './kurils.ts';

/** The live map's layers, as built from story/kurils/layers.yaml. */
const layers = kurilStyle.layers;

/** Every line a line layer draws from a feature: a polygon's rings, a line's parts. */
function linesOf(feature: Feature): Position[][] {
  const g = feature.geometry;
  switch (g.type) {
    case 'Polygon':
    case 'MultiLineString':
      return g.coordinates;
    case 'MultiPolygon':
      return g.coordinates.flat();
    case 'LineString':
      return [g.coordinates];
    default:
      return [];
  }
}

function simpleType(feature: Feature): SimpleGeometryType {
  const type = feature.geometry.type;
  return type.endsWith('Polygon') ? 'Polygon' : type.endsWith('LineString') ? 'LineString' : 'Point';
}

/** The segments along the box that a basemap line layer draws, as "layer feature: a → b". */
function alongTheBox(spec: LayerSpecification, data: FeatureCollection): string[] {
  const found: string[] = [];
  for (const feature of data.features) {
    const ctx = { properties: feature.properties ?? {}, geometryType: simpleType(feature), zoom: 6 };
    const filter = 'filter' in spec ? spec.filter : undefined;
    if (filter !== undefined && evaluate(filter, ctx) !== true) continue;
    for (const line of linesOf(feature)) {
      for (const [i, b] of line.entries()) {
        const a = line[i - 1];
        if (a && alongBox(a, b, REGION_BBOX))
          found.push(`${spec.id} ${String(feature.properties?.['id'])}: ${a} → ${b}`);
      }
    }
  }
  return found;
}

describe('the live map’s coastline', () => {
  const coastLayers = layers.filter(
    (l): l is LayerSpecification & { source: 'land' | 'coast' } =>
      l.type === 'line' &&
      'source' in l &&
      (l.source === 'land' || l.source === 'coast') &&
      !l.id.startsWith('highlight-'),
  );

  it('is drawn by the basemap’s land and coast line layers', () => {
    expect(coastLayers.map((l) => l.id).sort()).toEqual(expect.arrayContaining(['coast-line', 'land-line']));
  });

  it('has no segment along the box the coastline data was cut to', () => {
    const along = coastLayers.flatMap((spec) => alongTheBox(spec, loadDataset(spec.source)));
    expect(along).toEqual([]);
  });

  it('still outlines every piece of land: each cut piece has its coast lines, the rest their polygons', () => {
    const land = loadDataset('land');
    const coastIds = new Set(loadDataset('coast').features.map((f) => String(f.properties?.['of'])));
    const clipped = land.features
      .filter((f) => f.properties?.['clipped'] === true)
      .map((f) => String(f.properties?.['id']));
    expect(clipped.length).toBeGreaterThan(0);
    expect([...coastIds].sort()).toEqual(clipped.sort());
    // The cut land is drawn: it was the box's edges that went, not its coast.
    expect(alongTheBox({ id: 'all-land', type: 'line', source: 'land' }, land).length).toBeGreaterThan(0);
  });
});

describe('offBox', () => {
  const box = [139, 40, 160, 55] as const;

  it('drops the stretches along the box and joins the coast across the ring’s first point', () => {
    // A piece of land cut by the box's west edge, the ring starting on its coast.
    const ring: Position[] = [
      [140, 43],
      [140, 41],
      [139, 41],
      [139, 43],
      [140, 43],
    ];
    expect(offBox(ring, box)).toEqual([
      [
        [139, 43],
        [140, 43],
        [140, 41],
        [139, 41],
      ],
    ]);
  });

  it('keeps a ring that touches no edge whole, and splits one that meets two edges', () => {
    const islet: Position[] = [
      [150, 45],
      [151, 45],
      [151, 46],
      [150, 45],
    ];
    expect(offBox(islet, box)).toEqual([islet]);
    // The south-west corner: two stretches along the box (west, then south) between two coasts.
    const corner: Position[] = [
      [139, 40],
      [139, 41],
      [139.5, 41],
      [139.5, 42],
      [139, 42],
      [139, 43],
      [141, 43],
      [141, 40],
      [139, 40],
    ];
    expect(offBox(corner, box)).toEqual([
      [
        [139, 41],
        [139.5, 41],
        [139.5, 42],
        [139, 42],
      ],
      [
        [139, 43],
        [141, 43],
        [141, 40],
      ],
    ]);
  });

  it('makes one coast feature per cut piece of land, naming it and its source', () => {
    const land: LandFeature[] = [
      {
        type: 'Feature',
        properties: {
          id: 'cape',
          kind: 'mainland',
          group: 'other',
          admin: 'RU',
          area_km2: 1,
          clipped: true,
          source: 'test source',
        },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [139, 41],
              [140, 41],
              [140, 43],
              [139, 43],
              [139, 41],
            ],
          ],
        },
      },
      {
        type: 'Feature',
        properties: { id: 'islet', kind: 'island', group: 'other', admin: 'RU', area_km2: 1, source: 'test source' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [150, 45],
              [151, 45],
              [151, 46],
              [150, 45],
            ],
          ],
        },
      },
    ];
    const [cape, ...rest] = coast(land, box);
    expect(rest).toEqual([]);
    expect(cape?.properties).toMatchObject({ id: 'coast-cape', of: 'cape' });
    expect(cape?.properties.source).toContain('test source');
    expect(cape?.geometry.coordinates).toEqual([
      [
        [139, 41],
        [140, 41],
        [140, 43],
        [139, 43],
      ],
    ]);
  });
});
