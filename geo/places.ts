/** places.geojson (the article's and the treaties' places) and distances.geojson (measured lines). */
import type { Feature, LineString, Point } from 'geojson';
import { REGION_DECIMALS } from './config.ts';
import { PipelineError } from './errors.ts';
import { polygonsOf, type Position, round, roundLine, roundPosition } from './geom.ts';
import { landById } from './history.ts';
import type { LandFeature } from './islands.ts';
import { nearestBetween, nearestOnCoast } from './measure.ts';
import type { DistanceProps, PlaceProps } from './schema.ts';

interface Place {
  readonly id: string;
  readonly at: Position;
  readonly nameEn: string;
  readonly nameJa: string;
  readonly nameRu: string;
  readonly role: string;
  readonly approximate: boolean;
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
    source: 'geo/facts.md event 5 (Moscow 37.618, 55.752)',
  },
  {
    id: 'place-tokyo',
    at: [139.7425, 35.6733],
    nameEn: 'Tokyo',
    nameJa: '東京',
    nameRu: 'Токио',
    role: "Japan's government; day 2 of the Putin–Abe summit, Prime Minister's Office, 16 Dec 2016",
    approximate: false,
    source: 'geo/facts.md event 7b (Tokyo 139.7425, 35.6733)',
  },
  {
    id: 'place-nagato',
    at: [131.182, 34.314],
    nameEn: 'Nagato',
    nameJa: '長門',
    nameRu: 'Нагато',
    role: "Day 1 of the Putin–Abe summit, 15 Dec 2016, at the Ōtani Sansō inn in Abe's home constituency",
    approximate: true,
    source: 'geo/facts.md event 7 (Nagato ≈ 131.182, 34.314, approximate)',
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
    source: 'geo/facts.md event 1 (Shimoda 138.945, 34.679)',
  },
  {
    id: 'place-saint-petersburg',
    at: [30.316, 59.939],
    nameEn: 'Saint Petersburg',
    nameJa: 'サンクトペテルブルク',
    nameRu: 'Санкт-Петербург',
    role: 'Treaty of Saint Petersburg, 7 May 1875: Sakhalin to Russia, the Kurils to Japan',
    approximate: false,
    source: 'geo/facts.md event 2 (St Petersburg 30.316, 59.939)',
  },
  {
    id: 'place-san-francisco',
    at: [-122.421, 37.779],
    nameEn: 'San Francisco',
    nameJa: 'サンフランシスコ',
    nameRu: 'Сан-Франциско',
    role: 'San Francisco Peace Treaty, 8 Sep 1951: Japan renounces the Kurile Islands; the USSR did not sign',
    approximate: false,
    source: 'geo/facts.md event 4 (San Francisco −122.421, 37.779)',
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
      source: p.source,
    },
    geometry: { type: 'Point', coordinates: roundPosition(p.at, REGION_DECIMALS) },
  }));
}

export interface Distances {
  readonly features: Feature<LineString, DistanceProps>[];
  readonly nosappu: Position;
  readonly nosappuTo: string;
}

const MEASURED =
  'computed by this build from the OSM coastline (© OpenStreetMap contributors) with @turf/nearest-point-on-line (geodesic)';

function distanceLine(
  id: string,
  from: Position,
  to: Position,
  kmValue: number,
  fromName: string,
  toName: string,
  note?: string,
): Feature<LineString, DistanceProps> {
  return {
    type: 'Feature',
    properties: { id, km: round(kmValue, 1), from: fromName, to: toName, ...(note ? { note } : {}), source: MEASURED },
    geometry: { type: 'LineString', coordinates: roundLine([from, to], REGION_DECIMALS) },
  };
}

export function distances(land: readonly LandFeature[]): Distances {
  const hokkaido = polygonsOf(landById(land, 'hokkaido').geometry);
  // Cape Nosappu, Hokkaido's easternmost point: the easternmost vertex of its (Nemuro peninsula) coast.
  let nosappu: Position | undefined;
  for (const polygon of hokkaido)
    for (const [x, y] of polygon[0] ?? []) if (!nosappu || x > nosappu[0]) nosappu = [x, y];
  if (!nosappu) throw new PipelineError('geo/places.ts', 'nosappu-habomai', 'Hokkaido has no vertices');
  let nearest: { id: string; name: string; pair: ReturnType<typeof nearestOnCoast> } | undefined;
  for (const f of land.filter((l) => l.properties.group === 'habomai')) {
    const pair = nearestOnCoast(nosappu, polygonsOf(f.geometry));
    if (!nearest || pair.km < nearest.pair.km)
      nearest = { id: f.properties.id, name: f.properties.name_en ?? 'an unnamed Habomai islet', pair };
  }
  if (!nearest) throw new PipelineError('geo/places.ts', 'nosappu-habomai', 'no Habomai islets in land');
  const kunashir = nearestBetween(hokkaido, polygonsOf(landById(land, 'kunashir').geometry));
  return {
    features: [
      distanceLine(
        'nosappu-habomai',
        nosappu,
        nearest.pair.to,
        nearest.pair.km,
        'Cape Nosappu (Hokkaido)',
        `${nearest.name} (Habomai)`,
        'To the nearest Habomai islet in the open data. Signalny (Kaigara), a rock under 1 km², is missing from it and lies closer.',
      ),
      distanceLine(
        'hokkaido-kunashir',
        kunashir.from,
        kunashir.to,
        kunashir.km,
        'Hokkaido',
        'Kunashir',
        'Nearest points of the two coasts.',
      ),
    ],
    nosappu,
    nosappuTo: nearest.id,
  };
}
