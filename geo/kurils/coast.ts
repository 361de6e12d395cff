/**
 * coast.geojson: the coastline of the land the region box cut (`clipped`: Kamchatka, Honshu, the
 * mainland), as lines without the stretches along the box. Those stretches close the polygons but
 * are no coast: drawn as an outline they read as borders across Kamchatka and the mainland. The map
 * outlines the rest of the land from its polygons, and these pieces from here.
 */
import type { Feature, MultiLineString } from 'geojson';
import type { BBox } from './config.ts';
import { polygonsOf, type Position, roundPosition } from './geom.ts';
import type { LandFeature } from './islands.ts';
import type { CoastProps } from './schema.ts';

/** Lines are drawn, not measured: 4 decimals (≈ 10 m, a fraction of a pixel at the closest zoom) keep the file small. */
export const COAST_DECIMALS = 4;

type CoastFeature = Feature<MultiLineString, CoastProps>;

const EPSILON = 1e-9;

/** Whether the segment a–b runs along one of the box's edges. */
export function alongBox(a: readonly number[], b: readonly number[], [west, south, east, north]: BBox): boolean {
  const on = (value: number | undefined, edge: number) => value !== undefined && Math.abs(value - edge) < EPSILON;
  return (
    (on(a[0], west) && on(b[0], west)) ||
    (on(a[0], east) && on(b[0], east)) ||
    (on(a[1], south) && on(b[1], south)) ||
    (on(a[1], north) && on(b[1], north))
  );
}

/**
 * A closed ring split into the runs that do not lie along an edge of `box`. A run that reaches the
 * ring's closing point continues into the first run, so the coast has no break where the ring began.
 */
export function offBox<P extends readonly number[]>(ring: readonly P[], box: BBox): P[][] {
  const runs: P[][] = [];
  let run: P[] = [];
  for (const [i, point] of ring.entries()) {
    const previous = ring[i - 1];
    if (previous !== undefined && alongBox(previous, point, box)) {
      if (run.length > 1) runs.push(run);
      run = [];
    }
    run.push(point);
  }
  if (run.length > 1) runs.push(run);
  // The last run ends where the ring began: when the first run starts there too, they are one line.
  const [start, second] = ring;
  const [first] = runs;
  if (runs.length > 1 && run.length > 1 && first && start && second && !alongBox(start, second, box)) {
    runs.pop();
    runs[0] = [...run, ...first.slice(1)];
  }
  return runs;
}

/** Consecutive equal positions (after rounding) merged; lines left with one position dropped. */
function rounded(line: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of line) {
    const q = roundPosition(p, COAST_DECIMALS);
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== q[0] || prev[1] !== q[1]) out.push(q);
  }
  return out;
}

export function coast(land: readonly LandFeature[], box: BBox): CoastFeature[] {
  return land
    .filter((f) => f.properties.clipped === true)
    .map((f) => ({
      type: 'Feature' as const,
      properties: {
        id: `coast-${f.properties.id}`,
        of: f.properties.id,
        source: `${f.properties.source}; the region box's edges left out (geo/kurils/coast.ts)`,
      },
      geometry: {
        type: 'MultiLineString' as const,
        coordinates: polygonsOf(f.geometry)
          .flat()
          .flatMap((ring) => offBox(ring, box))
          .map(rounded)
          .filter((line) => line.length > 1),
      },
    }));
}
