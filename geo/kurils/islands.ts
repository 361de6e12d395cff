/**
 * land.geojson: the region's OSM polygons cut to the region, each Kuril island its own named feature
 * (found by a reference point), unnamed islets merged per island group, everything simplified under
 * an area budget. Pure: source polygons in, features and area records out.
 */
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
import type { Feature, MultiPolygon as GeoMultiPolygon, Polygon as GeoPolygon } from 'geojson';
import {
  type BBox,
  FAR_LAND_IDS,
  FAR_SIMPLIFY_TOLERANCE_DEG,
  MAX_SIMPLIFY_AREA_CHANGE,
  MIN_POLYGON_KM2,
  OSM_CREDIT,
  REGION_DECIMALS,
  SIMPLIFY_TOLERANCE_DEG,
} from './config.ts';
import { PipelineError } from './errors.ts';
import { type Admin, type Group, ISLET_GROUP_DISTANCE_KM, NAMED_LAND, type NamedLand } from './gazetteer.ts';
import {
  areaKm2,
  clipPolygonToBBox,
  geometryOf,
  pointInPolygon,
  type Polygon,
  polygonBBox,
  round,
  simplifyPolygon,
} from './geom.ts';
import type { LandProps } from './schema.ts';
import type { SourcePolygon } from './source.ts';

export type LandFeature = Feature<GeoPolygon | GeoMultiPolygon, LandProps>;

/** What simplification did to one feature; facts.json keeps it so a test can check the budget. */
export interface AreaRecord {
  id: string;
  area_km2: number;
  area_km2_unsimplified: number;
  simplify_change_pct: number;
  /** Largest Douglas–Peucker tolerance used on the feature's polygons (0 = rounding only). */
  tolerance_deg: number;
  vertices: number;
  vertices_unsimplified: number;
}

export interface Land {
  features: LandFeature[];
  areas: AreaRecord[];
  droppedPolygons: number;
}

interface Piece {
  readonly a3: string;
  readonly polygon: Polygon;
  readonly clipped: boolean;
}

const A3: Record<Admin, string> = { RU: 'RUS', JP: 'JPN' };
const GAZETTEER = 'geo/kurils/gazetteer.ts';

function inside([w, s, e, n]: BBox, bbox: BBox): boolean {
  return w >= bbox[0] && e <= bbox[2] && s >= bbox[1] && n <= bbox[3];
}

function cutToRegion(source: readonly SourcePolygon[], bbox: BBox): { pieces: Piece[]; dropped: number } {
  const pieces: Piece[] = [];
  let dropped = 0;
  for (const s of source) {
    const clipped = !inside(polygonBBox(s.rings), bbox);
    for (const polygon of clipPolygonToBBox(s.rings, bbox, 0)) {
      if (areaKm2(polygon) < MIN_POLYGON_KM2) dropped += 1;
      else pieces.push({ a3: s.a3, polygon, clipped });
    }
  }
  return { pieces, dropped };
}

function vertexCount(polygons: readonly Polygon[]): number {
  return polygons.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
}

function namedSource(named: NamedLand): string {
  return `${OSM_CREDIT}; identified by a point from ${named.refSource}; names: ${named.nameSource}`;
}

interface Draft {
  readonly properties: Omit<LandProps, 'area_km2'>;
  readonly polygons: Polygon[];
}

