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
import type { BorderProps, OccupationEventProps, OccupationRouteProps, OfferProps, RenouncedProps } from './schema.ts';

const HISTORY = 'geo/history.ts';

export function landById(land: readonly LandFeature[], id: string): LandFeature {
  const feature = land.find((f) => f.properties.id === id);
  if (!feature) throw new PipelineError('geo/out/land.geojson', id, 'feature missing (a history layer needs it)');
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
      date: '1855-02-07',
      approximate: true,
      note: 'Schematic line through the Friza (Vries) Strait: the treaty puts the border between Etorofu (Iturup) and Uruppu (Urup); Iturup and the islands south of it Japanese, Urup and the islands north of it Russian; Sakhalin left undivided. The treaty draws no line.',
      source:
        'Treaty of Commerce, Navigation and Delimitation between Japan and Russia (Treaty of Shimoda), 7 Feb 1855, Art. 2; line endpoints from geo/facts.md event 1',
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
        date: '1875-05-07',
        approximate: true,
        note: 'Schematic line across the First Kuril Strait between Shumshu and Cape Lopatka (Kamchatka), through the middle of its narrowest crossing: Japan gave up Sakhalin and received the 18 Kuril islands from Urup to Shumshu.',
        source:
          'Treaty of Saint Petersburg, 7 May 1875, Art. 2 (geo/facts.md event 2); strait middle computed from the OSM coastline',
      },
      geometry,
    },
    midOffsetKm: round(km(mid, [156.58, 50.85]), 1),
    straitWidthKm: round(gap.km, 1),
  };
}

interface OccupationStop {
  readonly id: string;
  readonly island: string;
  readonly at: Position | 'island';
  readonly site: OccupationEventProps['site'];
  readonly date: string;
  readonly dateEnd?: string;
  readonly label: string;
  readonly nameEn: string;
  readonly approximate: boolean;
  readonly source: string;
}

/** facts.md events 3a–3d, north to south. */
const STOPS: readonly OccupationStop[] = [
  {
    id: 'occupation-shumshu',
    island: 'shumshu',
    at: [156.317, 50.733],
    site: 'landing',
    date: '1945-08-18',
    dateEnd: '1945-08-23',
    label: '18–23 Aug 1945',
    nameEn: 'Soviet landing on Shumshu; the Battle of Shumshu (18–23 Aug), the only major battle',
    approximate: false,
    source: 'geo/facts.md event 3a (Battle of Shumshu, 18–23 Aug 1945)',
  },
  {
    id: 'occupation-iturup',
    island: 'iturup',
    at: [147.88, 45.23],
    site: 'island',
    date: '1945-08-28',
    label: '28 Aug 1945',
    nameEn: 'Iturup occupied (marker at Kurilsk; the landing site is not confirmed)',
    approximate: true,
    source: 'geo/facts.md event 3b (date confirmed, site not)',
  },
  {
    id: 'occupation-kunashir',
    island: 'kunashir',
    at: 'island',
    site: 'island',
    date: '1945-09-01',
    label: '1 Sep 1945',
    nameEn: 'Kunashir occupied (island-level marker; site not confirmed)',
    approximate: true,
    source: 'geo/facts.md event 3c (date confirmed, site not)',
  },
  {
    id: 'occupation-shikotan',
    island: 'shikotan',
    at: 'island',
    site: 'island',
    date: '1945-09-01',
    label: '1 Sep 1945',
    nameEn: 'Shikotan occupied (island-level marker; site not confirmed)',
    approximate: true,
    source: 'geo/facts.md event 3c (date confirmed, site not)',
  },
  {
    id: 'occupation-habomai',
    island: 'habomai',
    at: [146.15, 43.5],
    site: 'island-group',
    date: '1945-09-03',
    dateEnd: '1945-09-05',
    label: '3–5 Sep 1945',
    nameEn: "Habomai islands occupied, after Japan's surrender was signed on 2 Sep",
    approximate: false,
    source: 'Japanese government, per geo/facts.md event 3d',
  },
];

/**
 * Sea waypoints between the stops so the drawn route follows the chain instead of cutting across
 * islands. Schematic: they are not ship tracks. The build checks each is at sea.
 */
