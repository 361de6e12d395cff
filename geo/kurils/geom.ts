/** Small pure geometry helpers on plain coordinate arrays (lon, lat in degrees). */
import { area as turfArea } from '@turf/area';
import { centroid as turfCentroid } from '@turf/centroid';
import { difference } from '@turf/difference';
import { intersect } from '@turf/intersect';
import { kinks } from '@turf/kinks';
import { simplify as turfSimplify } from '@turf/simplify';
import { union } from '@turf/union';
import type {
  Feature,
  LineString as GeoLineString,
  MultiPolygon as GeoMultiPolygon,
  Polygon as GeoPolygon,
} from 'geojson';
import type { BBox } from './config.ts';

export type Position = [number, number];
export type Ring = Position[];
export type Polygon = Ring[];
export type MultiPolygon = Polygon[];

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

export function roundPosition([x, y]: readonly number[], decimals: number): Position {
  return [round(x ?? 0, decimals), round(y ?? 0, decimals)];
}

/** Rounds a line, dropping positions that rounding made equal to their neighbour. */
export function roundLine(line: readonly (readonly number[])[], decimals: number): Position[] {
  const out: Position[] = [];
  for (const p of line) {
    const q = roundPosition(p, decimals);
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

/** Rounds a closed ring; null when rounding collapses it below a triangle. */
export function roundRing(ring: readonly (readonly number[])[], decimals: number): Ring | null {
  const out = roundLine(ring, decimals);
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out.length >= 4 ? out : null;
}

/** Shoelace area in degree² (sign only matters): positive means counter-clockwise. */
export function ringSignedArea(ring: readonly (readonly number[])[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    sum += (xj - xi) * (yj + yi);
  }
  return sum / 2;
}

/** RFC 7946 right-hand rule: exterior counter-clockwise, holes clockwise. */
export function orientPolygon(polygon: Polygon): Polygon {
  return polygon.map((ring, i) => {
    const ccw = ringSignedArea(ring) > 0;
    return ccw === (i === 0) ? ring : [...ring].reverse();
  });
}

export function pointInRing([x, y]: readonly number[], ring: readonly (readonly number[])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > (y ?? 0) !== yj > (y ?? 0) && (x ?? 0) < ((xj - xi) * ((y ?? 0) - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function pointInPolygon(point: readonly number[], polygon: Polygon): boolean {
  const [outer, ...holes] = polygon;
  return !!outer && pointInRing(point, outer) && !holes.some((hole) => pointInRing(point, hole));
}

export function polygonsOf(geometry: GeoPolygon | GeoMultiPolygon): Polygon[] {
  return (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Polygon[];
}

export function geometryOf(polygons: Polygon[]): GeoPolygon | GeoMultiPolygon {
  const [only] = polygons;
  return polygons.length === 1 && only
    ? { type: 'Polygon', coordinates: only }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/** Geodesic area in km² (@turf/area). */
export function areaKm2(geometry: GeoPolygon | GeoMultiPolygon | Polygon): number {
  const g = Array.isArray(geometry) ? ({ type: 'Polygon', coordinates: geometry } as GeoPolygon) : geometry;
  return turfArea(g) / 1e6;
}

export function bboxPolygon([w, s, e, n]: BBox): Polygon {
  return [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ];
}

export function ringBBox(ring: readonly (readonly number[])[]): BBox {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const [x = 0, y = 0] of ring) {
    w = Math.min(w, x);
    e = Math.max(e, x);
    s = Math.min(s, y);
    n = Math.max(n, y);
  }
  return [w, s, e, n];
}

export function polygonBBox(polygon: Polygon): BBox {
  return ringBBox(polygon[0] ?? []);
}

function asFeature(geometry: GeoPolygon | GeoMultiPolygon): Feature<GeoPolygon | GeoMultiPolygon> {
  return { type: 'Feature', properties: {}, geometry };
}

/** Polygons of `a ∩ b` (polyclip via @turf/intersect), oriented; empty when they do not meet. */
export function intersectPolygons(a: GeoPolygon | GeoMultiPolygon, b: GeoPolygon | GeoMultiPolygon): Polygon[] {
  const result = intersect({ type: 'FeatureCollection', features: [asFeature(a), asFeature(b)] });
  return result ? polygonsOf(result.geometry).map(orientPolygon) : [];
}

/** Polygons of `a − b` (polyclip via @turf/difference), oriented; empty when nothing is left. */
export function differencePolygons(a: GeoPolygon | GeoMultiPolygon, b: GeoPolygon | GeoMultiPolygon): Polygon[] {
  const result = difference({ type: 'FeatureCollection', features: [asFeature(a), asFeature(b)] });
  return result ? polygonsOf(result.geometry).map(orientPolygon) : [];
}

/** Polygons of the union of all inputs (polyclip via @turf/union), oriented. */
export function unionPolygons(polygons: readonly Polygon[]): Polygon[] {
  if (polygons.length < 2) return polygons.map(orientPolygon);
  const result = union({
    type: 'FeatureCollection',
    features: polygons.map((p) => asFeature({ type: 'Polygon', coordinates: p })),
  });
  return result ? polygonsOf(result.geometry).map(orientPolygon) : [];
}

export function bboxesMeet(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

/**
 * Cuts a polygon to a bbox. Polygons inside are returned as they are (no clipper round trip, so the
 * islands keep their source vertices exactly); slivers the clipper leaves on the edge are dropped.
 */
export function clipPolygonToBBox(polygon: Polygon, bbox: BBox, minKm2: number): Polygon[] {
  const [w, s, e, n] = polygonBBox(polygon);
  if (w >= bbox[0] && e <= bbox[2] && s >= bbox[1] && n <= bbox[3]) return [orientPolygon(polygon)];
  if (e < bbox[0] || w > bbox[2] || n < bbox[1] || s > bbox[3]) return [];
  return intersectPolygons(
    { type: 'Polygon', coordinates: polygon },
    { type: 'Polygon', coordinates: bboxPolygon(bbox) },
  ).filter((p) => areaKm2(p) >= minKm2);
}

/**
 * Splits lines where they cross the edge of a bbox (Liang–Barsky per segment): the stretches inside
 * it and the stretches outside it. A stretch running along the edge counts as inside.
 */
export function splitLinesAtBBox(
  lines: readonly (readonly Position[])[],
  [w, s, e, n]: BBox,
): { inside: Position[][]; outside: Position[][] } {
  const inside: Position[][] = [];
  const outside: Position[][] = [];
  for (const line of lines) {
    let current: Position[] = [];
    let currentInside = false;
    const add = (from: Position, to: Position, isInside: boolean): void => {
      const last = current[current.length - 1];
      if (last && currentInside === isInside && last[0] === from[0] && last[1] === from[1]) {
        current.push(to);
        return;
      }
      if (current.length >= 2) (currentInside ? inside : outside).push(current);
      current = [from, to];
      currentInside = isInside;
    };
    for (let i = 0; i + 1 < line.length; i++) {
      const a = line[i];
      const b = line[i + 1];
      if (!a || !b) continue;
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      let t0 = 0;
      let t1 = 1;
      let meets = true;
      for (const [p, q] of [
        [-dx, a[0] - w],
        [dx, e - a[0]],
        [-dy, a[1] - s],
        [dy, n - a[1]],
      ] as const) {
        if (p === 0) {
          if (q < 0) meets = false;
        } else if (p < 0) t0 = Math.max(t0, q / p);
        else t1 = Math.min(t1, q / p);
      }
      if (!meets || t0 >= t1) {
        add(a, b, false);
        continue;
      }
      const at = (t: number): Position => (t === 0 ? a : t === 1 ? b : [a[0] + dx * t, a[1] + dy * t]);
      if (t0 > 0) add(a, at(t0), false);
      add(at(t0), at(t1), true);
      if (t1 < 1) add(at(t1), b, false);
    }
    if (current.length >= 2) (currentInside ? inside : outside).push(current);
  }
  return { inside, outside };
}

export function hasKinks(polygon: Polygon): boolean {
  return kinks({ type: 'Polygon', coordinates: polygon }).features.length > 0;
}

export interface SimplifiedPolygon {
  readonly polygon: Polygon;
  readonly toleranceDeg: number;
  readonly areaKm2: number;
  readonly sourceAreaKm2: number;
}

/** Vertices per stretch of coastline that gets its own tolerance. */
const STRETCH = 24;

function simplifyLine(line: Position[], tolerance: number): Position[] {
  if (tolerance === 0 || line.length <= 2) return line;
  return turfSimplify({ type: 'LineString', coordinates: line } as GeoLineString, { tolerance, highQuality: true })
    .coordinates as Position[];
}

function onSegment(p: readonly number[], a: Position, b: Position): boolean {
  const eps = 1e-9;
  const [px = 0, py = 0] = p;
  return (
    px >= Math.min(a[0], b[0]) - eps &&
    px <= Math.max(a[0], b[0]) + eps &&
    py >= Math.min(a[1], b[1]) - eps &&
    py <= Math.max(a[1], b[1]) + eps
  );
}

/**
 * Douglas–Peucker per stretch of a ring, so a self-intersection only costs detail where it happens:
 * stretches next to a kink get half the tolerance until the rounded ring is simple.
 */
function simplifyRing(ring: Ring, tolerance: number, decimals: number): Ring | null {
  const cuts: number[] = [];
  for (let i = 0; i < ring.length - 1; i += STRETCH) cuts.push(i);
  cuts.push(ring.length - 1);
  const tolerances = cuts.slice(1).map(() => tolerance);
  for (;;) {
    const positions: Position[] = [];
    const owners: number[] = [];
    for (let c = 0; c + 1 < cuts.length; c++) {
      const part = simplifyLine(ring.slice(cuts[c], (cuts[c + 1] ?? 0) + 1), tolerances[c] ?? 0);
      for (const p of c === 0 ? part : part.slice(1)) {
        positions.push(p);
        owners.push(c);
      }
    }
    const rounded = roundRing(positions, decimals);
    if (!rounded) return null;
    const crossings = kinks({ type: 'LineString', coordinates: rounded } as GeoLineString).features.filter(
      // A closed ring's first and last segment meet at the start: that is not a crossing.
      (k) => !(k.geometry.coordinates[0] === rounded[0]?.[0] && k.geometry.coordinates[1] === rounded[0]?.[1]),
    );
    if (crossings.length === 0) return rounded;
    let refined = false;
    for (const k of crossings) {
      for (let i = 0; i + 1 < positions.length; i++) {
        const a = positions[i];
        const b = positions[i + 1];
        const owner = owners[i + 1] ?? 0;
        if (
          a &&
          b &&
          onSegment(k.geometry.coordinates, roundPosition(a, decimals), roundPosition(b, decimals)) &&
          (tolerances[owner] ?? 0) > 0
        ) {
          const t = (tolerances[owner] ?? 0) / 2;
          tolerances[owner] = t < tolerance / 64 ? 0 : t;
          refined = true;
        }
      }
    }
    // Crossings that survive with every nearby stretch at zero come from rounding or the source.
    if (!refined) return null;
  }
}

/**
 * Simplifies a polygon at `tolerance` (halved for the whole polygon when its area drifts by more than
 * `maxChange`), rounds it, and keeps every ring free of self-intersections. Small islets need the
 * smaller tolerances: a uniform 0.01° inflates Habomai by 11% (facts.md).
 */
export function simplifyPolygon(
  polygon: Polygon,
  tolerance: number,
  maxChange: number,
  decimals: number,
): SimplifiedPolygon {
  const sourceAreaKm2 = areaKm2(polygon);
  for (let tol = tolerance; ; tol /= 2) {
    const t = tol < tolerance / 64 ? 0 : tol;
    const rings = polygon.map((ring) => simplifyRing(ring, t, decimals));
    const [outer, ...holes] = rings;
    if (outer) {
      const candidate = orientPolygon([outer, ...holes.filter((r): r is Ring => r !== null)]);
      const a = areaKm2(candidate);
      if (Math.abs(a / sourceAreaKm2 - 1) <= maxChange && !hasKinks(candidate)) {
        return { polygon: candidate, toleranceDeg: t, areaKm2: a, sourceAreaKm2 };
      }
    }
    if (t === 0)
      throw new Error(`cannot keep a polygon of ${sourceAreaKm2.toFixed(3)} km² simple at ${decimals} decimals`);
  }
}

/** A point inside the polygon for a label: its centroid when inside, else the middle of the widest
 *  span across the polygon at the centroid's latitude. */
export function labelPoint(polygon: Polygon, decimals: number): Position {
  const c = turfCentroid({ type: 'Polygon', coordinates: polygon } as GeoPolygon).geometry.coordinates;
  const [cx = 0, cy = 0] = c;
  if (pointInPolygon([cx, cy], polygon)) return roundPosition([cx, cy], decimals);
  const xs: number[] = [];
  for (const ring of polygon) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x1 = 0, y1 = 0] = ring[i] ?? [];
      const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
      if (y1 > cy !== y2 > cy) xs.push(x1 + ((cy - y1) * (x2 - x1)) / (y2 - y1));
    }
  }
  xs.sort((a, b) => a - b);
  let best: Position = [cx, cy];
  let width = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const a = xs[i] ?? 0;
    const b = xs[i + 1] ?? 0;
    if (b - a > width) {
      width = b - a;
      best = [(a + b) / 2, cy];
    }
  }
  return roundPosition(best, decimals);
}