/** Assigns every region polygon to a named feature, an islet group or the rest. */
function assign(pieces: readonly Piece[]): Draft[] {
  const owner = new Map<number, string>();
  const named: Draft[] = [];
  for (const land of NAMED_LAND) {
    const polygons: Polygon[] = [];
    let clipped = false;
    for (const ref of land.refs) {
      const hits = pieces.flatMap((p, i) => (pointInPolygon(ref, p.polygon) ? [i] : []));
      const [hit] = hits;
      if (hits.length !== 1 || hit === undefined) {
        throw new PipelineError(
          GAZETTEER,
          land.id,
          `reference point ${ref.join(',')} is inside ${hits.length} source polygons, expected 1`,
        );
      }
      const piece = pieces[hit];
      if (!piece) throw new PipelineError(GAZETTEER, land.id, 'lost polygon');
      if (piece.a3 !== A3[land.admin])
        throw new PipelineError(GAZETTEER, land.id, `polygon is coded ${piece.a3}, gazetteer says ${land.admin}`);
      const previous = owner.get(hit);
      if (previous)
        throw new PipelineError(GAZETTEER, land.id, `reference point falls in the polygon already named ${previous}`);
      owner.set(hit, land.id);
      polygons.push(piece.polygon);
      clipped ||= piece.clipped;
    }
    named.push({
      polygons,
      properties: {
        id: land.id,
        kind: land.kind,
        group: land.group,
        admin: land.admin,
        ...(land.claimedBy ? { claimed_by: land.claimedBy } : {}),
        name_en: land.nameEn,
        ...(land.nameJa ? { name_ja: land.nameJa } : {}),
        ...(land.nameJaRomaji ? { name_ja_romaji: land.nameJaRomaji } : {}),
        ...(land.nameRu ? { name_ru: land.nameRu } : {}),
        ...(clipped ? { clipped: true as const } : {}),
        source: namedSource(land),
      },
    });
  }

  const kuril = named.filter((d) => d.properties.group !== 'other');
  const islets = new Map<string, { group: Group; polygons: Polygon[] }>();
  const rest = new Map<string, { polygons: Polygon[]; clipped: boolean }>();
  for (const [i, piece] of pieces.entries()) {
    if (owner.has(i)) continue;
    const probe = piece.polygon[0]?.[0];
    if (!probe) continue;
    let nearest: { draft: Draft; km: number } | undefined;
    for (const d of kuril) {
      const km = pointToPolygonDistance(probe, geometryOf(d.polygons), { units: 'kilometers' });
      if (!nearest || km < nearest.km) nearest = { draft: d, km };
    }
    if (nearest && nearest.km <= ISLET_GROUP_DISTANCE_KM) {
      // Habomai is itself a group of islets: its unnamed ones are the group's, not one islet's.
      const { group, id } = nearest.draft.properties;
      const partOf = group === 'habomai' ? 'habomai' : id;
      const entry = islets.get(partOf) ?? { group, polygons: [] };
      entry.polygons.push(piece.polygon);
      islets.set(partOf, entry);
      continue;
    }
    // What the region edge cut from Russia's mainland polygon and is not Kamchatka is mainland Asia.
    const key =
      piece.a3 === 'RUS' && piece.clipped ? 'asia-mainland' : `other-islands-${piece.a3 === 'JPN' ? 'jp' : 'ru'}`;
    const entry = rest.get(key) ?? { polygons: [], clipped: false };
    entry.polygons.push(piece.polygon);
    entry.clipped ||= piece.clipped;
    rest.set(key, entry);
  }

  // Chain order, like the named islands.
  const order = [...NAMED_LAND.map((l) => l.id), 'habomai'];
  const isletDrafts: Draft[] = [...islets.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([partOf, { group, polygons }]) => ({
      polygons,
      properties: {
        id: `${partOf}-islets`,
        kind: 'islets' as const,
        group,
        admin: 'RU' as const,
        ...(group === 'kuril-north' ? {} : { claimed_by: 'JP' as const }),
        part_of: partOf,
        source: `${OSM_CREDIT}; unnamed polygons within ${ISLET_GROUP_DISTANCE_KM} km of ${partOf === 'habomai' ? 'the Habomai islets' : partOf}, left unnamed (no checked name)`,
      },
    }));

  const restDrafts: Draft[] = (['other-islands-jp', 'other-islands-ru', 'asia-mainland'] as const).flatMap((id) => {
    const entry = rest.get(id);
    if (!entry) return [];
    return [
      {
        polygons: entry.polygons,
        properties: {
          id,
          kind: id === 'asia-mainland' ? ('mainland' as const) : ('islets' as const),
          group: 'other' as const,
          admin: id.endsWith('-jp') ? ('JP' as const) : ('RU' as const),
          ...(entry.clipped ? { clipped: true as const } : {}),
          source: `${OSM_CREDIT}; the rest of the region's land, unnamed here`,
        },
      },
    ];
  });

  return [...named, ...isletDrafts, ...restDrafts];
}

export function buildLand(source: readonly SourcePolygon[], bbox: BBox): Land {
  const { pieces, dropped } = cutToRegion(source, bbox);
  const features: LandFeature[] = [];
  const areas: AreaRecord[] = [];
  for (const draft of assign(pieces)) {
    const tolerance = FAR_LAND_IDS.includes(draft.properties.id) ? FAR_SIMPLIFY_TOLERANCE_DEG : SIMPLIFY_TOLERANCE_DEG;
    const simplified = draft.polygons.map((p) =>
      simplifyPolygon(p, tolerance, MAX_SIMPLIFY_AREA_CHANGE, REGION_DECIMALS),
    );
    const polygons = simplified.map((s) => s.polygon);
    const geometry = geometryOf(polygons);
    const area = areaKm2(geometry);
    const sourceArea = simplified.reduce((sum, s) => sum + s.sourceAreaKm2, 0);
    features.push({ type: 'Feature', properties: { ...draft.properties, area_km2: round(area, 1) }, geometry });
    areas.push({
      id: draft.properties.id,
      area_km2: round(area, 3),
      area_km2_unsimplified: round(sourceArea, 3),
      simplify_change_pct: round((area / sourceArea - 1) * 100, 3),
      tolerance_deg: Math.max(...simplified.map((s) => s.toleranceDeg)),
      vertices: vertexCount(polygons),
      vertices_unsimplified: vertexCount(draft.polygons),
    });
  }
  return { features, areas, droppedPolygons: dropped };
}
