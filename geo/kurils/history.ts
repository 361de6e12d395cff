/**
 * The history layers that follow from the islands: the 1855 and 1875 borders, the 1945 occupation,
 * what Japan renounced in 1951 and what the USSR offered in 1956. Pure: land features in, GeoJSON out.
 */
import { booleanIntersects } from '@turf/boolean-intersects';
import { length as turfLength } from '@turf/length';
import { nearestPointOnLine } from '@turf/nearest-point-on-line';
import type { Feature, LineString, MultiPolygon as GeoMultiPolygon, Point, Polygon as GeoPolygon } from 'geojson';
import { REGION_DECIMALS, RENOUNCED_DECIMALS, RENOUNCED_MAX_AREA_CHANGE, RENOUNCED_TOLERANCE_DEG } from './config.ts';
import { PipelineError } from './errors.ts';
import {
  areaKm2,
  geometryOf,
  labelPoint,
  type Polygon,
  polygonsOf,
  type Position,
  round,
  roundLine,
  roundPosition,
  simplifyPolygon,
} from './geom.ts';
import type { LandFeature } from './islands.ts';
import { km, nearestBetween } from './measure.ts';
import type {
  BorderProps,
  OccupationEventProps,
  OccupationOriginProps,
  OccupationRouteProps,
  OfferProps,
  RenouncedProps,
} from './schema.ts';

const HISTORY = 'geo/kurils/history.ts';

export function landById(land: readonly LandFeature[], id: string): LandFeature {
  const feature = land.find((f) => f.properties.id === id);
  if (!feature)
    throw new PipelineError('geo/kurils/out/land.geojson', id, 'feature missing (a history layer needs it)');
  return feature;
}

function polygonsWhere(land: readonly LandFeature[], keep: (f: LandFeature) => boolean): Polygon[] {
  return land.filter(keep).flatMap((f) => polygonsOf(f.geometry));
}

function line(coordinates: Position[]): LineString {
  return { type: 'LineString', coordinates: roundLine(coordinates, REGION_DECIMALS) };
}

/** A drawn line must stay at sea: a border through an island would misstate the treaty. */
function assertAtSea(id: string, geometry: LineString, land: readonly LandFeature[]): void {
  const hit = land.find((f) => booleanIntersects(geometry, f.geometry));
  if (hit) throw new PipelineError(HISTORY, id, `line crosses land (${hit.properties.id})`);
}

/** Local east/north kilometre offsets, accurate enough for a few tens of kilometres. */
function offset([lon, lat]: Position, eastKm: number, northKm: number): Position {
  const kmPerDegLat = 111.195;
  return [lon + eastKm / (kmPerDegLat * Math.cos((lat * Math.PI) / 180)), lat + northKm / kmPerDegLat];
}

export function border1855(land: readonly LandFeature[]): Feature<LineString, BorderProps> {
  // facts.md event 1: the border runs through the Friza (Vries) Strait, ≈ 149.36,45.18 → 148.90,46.17.
  const geometry = line([
    [149.36, 45.18],
    [148.9, 46.17],
  ]);
  assertAtSea('border-1855', geometry, land);
  return {
    type: 'Feature',
    properties: {
      id: 'border-1855',
      year: 1855,
      name: 'Treaty of Shimoda border',
      label: '1855',
      date: '1855-02-07',
      approximate: true,
      note: 'Schematic line through the Friza (Vries) Strait: the treaty puts the border between Etorofu (Iturup) and Uruppu (Urup); Iturup and the islands south of it Japanese, Urup and the islands north of it Russian; Sakhalin left undivided. The treaty draws no line.',
      source:
        'Treaty of Commerce, Navigation and Delimitation between Japan and Russia (Treaty of Shimoda), 7 Feb 1855, Art. 2; line endpoints from geo/kurils/facts.md event 1',
    },
    geometry,
  };
}

