/** places.geojson (the article's and the treaties' places) and distances.geojson (measured lines). */
import { booleanIntersects } from '@turf/boolean-intersects';
import type { Feature, LineString, Point } from 'geojson';
import { REGION_DECIMALS } from './config.ts';
import { PipelineError } from './errors.ts';
import { polygonsOf, type Position, round, roundLine, roundPosition } from './geom.ts';
import { landById } from './history.ts';
import type { LandFeature } from './islands.ts';
import { km, nearestBetween, nearestOnCoast } from './measure.ts';
import type { DistanceFigureProps, DistanceProps, PlaceProps } from './schema.ts';

interface Place {
  readonly id: string;
  readonly at: Position;
  readonly nameEn: string;
  readonly nameJa: string;
  readonly nameRu: string;
  readonly role: string;
  readonly approximate: boolean;
  readonly approximateReason?: string;
  readonly source: string;
}

const CITY = (title: string): string =>
  `city coordinates from Wikipedia (en), "${title}" (infobox, to the second of arc)`;

export const PLACES: readonly Place[] = [
  {
    id: 'place-moscow',
    at: [37.618, 55.752],
    nameEn: 'Moscow',
    nameJa: 'モスクワ',
    nameRu: 'Москва',
    role: 'Kremlin and Foreign Ministry; the 1956 Joint Declaration was signed here',
    approximate: false,
    source: 'position: geo/kurils/facts.md event 5 (Moscow 37.618, 55.752)',
  },
  {
    id: 'place-tokyo',
    at: [139.7425, 35.6733],
    nameEn: 'Tokyo',
    nameJa: '東京',
    nameRu: 'Токио',
    role: "Japan's government; day 2 of the Putin–Abe summit, Prime Minister's Office, 16 Dec 2016",
    approximate: false,
    source: 'position: geo/kurils/facts.md event 7b (Tokyo 139.7425, 35.6733)',
  },
  {
    id: 'place-nagato',
    at: [131.182, 34.314],
    nameEn: 'Nagato',
    nameJa: '長門',
    nameRu: 'Нагато',
    role: "Day 1 of the Putin–Abe summit, 15 Dec 2016, at the Ōtani Sansō inn in Abe's home constituency",
    approximate: true,
    approximateReason: 'The summit venue, the Ōtani Sansō inn, is not placed exactly: the point is the town of Nagato.',
    source: 'position: geo/kurils/facts.md event 7 (Nagato ≈ 131.182, 34.314, approximate)',
  },
  {
    id: 'place-kyiv',
    at: [30.5233, 50.45],
    nameEn: 'Kyiv',
    nameJa: 'キーウ',
    nameRu: 'Киев',
    role: "Ukraine: the sanctions that followed Russia's invasion weigh on Japan's dealings with Moscow",
    approximate: false,
    source: CITY('Kyiv'),
  },
  {
    id: 'place-washington',
    at: [-77.0164, 38.9047],
    nameEn: 'Washington',
    nameJa: 'ワシントン',
    nameRu: 'Вашингтон',
    role: "Japan's ally: the US relationship limits what Tokyo can offer Moscow",
    approximate: false,
    source: CITY('Washington, D.C.'),
  },
  {
    id: 'place-beijing',
    at: [116.3975, 39.9067],
    nameEn: 'Beijing',
    nameJa: '北京',
    nameRu: 'Пекин',
    role: 'China and its "tutelary role" in East Asia, in the article\'s words',
    approximate: false,
    source: CITY('Beijing'),
  },
  {
    id: 'place-shimoda',
    at: [138.945, 34.679],
    nameEn: 'Shimoda',
    nameJa: '下田',
    nameRu: 'Симода',
    role: 'Treaty of Shimoda, 7 Feb 1855: the first Russo-Japanese border, between Iturup and Urup',
    approximate: false,
    source: 'position: geo/kurils/facts.md event 1 (Shimoda 138.945, 34.679)',
  },
  {
    id: 'place-saint-petersburg',
    at: [30.316, 59.939],
    nameEn: 'Saint Petersburg',
    nameJa: 'サンクトペテルブルク',
    nameRu: 'Санкт-Петербург',
    role: 'Treaty of Saint Petersburg, 7 May 1875: Sakhalin to Russia, the Kurils to Japan',
    approximate: false,
    source: 'position: geo/kurils/facts.md event 2 (St Petersburg 30.316, 59.939)',
  },
  {
    id: 'place-san-francisco',
    at: [-122.421, 37.779],
    nameEn: 'San Francisco',
    nameJa: 'サンフランシスコ',
    nameRu: 'Сан-Франциско',
    role: 'San Francisco Peace Treaty, 8 Sep 1951: Japan renounces the Kurile Islands; the USSR did not sign',
    approximate: false,
    source: 'position: geo/kurils/facts.md event 4 (San Francisco −122.421, 37.779)',
  },
];

