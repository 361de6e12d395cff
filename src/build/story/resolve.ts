/** Turns a validated step into the complete map state the app applies: no defaults left to guess. */
import type { Bounds, KnownIds, ResolvedCamera, StoryDefaults } from '../../shared/story/types.ts';
import type { CameraInput } from './schema.ts';

/**
 * The smallest box holding all `boxes`, going round the globe whichever way is shorter: Tokyo and
 * Washington frame the North Pacific, not Eurasia and the Atlantic. West < east always holds; east
 * goes past 180 when the box crosses the antimeridian.
 */
export function unionBounds(boxes: readonly Bounds[]): Bounds {
  if (boxes.length === 0) throw new Error('unionBounds needs at least one box');
  const south = Math.min(...boxes.map((b) => b[1]));
  const north = Math.max(...boxes.map((b) => b[3]));
  // The shortest span starts at some box's west edge: try each, shifting every box east of it.
  let best: [west: number, east: number] | undefined;
  for (const [start] of boxes) {
    const east = Math.max(...boxes.map(([w, , e]) => e + 360 * Math.ceil((start - w) / 360 - 1e-9)));
    if (best === undefined || east - start < best[1] - best[0] - 1e-9) best = [start, east];
  }
  const [west, east] = best!;
  const shift = west >= 180 ? -360 : west < -180 ? 360 : 0;
  return [west + shift, south, east + shift, north];
}

/** A bbox written west > east crosses the antimeridian; unwrap east so west < east always holds. */
export function unwrapBounds([west, south, east, north]: Bounds): Bounds {
  return [west, south, east < west ? east + 360 : east, north];
}

/** Call only after validation: every framed feature is known. */
export function resolveCamera(camera: CameraInput, defaults: StoryDefaults, known: KnownIds): ResolvedCamera {
  const bearing = camera.bearing ?? 0;
  const pitch = camera.pitch ?? 0;
  if ('center' in camera) {
    return { kind: 'center', center: [camera.center[0], camera.center[1]], zoom: camera.zoom, bearing, pitch };
  }
  const bounds =
    'bbox' in camera
      ? unwrapBounds(camera.bbox)
      : unionBounds(
          camera.frame.map((id) => {
            const feature = known.features.get(id);
            if (feature === undefined) throw new Error(`resolveCamera: unknown feature "${id}"`);
            return feature.bbox;
          }),
        );
  return {
    kind: 'bounds',
    bounds,
    padding: camera.padding ?? defaults.padding,
    maxZoom: camera.maxZoom ?? defaults.maxZoom,
    bearing,
    pitch,
  };
}
