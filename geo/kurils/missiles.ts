/**
 * missiles-2016: what the coastal missile systems reported on Kunashir and Iturup in Nov 2016 can
 * reach. Launch sites are unpublished, so a range is a geodesic buffer of the whole island polygon
 * ("range from anywhere on the island"), never a circle around an invented site.
 */
import { buffer } from '@turf/buffer';
import { difference } from '@turf/difference';
import type { Feature, MultiPolygon as GeoMultiPolygon, Point, Polygon as GeoPolygon } from 'geojson';
import { type BBox, MAX_SIMPLIFY_AREA_CHANGE, REGION_DECIMALS, SIMPLIFY_TOLERANCE_DEG } from './config.ts';
import { PipelineError } from './errors.ts';
import {
  areaKm2,
  bboxPolygon,
  geometryOf,
  intersectPolygons,
  labelPoint,
  polygonsOf,
  round,
  simplifyPolygon,
} from './geom.ts';
import { landById } from './history.ts';
import type { LandFeature } from './islands.ts';
import type { MissileMarkerProps, MissileRangeProps } from './schema.ts';

/**
 * The sea of the Nemuro (Kunashir) Strait as measured here: water inside this bbox, between Hokkaido's
 * Shiretoko and Nemuro peninsulas (Notsuke spit between them) and Kunashir. North edge at the tip of
 * Shiretoko, south edge at the Nemuro peninsula's north shore.
 */
export const NEMURO_STRAIT_BBOX: BBox = [144.95, 43.4, 145.7, 44.35];

interface System {
  readonly system: 'Bal' | 'Bastion';
  readonly missile: string;
  readonly rangeKm: number;
  readonly island: 'kunashir' | 'iturup';
  readonly note?: string;
  readonly source: string;
}

const SYSTEMS: readonly System[] = [
  {
    system: 'Bal',
    missile: 'Kh-35 (subsonic anti-ship)',
    rangeKm: 120,
    island: 'kunashir',
    note: 'Some reports give 130 km (unconfirmed); 120 km is used.',
    source:
      'TASS, RFE/RL and others, 22 Nov 2016: Bal on combat duty on Kunashir, 72nd coastal missile brigade, Pacific Fleet (geo/kurils/facts.md events 6, 6a)',
  },
  {
    system: 'Bastion',
    missile: 'P-800 Oniks (Yakhont)',
    rangeKm: 300,
    island: 'iturup',
    note: 'Longer ranges reported elsewhere are unconfirmed; 300 km is used.',
    source:
      'TASS, RFE/RL and others, 22 Nov 2016: Bastion on combat duty on Iturup, 72nd coastal missile brigade, Pacific Fleet (geo/kurils/facts.md events 6, 6b)',
  },
];

export interface Missiles {
  readonly features: Feature<Point | GeoPolygon | GeoMultiPolygon, MissileRangeProps | MissileMarkerProps>[];
  readonly figures: {
    readonly hokkaidoKm2: number;
    readonly nemuroStraitKm2: number;
    readonly reach: readonly {
      system: string;
      rangeKm: number;
      hokkaidoKm2: number;
      hokkaidoShare: number;
      nemuroStraitShare: number;
    }[];
  };
}

function share(
  part: GeoPolygon | GeoMultiPolygon,
  range: GeoPolygon | GeoMultiPolygon,
): { km2: number; share: number } {
  const inside = intersectPolygons(part, range);
  const km2 = inside.length === 0 ? 0 : areaKm2(geometryOf(inside));
  return { km2, share: km2 / areaKm2(part) };
}

