/**
 * sea.geojson: a depth look drawn from the coastline, since no npm or Debian package ships bathymetry
 * (facts.md). Bands of distance from land, nearest first, so the sea shades away from the coast. Not
 * depth: the README and the `source` say so.
 */
import { buffer } from '@turf/buffer';
import { union } from '@turf/union';
import type { Feature, MultiPolygon as GeoMultiPolygon, Polygon as GeoPolygon } from 'geojson';
import { type BBox, REGION_DECIMALS, SEA_DECIMALS } from './config.ts';
import { PipelineError } from './errors.ts';
import {
  areaKm2,
  bboxPolygon,
  differencePolygons,
  geometryOf,
  intersectPolygons,
  orientPolygon,
  polygonsOf,
  type Position,
  roundRing,
  simplifyPolygon,
} from './geom.ts';
import type { LandFeature } from './islands.ts';
import type { SeaProps } from './schema.ts';

/** Outer edges of the bands, km from the coast. */
export const SEA_BANDS_KM = [10, 30, 75] as const;
/** The bands are a look, not a measurement: coarse outlines keep the file light. */
const SEA_TOLERANCE_DEG = 0.03;
const SEA_MAX_AREA_CHANGE = 0.02;
/** Islets below this get no band of their own, and band pieces below the next are dropped: specks. */
const SEA_MIN_LAND_KM2 = 1;
const SEA_MIN_PIECE_KM2 = 5;

type Area = GeoPolygon | GeoMultiPolygon;

function asFeature(geometry: Area): Feature<Area> {
  return { type: 'Feature', properties: {}, geometry };
}

function unionAll(areas: readonly Area[]): Area {
  const [first, ...rest] = areas;
  if (!first) throw new PipelineError('geo/kurils/sea.ts', 'sea', 'nothing to merge');
  if (rest.length === 0) return first;
  const merged = union({ type: 'FeatureCollection', features: areas.map(asFeature) });
  if (!merged) throw new PipelineError('geo/kurils/sea.ts', 'sea', 'union of buffers is empty');
  return merged.geometry;
}

export function sea(land: readonly LandFeature[], extent: BBox): Feature<Area, SeaProps>[] {
  // Buffer each polygon on its own: turf projects around the input's centre, so small inputs stay accurate.
  const polygons = land
    .flatMap((f) => polygonsOf(f.geometry))
    .filter((p) => areaKm2(p) >= SEA_MIN_LAND_KM2)
    // Coarse input keeps the buffers fast; the bands are simplified to the same tolerance anyway.
    .map((p) => simplifyPolygon(p, SEA_TOLERANCE_DEG, SEA_MAX_AREA_CHANGE, REGION_DECIMALS).polygon);
  const box: Area = { type: 'Polygon', coordinates: bboxPolygon(extent) };
  // Each reach (land plus everything within d km) is simplified once, then the bands are cut from the
  // simplified reaches: neighbouring bands share their boundary exactly, so no sliver opens between them.
  const reach = SEA_BANDS_KM.map((distance) => {
    const merged = unionAll(
      polygons.map((p) => {
        const b = buffer(asFeature({ type: 'Polygon', coordinates: p }), distance, { units: 'kilometers', steps: 4 });
        if (!b) throw new PipelineError('geo/kurils/sea.ts', `sea-band-${distance}`, 'buffer failed');
        return b.geometry;
      }),
    );
    return geometryOf(
      intersectPolygons(merged, box).map(
        (p) => simplifyPolygon(p, SEA_TOLERANCE_DEG, SEA_MAX_AREA_CHANGE, SEA_DECIMALS).polygon,
      ),
    );
  });
  const features: Feature<Area, SeaProps>[] = [];
  for (const [i, outer] of reach.entries()) {
    const inner = i === 0 ? null : reach[i - 1];
    const band = inner ? differencePolygons(outer, inner) : polygonsOf(outer);
    const clipped = band
      .flatMap((p) => {
        const [ring, ...holes] = p.map((r) => roundRing(r, SEA_DECIMALS));
        return ring ? [orientPolygon([ring, ...holes.filter((h): h is Position[] => h !== null)])] : [];
      })
      .filter((p) => areaKm2(p) >= SEA_MIN_PIECE_KM2);
    if (clipped.length === 0) continue;
    features.push({
      type: 'Feature',
      properties: {
        id: `sea-band-${i + 1}`,
        band: i + 1,
        from_km: i === 0 ? 0 : (SEA_BANDS_KM[i - 1] ?? 0),
        to_km: SEA_BANDS_KM[i] ?? 0,
        source:
          'Distance from the coast, drawn from land.geojson (© OpenStreetMap contributors) with @turf/buffer: a look, not bathymetry. Band 1 includes the land it surrounds; draw land above it.',
      },
      geometry: geometryOf(clipped),
    });
  }
  return features;
}