export interface Border1875 {
  readonly feature: Feature<LineString, BorderProps>;
  /** Kilometres between the computed strait middle and facts.md's ≈ 156.58, 50.85. */
  readonly midOffsetKm: number;
  readonly straitWidthKm: number;
}

export function border1875(land: readonly LandFeature[]): Border1875 {
  // Across the First Kuril Strait, through the middle of its narrowest crossing (Cape Lopatka – Shumshu).
  const gap = nearestBetween(
    polygonsOf(landById(land, 'kamchatka').geometry),
    polygonsOf(landById(land, 'shumshu').geometry),
  );
  const mid: Position = [(gap.from[0] + gap.to[0]) / 2, (gap.from[1] + gap.to[1]) / 2];
  const cos = Math.cos((mid[1] * Math.PI) / 180);
  const dx = (gap.to[0] - gap.from[0]) * cos;
  const dy = gap.to[1] - gap.from[1];
  const norm = Math.hypot(dx, dy);
  // Perpendicular to the crossing, pointing west first so the line runs Sea of Okhotsk → Pacific.
  let [px, py] = [-dy / norm, dx / norm];
  if (px > 0) [px, py] = [-px, -py];
  let geometry: LineString | undefined;
  for (let half = 30; half >= 5; half -= 5) {
    const candidate = line([offset(mid, px * half, py * half), offset(mid, -px * half, -py * half)]);
    if (!land.some((f) => booleanIntersects(candidate, f.geometry))) {
      geometry = candidate;
      break;
    }
  }
  if (!geometry) throw new PipelineError(HISTORY, 'border-1875', 'no land-free line across the First Kuril Strait');
  return {
    feature: {
      type: 'Feature',
      properties: {
        id: 'border-1875',
        year: 1875,
        name: 'Treaty of Saint Petersburg border',
        label: '1875',
        date: '1875-05-07',
        approximate: true,
        note: 'Schematic line across the First Kuril Strait between Shumshu and Cape Lopatka (Kamchatka), through the middle of its narrowest crossing: Japan gave up Sakhalin and received the 18 Kuril islands from Urup to Shumshu.',
        source:
          'Treaty of Saint Petersburg, 7 May 1875, Art. 2 (geo/kurils/facts.md event 2); strait middle computed from the OSM coastline',
      },
      geometry,
    },
    midOffsetKm: round(km(mid, [156.58, 50.85]), 1),
    straitWidthKm: round(gap.km, 1),
  };
}

/** The two arms of the 1945 operation (geo/kurils/facts.md event 3). */
export type Arm = 'north' | 'south';

interface OccupationStop {
  readonly id: string;
  readonly arm: Arm;
  readonly island: string;
  /** A sourced position, 'island' for the island's label point, or 'nearest-kamchatka' for the shore facing Cape Lopatka. */
  readonly at: Position | 'island' | 'nearest-kamchatka';
  readonly site: OccupationEventProps['site'];
  readonly date: string;
  readonly dateEnd?: string;
  readonly label: string;
  /** The side of the label on the marker, clear of its neighbours (the southern landings are close). */
  readonly labelAnchor: OccupationEventProps['label_anchor'];
  readonly nameEn: string;
  readonly approximate: boolean;
  /** Why the marker is not at a sourced site; required when `approximate`. */
  readonly approximateReason?: string;
  readonly source: string;
}

const SLAVINSKY = 'B. Slavinsky, "The Occupation of the Kurils, Summer 1945" (Japanese edition 千島占領 一九四五年 夏)';
const NEMURO_RECORD =
  'Nemuro Subprefecture record "千島及離島ソ連軍進駐状況綴" (as quoted by hoppou.blog, "北方領土遺産…②択捉島上陸")';