export function places(): Feature<Point, PlaceProps>[] {
  return PLACES.map((p) => ({
    type: 'Feature',
    properties: {
      id: p.id,
      name_en: p.nameEn,
      name_ja: p.nameJa,
      name_ru: p.nameRu,
      role: p.role,
      approximate: p.approximate,
      ...(p.approximateReason ? { approximate_reason: p.approximateReason } : {}),
      source: p.source,
    },
    geometry: { type: 'Point', coordinates: roundPosition(p.at, REGION_DECIMALS) },
  }));
}

export interface Distances {
  readonly features: Feature<LineString | Point, DistanceProps>[];
  readonly nosappu: Position;
  readonly nosappuTo: string;
}

const MEASURED =
  'measured by this build on the OSM coastline (© OpenStreetMap contributors), geodesic (@turf/distance, @turf/nearest-point-on-line)';

/** Japan's government figures: the Cabinet Office's Northern Territories agency, distances from Cape Nosappu. */
const OFFICIAL =
  'Japan\'s government: 独立行政法人北方領土問題対策協会 (Cabinet Office), "北方領土の位置と面積", hoppou.go.jp (distances from Cape Nosappu; Kunashir from the Notsuke peninsula)';

/**
 * Signalny (Kaigara), a rock with a lighthouse, is missing from the OSM data. Its position is the
 * lighthouse's, from the Japan Coast Guard light list (M6842, 43°23.8′N 145°51.5′E).
 */
export const KAIGARA: Position = [145.85833, 43.39667];
const KAIGARA_SOURCE =
  'position: Kaigara-jima lighthouse (on the rock), 43°23.8′N 145°51.5′E, Japan Coast Guard light list M6842, as given by lighthouse-japan.com "貝殻島灯台"; names: Wikipedia (ja), "貝殻島" (露: Сигнальный)';

interface DistanceSpec {
  readonly id: string;
  readonly from: Position;
  readonly to: Position;
  readonly measuredKm: number;
  readonly officialKm: number;
  readonly fromName: string;
  readonly toName: string;
  readonly official: string;
  readonly note: string;
  /** Where the figure sits: the line's middle, or its far end where the middle is crowded. */
  readonly figureAt: 'middle' | 'end';
  /** The side of the figure on that point, so the labels off Cape Nosappu do not collide. */
  readonly anchor: DistanceFigureProps['label_anchor'];
}

/**
 * The text written on the map: both figures to 0.1 km (as the government gives them), each saying how
 * it was obtained, one per line.
 */
export function distanceLabel(officialKm: number, measuredKm: number): string {
  return `${officialKm.toFixed(1)} km (official)\n${measuredKm.toFixed(1)} km (measured)`;
}

function distanceFeatures(d: DistanceSpec): Feature<LineString | Point, DistanceProps>[] {
  const common = {
    km: round(d.measuredKm, 1),
    official_km: d.officialKm,
    official: d.official,
    from: d.fromName,
    to: d.toName,
    note: d.note,
    source: `measured: ${MEASURED}; official: ${OFFICIAL}`,
  };
  const at: Position = d.figureAt === 'end' ? d.to : [(d.from[0] + d.to[0]) / 2, (d.from[1] + d.to[1]) / 2];
  return [
    {
      type: 'Feature',
      properties: { id: d.id, kind: 'line', ...common },
      geometry: { type: 'LineString', coordinates: roundLine([d.from, d.to], REGION_DECIMALS) },
    },
    {
      type: 'Feature',
      properties: {
        id: `${d.id}-figure`,
        kind: 'figure',
        ...common,
        label: distanceLabel(d.officialKm, d.measuredKm),
        label_anchor: d.anchor,
      },
      geometry: { type: 'Point', coordinates: roundPosition(at, REGION_DECIMALS) },
    },
  ];
}

