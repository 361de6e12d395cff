/**
 * The build's validation on bad input: each failure names the file, the feature and the reason.
 * Small synthetic inputs only: no network, no 107 MB source.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../geo/kurils/errors.ts';
import { areaKm2, type Polygon, roundRing, simplifyPolygon, splitLinesAtBBox } from '../../geo/kurils/geom.ts';
import { buildLand } from '../../geo/kurils/islands.ts';
import { budgetProblems, simplificationProblems, validateOutputs } from '../../geo/kurils/pipeline.ts';
import { compareWithReference } from '../../geo/kurils/reference.ts';
import { DATASET_IDS, type DatasetId, duplicateIds, validateDataset } from '../../geo/kurils/schema.ts';
import { parseSourceLine, readSourceRegion } from '../../geo/kurils/source.ts';
import { splitAntimeridian } from '../../geo/kurils/world.ts';
import { serializeCollection, staleFiles } from '../../geo/tools/write.ts';

const SOURCE = 'geo/kurils/.cache/map.geo.json';
const square = (x: number, y: number, d = 0.1): Polygon => [
  [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ],
];
const sourceLine = (geometry: unknown, a3 = 'RUS'): string =>
  JSON.stringify({ type: 'Feature', geometry, properties: { A3: a3 } }) + ',';

function caught(fn: () => unknown): PipelineError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PipelineError) return error;
    throw error;
  }
  throw new Error('expected a PipelineError');
}

describe('parseSourceLine (the OSM source, one feature per line)', () => {
  it('skips the collection header and footer', () => {
    expect(parseSourceLine('{"type":"FeatureCollection", "features": [', 1, SOURCE)).toBeNull();
    expect(parseSourceLine(']}', 252, SOURCE)).toBeNull();
  });

  it('reads a valid feature', () => {
    expect(
      parseSourceLine(sourceLine({ type: 'Polygon', coordinates: square(150, 45) }), 2, SOURCE)?.properties.A3,
    ).toBe('RUS');
  });

  it.each([
    ['truncated JSON', '{"type":"Feature","geometry":{"type":"Polygon","coordin', /line 7: not JSON/],
    [
      'no country code',
      JSON.stringify({ type: 'Feature', geometry: { type: 'Polygon', coordinates: square(150, 45) }, properties: {} }),
      /line 7: properties\.A3/,
    ],
    [
      'a LineString',
      sourceLine({
        type: 'LineString',
        coordinates: [
          [150, 45],
          [151, 46],
        ],
      }),
      /line 7: geometry/,
    ],
    [
      'a ring of 3 positions',
      sourceLine({
        type: 'Polygon',
        coordinates: [
          [
            [150, 45],
            [151, 45],
            [150, 45],
          ],
        ],
      }),
      /at least 4 positions/,
    ],
    [
      'an open ring',
      sourceLine({
        type: 'Polygon',
        coordinates: [
          [
            [150, 45],
            [151, 45],
            [151, 46],
            [150, 46],
          ],
        ],
      }),
      /ring 0 is not closed/,
    ],
    ['a latitude of 95°', sourceLine({ type: 'Polygon', coordinates: square(150, 89.95) }), /out of lon\/lat range/],
    [
      'a string coordinate',
      sourceLine({
        type: 'Polygon',
        coordinates: [
          [
            ['150', 45],
            [151, 45],
            [151, 46],
            ['150', 45],
          ],
        ],
      }),
      /line 7/,
    ],
  ])('stops on %s, naming the file and line', (_, line, reason) => {
    const error = caught(() => parseSourceLine(line, 7, SOURCE));
    expect(error.file).toBe(SOURCE);
    expect(error.message).toMatch(reason);
  });

  it('stops the streamed read of a malformed file at the bad line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'geo-source-'));
    const file = join(dir, 'map.geo.json');
    writeFileSync(
      file,
      [
        '{"type":"FeatureCollection", "features": [',
        sourceLine({ type: 'Polygon', coordinates: square(150, 45) }),
        '{"type":"Feature",',
        ']}',
      ].join('\n'),
    );
    await expect(readSourceRegion(file, [139, 40, 160, 55])).rejects.toThrow(`${file}: line 3: not JSON`);
  });
});

describe('buildLand (naming islands by reference points)', () => {
  it('stops when a gazetteer island has no polygon, naming the island', () => {
    const error = caught(() => buildLand([{ a3: 'RUS', feature: 0, rings: square(150, 45) }], [139, 40, 160, 55]));
    expect(error.file).toBe('geo/kurils/gazetteer.ts');
    expect(error.feature).toBe('shumshu');
    expect(error.reason).toMatch(/inside 0 source polygons/);
  });

  it('stops when the polygon at a reference point belongs to the wrong country', () => {
    // A Japanese-coded polygon around Shumshu's reference point.
    const error = caught(() =>
      buildLand([{ a3: 'JPN', feature: 0, rings: square(156.2, 50.6, 0.3) }], [139, 40, 160, 55]),
    );
    expect(error.feature).toBe('shumshu');
    expect(error.reason).toMatch(/coded JPN, gazetteer says RU/);
  });
});

const point = (id: string, extra: Record<string, unknown> = {}, coordinates: unknown = [140, 40]): Feature =>
  ({
    type: 'Feature',
    properties: {
      id,
      name_en: 'Tokyo',
      name_ja: '東京',
      name_ru: 'Токио',
      role: 'capital',
      approximate: false,
      source: 'geo/kurils/facts.md event 7b',
      ...extra,
    },
    geometry: { type: 'Point', coordinates },
  }) as Feature;
const fc = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const island = (props: Record<string, unknown>, rings: unknown = square(146, 43.5)): Feature =>
  ({
    type: 'Feature',
    properties: {
      id: 'iturup',
      kind: 'island',
      group: 'kuril-south',
      admin: 'RU',
      claimed_by: 'JP',
      name_en: 'Iturup',
      name_ja: '択捉島',
      name_ja_romaji: 'Etorofu',
      name_ru: 'Итуруп',
      area_km2: 3180,
      source: '© OpenStreetMap contributors',
      ...props,
    },
    geometry: { type: 'Polygon', coordinates: rings },
  }) as Feature;

describe('validateDataset (every output before it is written)', () => {
  it('accepts a good feature', () => {
    expect(validateDataset('places', fc(point('place-tokyo')))).toEqual([]);
  });

  it.each<[string, DatasetId, FeatureCollection, RegExp]>([
    [
      'a feature without source',
      'places',
      fc(point('place-tokyo', { source: undefined })),
      /geo\/kurils\/out\/places\.geojson: place-tokyo: has no source/,
    ],
    [
      'a one-word source',
      'places',
      fc(point('place-tokyo', { source: 'OSM' })),
      /place-tokyo: source: source must name a public source/,
    ],
    ['a non-kebab id', 'places', fc(point('Place Tokyo')), /Place Tokyo: id: id must be kebab-case/],
    ['a duplicate id', 'places', fc(point('place-tokyo'), point('place-tokyo')), /place-tokyo: duplicate id/],
    ['an unknown property', 'places', fc(point('place-tokyo', { colour: 'red' })), /place-tokyo: colour/],
    ['a longitude of 200°', 'places', fc(point('place-tokyo', {}, [200, 40])), /out of lon\/lat range/],
    ['6 decimals', 'places', fc(point('place-tokyo', {}, [140.123456, 40])), /more than 5 decimals/],
    [
      'a polygon where a point belongs',
      'places',
      fc({ ...point('place-tokyo'), geometry: { type: 'Polygon', coordinates: square(140, 40) } } as Feature),
      /geometry Polygon is not one of Point/,
    ],
    [
      'a clockwise exterior ring',
      'land',
      fc(island({}, [[...(square(146, 43.5)[0] ?? [])].reverse()])),
      /iturup: exterior ring is clockwise/,
    ],
    [
      'an open ring',
      'land',
      fc(
        island({}, [
          [
            [146, 43.5],
            [146.1, 43.5],
            [146.1, 43.6],
            [146, 43.6],
          ],
        ]),
      ),
      /iturup: ring 0 is not closed/,
    ],
    [
      'a bow-tie ring',
      'land',
      fc(
        island({}, [
          [
            [146, 43.5],
            [146.1, 43.6],
            [146.1, 43.5],
            [146, 43.6],
            [146, 43.5],
          ],
        ]),
      ),
      /iturup: (ring intersects itself|exterior ring is clockwise)/,
    ],
    [
      'a disputed island without its Japanese name',
      'land',
      fc(island({ name_ja: undefined })),
      /iturup: a disputed island needs name_en, name_ja/,
    ],
    [
      'a Japanese claim on Japanese-held land',
      'land',
      fc(island({ admin: 'JP' })),
      /only Russian-held land is claimed by Japan/,
    ],
    [
      'not a FeatureCollection',
      'places',
      { type: 'Feature' } as unknown as FeatureCollection,
      /places\.geojson: whole file: not a GeoJSON FeatureCollection/,
    ],
  ])('rejects %s, naming file, feature and reason', (_, dataset, data, reason) => {
    const messages = validateDataset(dataset, data).map((e) => e.message);
    expect(
      messages.some((m) => reason.test(m)),
      messages.join('\n'),
    ).toBe(true);
  });
});

describe('validateOutputs and duplicateIds (across datasets)', () => {
  it('names an id used in two datasets', () => {
    const errors = duplicateIds(
      new Map<DatasetId, FeatureCollection>([
        ['places', fc(point('tokyo'))],
        ['labels', fc(point('tokyo'))],
      ]),
    );
    expect(errors.map((e) => e.message)).toEqual([
      'geo/kurils/out/labels.geojson: tokyo: id is also used in geo/kurils/out/places.geojson',
    ]);
  });

  it('names every registry dataset the build did not make', () => {
    const messages = validateOutputs(new Map()).map((e) => e.message);
    expect(messages).toHaveLength(DATASET_IDS.length);
    expect(messages[0]).toMatch(/world\.geojson: whole file: the layer registry lists this dataset/);
  });
});

describe('area budgets', () => {
  it('simplificationProblems names a feature whose simplification moved its area by more than 1%', () => {
    const record = {
      id: 'yury',
      area_km2: 10.5,
      area_km2_unsimplified: 10.3,
      simplify_change_pct: 1.94,
      tolerance_deg: 0.01,
      vertices: 5,
      vertices_unsimplified: 29,
    };
    expect(simplificationProblems([record]).map((e) => e.message)).toEqual([
      'geo/kurils/out/land.geojson: yury: simplification changed the area by 1.94% (limit 1%)',
    ]);
    expect(simplificationProblems([{ ...record, simplify_change_pct: 0.4 }])).toEqual([]);
  });

  it('budgetProblems names the total when geo/kurils/out is over 150 KB gzip', () => {
    // 300,000 pseudo-random base-36 characters: gzip cannot get them under 150 KB.
    let x = 2463534242;
    const noise = Array.from({ length: 300_000 }, () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return ((x >>> 0) % 36).toString(36);
    }).join('');
    expect(budgetProblems(new Map([['world.geojson', noise]])).map((e) => e.message)[0]).toMatch(
      /^geo\/kurils\/out: all files: \d+ B gzip is over the budget of 153600 B/,
    );
    expect(budgetProblems(new Map([['world.geojson', '{}\n']]))).toEqual([]);
  });

  it('compareWithReference fails an island 3% off and passes one 1% off', () => {
    const rows = compareWithReference(
      new Map([
        ['iturup', 3167 * 1.03],
        ['kunashir', 1489 * 1.01],
      ]),
    );
    expect(rows.find((r) => r.label === 'Iturup (Etorofu), main island')?.ok).toBe(false);
    expect(rows.find((r) => r.label === 'Kunashir (Kunashiri), main island')?.ok).toBe(true);
  });

  it('simplifyPolygon keeps a jagged islet within its area budget and free of kinks', () => {
    // A 1 km star-ish islet: 0.005° would flatten it; the budget forces a smaller tolerance.
    const ring = Array.from({ length: 41 }, (_, i) => {
      const a = (i / 40) * 2 * Math.PI;
      const r = i % 2 === 0 ? 0.01 : 0.006;
      return [146 + r * Math.cos(a), 43.5 + r * Math.sin(a)] as [number, number];
    });
    ring[40] = ring[0] ?? [146, 43.5];
    const result = simplifyPolygon([ring], 0.005, 0.005, 5);
    expect(Math.abs(result.areaKm2 / areaKm2([ring]) - 1)).toBeLessThanOrEqual(0.005);
    expect(result.toleranceDeg).toBeLessThan(0.005);
  });

  it('roundRing drops a ring that rounding collapses', () => {
    expect(
      roundRing(
        [
          [146.000001, 43.5],
          [146.000002, 43.5],
          [146.000001, 43.500001],
          [146.000001, 43.5],
        ],
        5,
      ),
    ).toBeNull();
  });
});

describe('world helpers', () => {
  it('splitLinesAtBBox keeps the stretches inside and outside a box, cut at its edge', () => {
    const box = [2, -1, 5, 1] as const;
    const { inside, outside } = splitLinesAtBBox(
      [
        [
          [0, 0],
          [10, 0],
          [10, 3],
        ],
        [
          [3, 0],
          [4, 0.5],
        ],
      ],
      box,
    );
    expect(inside).toEqual([
      [
        [2, 0],
        [5, 0],
      ],
      [
        [3, 0],
        [4, 0.5],
      ],
    ]);
    expect(outside).toEqual([
      [
        [0, 0],
        [2, 0],
      ],
      [
        [5, 0],
        [10, 0],
        [10, 3],
      ],
    ]);
    // A line that never enters the box is all outside.
    expect(
      splitLinesAtBBox(
        [
          [
            [6, 2],
            [7, 3],
          ],
        ],
        box,
      ).inside,
    ).toEqual([]);
  });

  it('splitAntimeridian cuts a ring that jumps across 180° into pieces within range', () => {
    const pieces = splitAntimeridian([
      [
        [179, 60],
        [-179, 60],
        [-179, 61],
        [179, 61],
        [179, 60],
      ],
    ]);
    expect(pieces).toHaveLength(2);
    for (const p of pieces) for (const [x] of p[0] ?? []) expect(Math.abs(x)).toBeLessThanOrEqual(180);
  });
});

describe('write', () => {
  it('serialises with id first, sorted keys, one feature per line and a trailing newline', () => {
    const text = serializeCollection(fc(point('place-tokyo', { role: 'capital' })));
    expect(text.endsWith(']}\n')).toBe(true);
    expect(text.split('\n')[1]).toMatch(
      /^\{"type":"Feature","properties":\{"id":"place-tokyo","approximate":false,"name_en"/,
    );
  });

  it('staleFiles names missing, changed and leftover files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'geo-out-'));
    writeFileSync(join(dir, 'land.geojson'), 'old\n');
    writeFileSync(join(dir, 'draft.geojson'), 'x\n');
    const stale = staleFiles(
      dir,
      new Map([
        ['land.geojson', 'new\n'],
        ['sea.geojson', 'x\n'],
      ]),
    );
    expect(stale).toEqual(['land.geojson (differs)', 'sea.geojson (missing)', 'draft.geojson (not built any more)']);
  });
});