/** facts.md events 3a–3e: each arm's stops in date order. */
export const STOPS: readonly OccupationStop[] = [
  {
    id: 'occupation-shumshu',
    arm: 'north',
    island: 'shumshu',
    at: 'nearest-kamchatka',
    site: 'landing',
    date: '1945-08-18',
    dateEnd: '1945-08-23',
    label: 'Shumshu 18 Aug',
    labelAnchor: 'right',
    nameEn: 'Soviet landing on Shumshu, 18 Aug; the Battle of Shumshu (18–23 Aug), the only major battle',
    approximate: true,
    approximateReason:
      'The landing was at Takeda beach on the north-east coast, between Capes Kokutan and Kotomari; no published coordinate, so the marker is on the point of that shore nearest Cape Lopatka.',
    source:
      'date: Wikipedia (en), "Battle of Shumshu" (18–23 Aug 1945); landing beach: 占守島.com (Shueisha), citing 北千島慰霊の会 "碧血留魂の地 北千島" (竹田浜, between 国端崎 and 小泊崎); position computed by this build from the OSM coastline',
  },
  {
    id: 'occupation-urup',
    arm: 'north',
    island: 'urup',
    at: 'island',
    site: 'island',
    date: '1945-08-30',
    dateEnd: '1945-08-31',
    label: 'Urup end Aug',
    labelAnchor: 'left',
    nameEn: "Urup: its garrison surrendered to the Kamchatka force, the northern arm's last island (30–31 Aug)",
    approximate: true,
    approximateReason: 'Island-level marker: no source places the landing on Urup.',
    source: `date: RIA Novosti, 18 Aug 2025 ("white flag on Urup" five days after 25 Aug); surrender signed 31 Aug: ${SLAVINSKY}, via hoppou.blog 2020-09-01; geo/kurils/facts.md event 3b`,
  },
  {
    id: 'occupation-iturup',
    arm: 'south',
    island: 'iturup',
    at: [147.69417, 45.08611],
    site: 'landing',
    date: '1945-08-28',
    label: 'Iturup 28 Aug',
    labelAnchor: 'right',
    nameEn: 'Soviet landing at Rubetsu, Iturup, from Otomari (Korsakov) on Sakhalin',
    approximate: false,
    source: `date and site: ${NEMURO_RECORD} and ${SLAVINSKY} (minesweepers T-589 and T-590 into Rubetsu Bay, 28 Aug); position: the former village of Rubetsu (留別), Wikipedia (ru), "Рубэцу", 45°05′10″N 147°41′39″E`,
  },
  {
    id: 'occupation-kunashir',
    arm: 'south',
    island: 'kunashir',
    at: 'island',
    site: 'island',
    date: '1945-09-01',
    label: 'Kunashir 1 Sep',
    labelAnchor: 'right',
    nameEn: 'Kunashir occupied by a force shipped from Otomari (Korsakov)',
    approximate: true,
    approximateReason: 'Island-level marker: the landing site is not confirmed.',
    source:
      'date: geo/kurils/facts.md event 3d; Polk RF, "И на Тихом океане свой закончили поход" (capitulation on Kunashir and Shikotan, 1 Sep 1945)',
  },
  {
    id: 'occupation-shikotan',
    arm: 'south',
    island: 'shikotan',
    at: 'island',
    site: 'island',
    date: '1945-09-01',
    label: 'Shikotan 1 Sep',
    labelAnchor: 'left',
    nameEn: 'Shikotan occupied by a force shipped from Otomari (Korsakov)',
    approximate: true,
    approximateReason: 'Island-level marker: the landing site is not confirmed.',
    source:
      'date: geo/kurils/facts.md event 3d; Polk RF, "И на Тихом океане свой закончили поход" (capitulation on Kunashir and Shikotan, 1 Sep 1945)',
  },
  {
    id: 'occupation-habomai',
    arm: 'south',
    island: 'habomai',
    at: [146.15, 43.5],
    site: 'island-group',
    date: '1945-09-03',
    dateEnd: '1945-09-05',
    label: 'Habomai 3–5 Sep',
    labelAnchor: 'top',
    nameEn: "Habomai islands occupied, after Japan's surrender was signed on 2 Sep",
    approximate: true,
    approximateReason:
      'Group-level marker: the occupation of the islets spans 3–5 Sep; the point marks the group, not a landing site.',
    source: 'date: Japanese government, per geo/kurils/facts.md event 3e; group point from geo/kurils/facts.md',
  },
];