export function distances(land: readonly LandFeature[]): Distances {
  const hokkaido = polygonsOf(landById(land, 'hokkaido').geometry);
  // Cape Nosappu, Hokkaido's easternmost point: the easternmost vertex of its (Nemuro peninsula) coast.
  let nosappu: Position | undefined;
  for (const polygon of hokkaido)
    for (const [x, y] of polygon[0] ?? []) if (!nosappu || x > nosappu[0]) nosappu = [x, y];
  if (!nosappu) throw new PipelineError('geo/kurils/places.ts', 'nosappu-habomai', 'Hokkaido has no vertices');
  let nearest: { id: string; name: string; pair: ReturnType<typeof nearestOnCoast> } | undefined;
  for (const f of land.filter((l) => l.properties.group === 'habomai')) {
    const pair = nearestOnCoast(nosappu, polygonsOf(f.geometry));
    if (!nearest || pair.km < nearest.pair.km)
      nearest = { id: f.properties.id, name: f.properties.name_en ?? 'an unnamed Habomai islet', pair };
  }
  if (!nearest || nearest.id !== 'tanfiliev')
    throw new PipelineError(
      'geo/kurils/places.ts',
      'nosappu-habomai',
      'the nearest Habomai islet in the data is not Tanfiliev',
    );
  const kaigaraHit = land.find((f) => booleanIntersects({ type: 'Point', coordinates: KAIGARA }, f.geometry));
  if (kaigaraHit)
    throw new PipelineError(
      'geo/kurils/places.ts',
      'kaigara',
      `the Kaigara point falls on ${kaigaraHit.properties.id}`,
    );
  const kunashir = nearestBetween(hokkaido, polygonsOf(landById(land, 'kunashir').geometry));
  const kaigara: Feature<Point, DistanceProps> = {
    type: 'Feature',
    properties: {
      id: 'kaigara',
      kind: 'islet',
      name_en: 'Signalny',
      name_ja: '貝殻島',
      name_ja_romaji: 'Kaigara',
      name_ru: 'Сигнальный',
      note: 'A rock under 1 km² with a lighthouse (built by Japan in 1937), the nearest of the Habomai islands to Hokkaido; too small for the OSM coastline data, so drawn as a point.',
      approximate: false,
      source: KAIGARA_SOURCE,
    },
    geometry: { type: 'Point', coordinates: roundPosition(KAIGARA, REGION_DECIMALS) },
  };
  return {
    features: [
      ...distanceFeatures({
        id: 'nosappu-kaigara',
        from: nosappu,
        to: KAIGARA,
        measuredKm: km(nosappu, KAIGARA),
        officialKm: 3.7,
        fromName: 'Cape Nosappu (Hokkaido)',
        toName: 'Signalny / Kaigara (Habomai)',
        official: 'Cape Nosappu → Kaigara island 3.7 km',
        note: 'Measured from the easternmost vertex of Hokkaido in the OSM data to the Kaigara lighthouse.',
        figureAt: 'middle',
        anchor: 'top-right',
      }),
      ...distanceFeatures({
        id: 'nosappu-habomai',
        from: nosappu,
        to: nearest.pair.to,
        measuredKm: nearest.pair.km,
        officialKm: 7,
        fromName: 'Cape Nosappu (Hokkaido)',
        toName: 'Tanfiliev / Suisho (Habomai)',
        official: 'Cape Nosappu → Suisho island 7.0 km',
        note: 'Measured from the easternmost vertex of Hokkaido in the OSM data to the nearest point of Tanfiliev (Suisho).',
        // Its middle lies under Signalny's name: the figure goes above Tanfiliev's end instead.
        figureAt: 'end',
        anchor: 'bottom-left',
      }),
      ...distanceFeatures({
        id: 'hokkaido-kunashir',
        from: kunashir.from,
        to: kunashir.to,
        measuredKm: kunashir.km,
        officialKm: 16,
        fromName: 'Hokkaido (Notsuke peninsula)',
        toName: 'Kunashir',
        official: 'Notsuke peninsula → Kunashir 16.0 km',
        note: 'Measured between the nearest points of the two coasts in the OSM data, which lie on the Notsuke peninsula and Kunashir.',
        figureAt: 'middle',
        anchor: 'left',
      }),
      kaigara,
    ],
    nosappu,
    nosappuTo: nearest.id,
  };
}