/** The strait's water: the bbox minus every land feature it touches. */
export function nemuroStrait(land: readonly LandFeature[]): GeoPolygon | GeoMultiPolygon {
  let water: Feature<GeoPolygon | GeoMultiPolygon> | null = {
    type: 'Feature',
    properties: {},
    geometry: { type: 'Polygon', coordinates: bboxPolygon(NEMURO_STRAIT_BBOX) },
  };
  for (const f of land) {
    if (!water) break;
    water = difference({
      type: 'FeatureCollection',
      features: [water, { type: 'Feature', properties: {}, geometry: f.geometry }],
    });
  }
  if (!water) throw new PipelineError('geo/kurils/missiles.ts', 'nemuro-strait', 'no water left in the strait bbox');
  return water.geometry;
}

export function missiles2016(land: readonly LandFeature[], extent: BBox): Missiles {
  const hokkaido = landById(land, 'hokkaido').geometry;
  const strait = nemuroStrait(land);
  const features: Missiles['features'] = [];
  const reach: Missiles['figures']['reach'][number][] = [];
  for (const s of SYSTEMS) {
    const island = landById(land, s.island).geometry;
    const buffered = buffer({ type: 'Feature', properties: {}, geometry: island }, s.rangeKm, {
      units: 'kilometers',
      steps: 16,
    });
    if (!buffered)
      throw new PipelineError('geo/kurils/missiles.ts', `${s.system.toLowerCase()}-range`, 'buffer failed');
    // Clip to the map's extent, then simplify like the land (the ring is smooth, so little changes).
    const clipped = intersectPolygons(buffered.geometry, { type: 'Polygon', coordinates: bboxPolygon(extent) });
    const range = geometryOf(
      clipped.map((p) => simplifyPolygon(p, SIMPLIFY_TOLERANCE_DEG, MAX_SIMPLIFY_AREA_CHANGE, REGION_DECIMALS).polygon),
    );
    const onHokkaido = share(hokkaido, range);
    const inStrait = share(strait, range);
    const id = `${s.system.toLowerCase()}-range`;
    features.push({
      type: 'Feature',
      properties: {
        id,
        kind: 'range',
        ...deployment(s),
        basis: 'range from anywhere on the island',
        approximate_reason: `The launch sites are not published: the ring is ${s.rangeKm} km from anywhere on ${s.island === 'kunashir' ? 'Kunashir' : 'Iturup'}, not from a site.`,
        hokkaido_share: round(onHokkaido.share, 4),
        ...(s.system === 'Bal' ? { nemuro_strait_share: round(inStrait.share, 4) } : {}),
        ...(s.note ? { note: s.note } : {}),
        source: s.source,
      },
      geometry: range,
    });
    reach.push({
      system: s.system,
      rangeKm: s.rangeKm,
      hokkaidoKm2: onHokkaido.km2,
      hokkaidoShare: onHokkaido.share,
      nemuroStraitShare: inStrait.share,
    });
  }
  for (const s of SYSTEMS) {
    const [largest] = polygonsOf(landById(land, s.island).geometry).sort((a, b) => areaKm2(b) - areaKm2(a));
    if (!largest) throw new PipelineError('geo/kurils/missiles.ts', s.island, 'island has no polygon');
    features.push({
      type: 'Feature',
      properties: {
        id: `${s.system.toLowerCase()}-${s.island}`,
        kind: 'marker',
        ...deployment(s),
        label: `${s.system} (${s.rangeKm} km), site not published`,
        approximate_reason: 'The launch site is not published: the marker stands on the island, at its label point.',
        source: s.source,
      },
      geometry: { type: 'Point', coordinates: labelPoint(largest, REGION_DECIMALS) },
    });
  }
  return { features, figures: { hokkaidoKm2: areaKm2(hokkaido), nemuroStraitKm2: areaKm2(strait), reach } };
}

/** What the range and the marker of one system both say: which system, where, since when, approximate. */
function deployment(s: (typeof SYSTEMS)[number]) {
  return {
    system: s.system,
    missile: s.missile,
    range_km: s.rangeKm,
    island: s.island,
    // Reported on combat duty (TASS, RFE/RL; geo/kurils/facts.md event 6); the sites are not published.
    date: '2016-11-22',
    approximate: true as const,
  };
}