/**
 * Where each arm sets out, and sea waypoints between the stops, so each arm follows the chain instead of
 * cutting across islands. Schematic: they are not ship tracks. The build checks each waypoint is at sea.
 */
export const ARMS: Record<
  Arm,
  {
    readonly from: string;
    readonly start: readonly Position[];
    readonly after: Readonly<Record<string, readonly Position[]>>;
    readonly label: string;
    readonly note: string;
    readonly source: string;
  }
> = {
  north: {
    from: 'Petropavlovsk-Kamchatsky',
    // Out of Avacha Bay's mouth and down Kamchatka's Pacific coast to the First Kuril Strait.
    start: [
      [158.85, 52.8],
      [158.5, 52.0],
      [157.8, 51.4],
      [156.85, 50.95],
    ],
    after: {
      // Down the Pacific side of the chain, past Paramushir, to Urup.
      'occupation-shumshu': [
        [156.75, 50.6],
        [156.4, 50.45],
        [155.2, 49.4],
        [154.3, 48.5],
        [153.5, 47.8],
        [152.6, 46.9],
        [150.9, 46.0],
      ],
    },
    label: 'Northern arm, from Petropavlovsk-Kamchatsky: 18–31 Aug 1945 (schematic route)',
    note: 'Schematic: the Kamchatka Defence Area force sailed from Petropavlovsk-Kamchatsky, landed on Shumshu on 18 Aug and, after the battle, moved south island by island (Paramushir, Onekotan, Matua, …) to Urup by the end of August. Not ship tracks.',
    source: `geo/kurils/facts.md events 3, 3a, 3b; Wikipedia (en), "Invasion of the Kuril Islands"; ${SLAVINSKY}; line drawn by this build`,
  },
  south: {
    from: 'Otomari (Korsakov)',
    // Out of Aniva Bay, round Cape Aniva and across the Sea of Okhotsk to Iturup's Okhotsk coast.
    start: [
      [143.0, 46.35],
      [143.5, 45.85],
      [145.5, 45.4],
      [147.4, 45.15],
    ],
    after: {
      // Along Iturup's Okhotsk coast, onto Kunashir from its Okhotsk side.
      'occupation-iturup': [
        [147.2, 44.95],
        [145.6, 44.35],
      ],
    },
    label: 'Southern arm, from Otomari (Korsakov): 28 Aug – 5 Sep 1945 (schematic route)',
    note: 'Schematic: units of the 87th Rifle Corps (16th Army) shipped from Otomari (Korsakov) on southern Sakhalin landed on Iturup on 28 Aug, on Kunashir and Shikotan on 1 Sep, and occupied the Habomai islands on 3–5 Sep. Not ship tracks.',
    source: `geo/kurils/facts.md events 3, 3c–3e; ${SLAVINSKY}, via hoppou.blog; Wikipedia (en), "Invasion of the Kuril Islands"; line drawn by this build`,
  },
};

/** Otomari (Korsakov), where the southern arm set out: Wikipedia, "Korsakov (town)", 46°38′N 142°46′E. */
export const OTOMARI: Position = [142.76667, 46.63333];

/** The reveal runs from the first landing to the last: 18 Aug (share LEAD) to 5 Sep 1945 (share 1). */
const REVEAL_FIRST = Date.UTC(1945, 7, 18);
const REVEAL_LAST = Date.UTC(1945, 8, 5);
/** Share of the reveal each arm takes to reach its first stop. */
const LEAD = 0.1;

export function revealShare(isoDate: string): number {
  const t = Date.parse(`${isoDate}T00:00:00Z`);
  return round(LEAD + ((1 - LEAD) * (t - REVEAL_FIRST)) / (REVEAL_LAST - REVEAL_FIRST), 3);
}