export const ROUTE_WAYPOINTS: readonly { readonly after: string; readonly points: readonly Position[] }[] = [
  {
    // Down the Pacific side of the chain, then through the Friza Strait to Iturup's Okhotsk coast.
    after: 'occupation-shumshu',
    points: [
      [156.4, 50.45],
      [155.2, 49.4],
      [154.3, 48.5],
      [153.5, 47.8],
      [152.6, 46.9],
      [150.9, 46.0],
      [149.9, 45.45],
      [149.15, 45.62],
      [148.5, 45.65],
      [147.9, 45.52],
      [147.75, 45.35],
    ],
  },
  // Out of Kurilsk Bay, along Iturup's Okhotsk coast, onto Kunashir from its Okhotsk side.
  {
    after: 'occupation-iturup',
    points: [
      [147.6, 45.3],
      [147.2, 44.95],
      [145.6, 44.35],
    ],
  },
];

export interface Occupation {
  readonly features: Feature<Point | LineString, OccupationEventProps | OccupationRouteProps>[];
  readonly routeKm: number;
  /** Kilometres of the drawn route that pass over land (through the island markers). */
  readonly routeOverLandKm: number;
}

function stopPosition(stop: OccupationStop, land: readonly LandFeature[]): Position {
  if (stop.at !== 'island') return roundPosition(stop.at, REGION_DECIMALS);
  const [largest] = polygonsOf(landById(land, stop.island).geometry).sort((a, b) => areaKm2(b) - areaKm2(a));
  if (!largest) throw new PipelineError(HISTORY, stop.id, 'island has no polygon');
  return labelPoint(largest, REGION_DECIMALS);
}

export function occupation1945(land: readonly LandFeature[]): Occupation {
  const positions = STOPS.map((s) => stopPosition(s, land));
  for (const wp of ROUTE_WAYPOINTS) {
    for (const p of wp.points) {
      const hit = land.find((f) => booleanIntersects({ type: 'Point', coordinates: p }, f.geometry));
      if (hit)
        throw new PipelineError(
          HISTORY,
          'route-1945',
          `waypoint ${p.join(',')} after ${wp.after} is on land (${hit.properties.id})`,
        );
    }
  }
  const path: Position[] = [];
  for (const [i, stop] of STOPS.entries()) {
    const p = positions[i];
    if (p) path.push(p);
    for (const wp of ROUTE_WAYPOINTS) if (wp.after === stop.id) path.push(...wp.points);
  }
  const route = line(path);
  const routeKm = turfLength({ type: 'Feature', properties: {}, geometry: route }, { units: 'kilometers' });
  const events: Feature<Point, OccupationEventProps>[] = STOPS.map((stop, i) => {
    const p = positions[i] ?? [0, 0];
    const along = nearestPointOnLine(route, p, { units: 'kilometers' }).properties.totalDistance;
    return {
      type: 'Feature',
      properties: {
        id: stop.id,
        kind: 'event',
        order: i + 1,
        date: stop.date,
        ...(stop.dateEnd ? { date_end: stop.dateEnd } : {}),
        label: stop.label,
        name_en: stop.nameEn,
        island: stop.island,
        site: stop.site,
        approximate: stop.approximate,
        distance_km: round(along, 1),
        source: stop.source,
      },
      geometry: { type: 'Point', coordinates: p },
    };
  });
  const routeFeature: Feature<LineString, OccupationRouteProps> = {
    type: 'Feature',
    properties: {
      id: 'route-1945',
      kind: 'route',
      date: '1945-08-18',
      date_end: '1945-09-05',
      label: '18 Aug – 5 Sep 1945',
      length_km: round(routeKm, 1),
      approximate: true,
      note: 'Schematic order of the Soviet occupation, north to south, through the dated markers; not ship tracks. Soviet accounts end the operation on 1 Sep 1945; Japan dates the occupation of the four southern groups 28 Aug – 5 Sep 1945.',
      source: 'geo/facts.md events 3, 3a–3d; drawn by this build',
    },
    geometry: route,
  };
  return { features: [routeFeature, ...events], routeKm, routeOverLandKm: overLandKm(route, land) };
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
      'Treaty of Peace with Japan (San Francisco), 8 Sep 1951, Art. 2(c) (geo/facts.md event 4); Japan\'s position: MOFA, "Northern Territories issue" (mofa.go.jp); Yalta agreement, 11 Feb 1945',
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
      'Joint Declaration by the USSR and Japan, 19 Oct 1956, Art. 9 (in force 12 Dec 1956): Habomai and Shikotan to be handed over after a peace treaty is concluded (geo/facts.md event 5); share computed from the OSM coastline',
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
