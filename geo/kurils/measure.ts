/** Distances between land features, geodesic (turf), for the distance lines and the 1875 strait. */
import { distance } from '@turf/distance';
import { nearestPointOnLine } from '@turf/nearest-point-on-line';
import type { LineString } from 'geojson';
import type { Polygon, Position } from './geom.ts';

export interface NearestPair {
  readonly from: Position;
  readonly to: Position;
  readonly km: number;
}

function outline(polygon: Polygon): LineString {
  return { type: 'LineString', coordinates: polygon[0] ?? [] };
}

function near(
  [x = 0, y = 0]: readonly number[],
  [w, s, e, n]: readonly [number, number, number, number],
  margin: number,
): boolean {
  return x >= w - margin && x <= e + margin && y >= s - margin && y <= n + margin;
}

function bboxOf(polygons: readonly Polygon[]): [number, number, number, number] {
  const xs = polygons.flatMap((p) => (p[0] ?? []).map((q) => q[0]));
  const ys = polygons.flatMap((p) => (p[0] ?? []).map((q) => q[1]));
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Nearest point on the coast of `polygons` to `point`. */
export function nearestOnCoast(point: Position, polygons: readonly Polygon[]): NearestPair {
  let best: NearestPair | undefined;
  for (const polygon of polygons) {
    const hit = nearestPointOnLine(outline(polygon), point, { units: 'kilometers' });
    const to = hit.geometry.coordinates as Position;
    const km = hit.properties.pointDistance;
    if (!best || km < best.km) best = { from: point, to: [to[0], to[1]], km };
  }
  if (!best) throw new Error('no coast to measure to');
  return best;
}

/**
 * Closest pair of points between two coasts: every vertex of each against the other's outline (the
 * closest pair always has a vertex at one end). Vertices far outside the other's bbox are skipped.
 */
export function nearestBetween(a: readonly Polygon[], b: readonly Polygon[], marginDeg = 1): NearestPair {
  let best: NearestPair | undefined;
  const consider = (pair: NearestPair): void => {
    if (!best || pair.km < best.km) best = pair;
  };
  const boxA = bboxOf(a);
  const boxB = bboxOf(b);
  for (const polygon of a)
    for (const p of polygon[0] ?? []) if (near(p, boxB, marginDeg)) consider(nearestOnCoast(p, b));
  for (const polygon of b) {
    for (const p of polygon[0] ?? []) {
      if (!near(p, boxA, marginDeg)) continue;
      const hit = nearestOnCoast(p, a);
      consider({ from: hit.to, to: p, km: hit.km });
    }
  }
  if (!best) throw new Error('coasts are too far apart to measure');
  return best;
}

export function km(a: Position, b: Position): number {
  return distance(a, b, { units: 'kilometers' });
}