export interface ArmFigures {
  readonly lengthKm: number;
  readonly overLandKm: number;
  /** [reveal share, share of the arm's length drawn]: the arm is drawn as the story reaches each stop's date. */
  readonly revealKeys: readonly (readonly [number, number])[];
}

export interface Occupation {
  readonly features: Feature<Point | LineString, OccupationEventProps | OccupationRouteProps | OccupationOriginProps>[];
  readonly arms: Record<Arm, ArmFigures>;
}

function stopPosition(stop: OccupationStop, land: readonly LandFeature[]): Position {
  if (stop.at === 'nearest-kamchatka') {
    const gap = nearestBetween(
      polygonsOf(landById(land, 'kamchatka').geometry),
      polygonsOf(landById(land, stop.island).geometry),
    );
    return roundPosition(gap.to, REGION_DECIMALS);
  }
  if (stop.at !== 'island') return roundPosition(stop.at, REGION_DECIMALS);
  const [largest] = polygonsOf(landById(land, stop.island).geometry).sort((a, b) => areaKm2(b) - areaKm2(a));
  if (!largest) throw new PipelineError(HISTORY, stop.id, 'island has no polygon');
  return labelPoint(largest, REGION_DECIMALS);
}

function assertWaypointsAtSea(arm: Arm, points: readonly Position[], land: readonly LandFeature[]): void {
  for (const p of points) {
    const hit = land.find((f) => booleanIntersects({ type: 'Point', coordinates: p }, f.geometry));
    if (hit)
      throw new PipelineError(
        HISTORY,
        `route-1945-${arm}`,
        `waypoint ${p.join(',')} is on land (${hit.properties.id})`,
      );
  }
}

export function occupation1945(land: readonly LandFeature[]): Occupation {
  const routes: Feature<LineString, OccupationRouteProps>[] = [];
  const events: Feature<Point, OccupationEventProps>[] = [];
  const origins: Feature<Point, OccupationOriginProps>[] = [];
  const arms = {} as Record<Arm, ArmFigures>;
  for (const arm of ['north', 'south'] as const) {
    const spec = ARMS[arm];
    const stops = STOPS.filter((s) => s.arm === arm);
    assertWaypointsAtSea(arm, spec.start, land);
    for (const points of Object.values(spec.after)) assertWaypointsAtSea(arm, points, land);
    const positions = stops.map((s) => stopPosition(s, land));
    const path: Position[] = arm === 'south' ? [OTOMARI, ...spec.start] : [...spec.start];
    for (const [i, stop] of stops.entries()) {
      const p = positions[i];
      if (p) path.push(p);
      path.push(...(spec.after[stop.id] ?? []));
    }
    const geometry = line(path);
    const lengthKm = turfLength({ type: 'Feature', properties: {}, geometry }, { units: 'kilometers' });
    const first = stops[0];
    const last = stops[stops.length - 1];
    if (!first || !last) throw new PipelineError(HISTORY, `route-1945-${arm}`, 'arm has no stops');
    const keys: [number, number][] = [[round(revealShare(first.date) - LEAD, 3), 0]];
    const start = path[0] ?? [0, 0];
    origins.push({
      type: 'Feature',
      properties: {
        id: `origin-1945-${arm}`,
        kind: 'origin',
        arm,
        label: `from ${spec.from}`,
        // The northern start lies near the frame's eastern edge: its label goes west of it.
        label_anchor: arm === 'north' ? 'right' : 'left',
        approximate: arm === 'north',
        ...(arm === 'north'
          ? {
              approximate_reason:
                'The schematic route starts at sea off Avacha Bay, the port of Petropavlovsk-Kamchatsky; the port itself is not placed.',
            }
          : {}),
        reveal_at: keys[0]?.[0] ?? 0,
        source:
          arm === 'north'
            ? spec.source
            : 'position: Otomari (Korsakov), Wikipedia (en), "Korsakov (town)", 46°38′N 142°46′E; departure: Slavinsky via hoppou.blog',
      },
      geometry: { type: 'Point', coordinates: roundPosition(start, REGION_DECIMALS) },
    });
    for (const [i, stop] of stops.entries()) {
      const p = positions[i] ?? [0, 0];
      const along = nearestPointOnLine(geometry, p, { units: 'kilometers' }).properties.totalDistance;
      const share = revealShare(stop.date);
      keys.push([share, round(along / lengthKm, 4)]);
      events.push({
        type: 'Feature',
        properties: {
          id: stop.id,
          kind: 'event',
          arm,
          order: STOPS.indexOf(stop) + 1,
          date: stop.date,
          ...(stop.dateEnd ? { date_end: stop.dateEnd } : {}),
          label: stop.label,
          label_anchor: stop.labelAnchor,
          name_en: stop.nameEn,
          island: stop.island,
          site: stop.site,
          approximate: stop.approximate,
          ...(stop.approximateReason ? { approximate_reason: stop.approximateReason } : {}),
          distance_km: round(along, 1),
          reveal_at: share,
          source: stop.source,
        },
        geometry: { type: 'Point', coordinates: p },
      });
    }
    // The last stop ends the arm; anything drawn after it (none today) finishes with the story.
    keys.push([1, 1]);
    routes.push({
      type: 'Feature',
      properties: {
        id: `route-1945-${arm}`,
        kind: 'route',
        arm,
        from: spec.from,
        date: first.date,
        date_end: last.dateEnd ?? last.date,
        label: spec.label,
        length_km: round(lengthKm, 1),
        approximate: true,
        note: spec.note,
        // How far the line is drawn as a story step reveals it: it reaches each stop on the stop's date.
        reveal_keys: keys,
        source: spec.source,
      },
      geometry,
    });
    arms[arm] = { lengthKm, overLandKm: overLandKm(geometry, land), revealKeys: keys };
  }
  events.sort((a, b) => a.properties.order - b.properties.order);
  return { features: [...routes, ...origins, ...events], arms };
}

/** Length of the line inside land, sampled every ~1 km (a diagnostic for the route drawing). */
function overLandKm(route: LineString, land: readonly LandFeature[]): number {
  let total = 0;
  const c = route.coordinates as Position[];
  for (let i = 0; i + 1 < c.length; i++) {
    const a = c[i] ?? [0, 0];
    const b = c[i + 1] ?? [0, 0];
    const segment = km(a, b);
    const steps = Math.max(1, Math.ceil(segment));
    for (let s = 0; s < steps; s++) {
      const t = (s + 0.5) / steps;
      const p: Position = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
      if (land.some((f) => booleanIntersects({ type: 'Point', coordinates: p }, f.geometry))) total += segment / steps;
    }
  }
  return round(total, 1);
}

const SAN_FRANCISCO_2C = 'Japan renounces all right, title and claim to the Kurile Islands';
const JAPAN_POSITION =
  'Japan: Iturup, Kunashir, Shikotan and the Habomai islands are not part of the "Kurile Islands" it renounced (Shikotan and Habomai belong to Hokkaido); they are inherent Japanese territory, and the treaty does not say to whom the renounced islands belong.';
const RUSSIA_POSITION =
  'USSR/Russia: all the Kurils, including the four southern islands, passed to the USSR as a result of the Second World War (Yalta agreement, 11 Feb 1945). The USSR did not sign the San Francisco treaty.';

/**
 * A translucent fill over the chain needs no island-scale outline: coarser and fewer decimals than
 * land.geojson. Its `area_km2` is the land's, measured on the accurate polygons.
 */
function coarse(polygons: readonly Polygon[]): GeoPolygon | GeoMultiPolygon {
  return geometryOf(
    polygons.map(
      (p) => simplifyPolygon(p, RENOUNCED_TOLERANCE_DEG, RENOUNCED_MAX_AREA_CHANGE, RENOUNCED_DECIMALS).polygon,
    ),
  );
}

export function renounced1951(land: readonly LandFeature[]): Feature<GeoPolygon | GeoMultiPolygon, RenouncedProps>[] {
  const kurilNorth = polygonsWhere(land, (f) => f.properties.group === 'kuril-north');
  const southern = polygonsWhere(land, (f) => f.properties.claimed_by === 'JP');
  const common = {
    year: 1951,
    date: '1951-09-08',
    treaty_text: SAN_FRANCISCO_2C,
    japan_position: JAPAN_POSITION,
    ussr_russia_position: RUSSIA_POSITION,
    ussr_signed: false as const,
    source:
      'Treaty of Peace with Japan (San Francisco), 8 Sep 1951, Art. 2(c) (geo/kurils/facts.md event 4); Japan\'s position: MOFA, "Northern Territories issue" (mofa.go.jp); Yalta agreement, 11 Feb 1945',
  };
  return [
    {
      type: 'Feature',
      properties: {
        id: 'renounced-1951-kurils',
        scope: 'north',
        contested: false,
        area_km2: round(areaKm2(geometryOf(kurilNorth)), 1),
        ...common,
      },
      geometry: coarse(kurilNorth),
    },
    {
      type: 'Feature',
      properties: {
        id: 'renounced-1951-southern',
        scope: 'southern-four',
        contested: true,
        area_km2: round(areaKm2(geometryOf(southern)), 1),
        ...common,
      },
      geometry: coarse(southern),
    },
  ];
}

export interface Offer {
  readonly features: Feature<GeoPolygon | GeoMultiPolygon, OfferProps>[];
  readonly offeredKm2: number;
  readonly disputedKm2: number;
  readonly share: number;
}

/** Offered land ÷ disputed land, from the offer's own geometry (the unit test recomputes it). */
export function offerShare(offered: GeoPolygon | GeoMultiPolygon, notOffered: GeoPolygon | GeoMultiPolygon): number {
  const a = areaKm2(offered);
  return a / (a + areaKm2(notOffered));
}

export function offer1956(land: readonly LandFeature[]): Offer {
  const isOffered = (f: LandFeature): boolean =>
    f.properties.group === 'habomai' || f.properties.id === 'shikotan' || f.properties.part_of === 'shikotan';
  const offered = geometryOf(polygonsWhere(land, (f) => f.properties.claimed_by === 'JP' && isOffered(f)));
  const notOffered = geometryOf(polygonsWhere(land, (f) => f.properties.claimed_by === 'JP' && !isOffered(f)));
  const share = offerShare(offered, notOffered);
  const common = {
    year: 1956,
    date: '1956-10-19',
    source:
      'Joint Declaration by the USSR and Japan, 19 Oct 1956, Art. 9 (in force 12 Dec 1956): Habomai and Shikotan to be handed over after a peace treaty is concluded (geo/kurils/facts.md event 5); share computed from the OSM coastline',
  };
  const offeredKm2 = areaKm2(offered);
  const notOfferedKm2 = areaKm2(notOffered);
  return {
    features: [
      {
        type: 'Feature',
        properties: {
          id: 'offer-1956-offered',
          status: 'offered',
          islands: 'Shikotan, Habomai islands',
          area_km2: round(offeredKm2, 1),
          share_of_disputed_area: round(share, 4),
          ...common,
        },
        geometry: offered,
      },
      {
        type: 'Feature',
        properties: {
          id: 'offer-1956-not-offered',
          status: 'not-offered',
          islands: 'Iturup, Kunashir',
          area_km2: round(notOfferedKm2, 1),
          ...common,
        },
        geometry: notOffered,
      },
    ],
    offeredKm2,
    disputedKm2: offeredKm2 + notOfferedKm2,
    share,
  };
}
