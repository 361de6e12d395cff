/** Turns a validated step into the complete map state the app applies: no defaults left to guess. */
import type { Bounds, CameraInput, KnownIds, ResolvedCamera, StoryDefaults } from './types.ts';

/** Union of boxes. Inputs must not cross the antimeridian (resolved bboxes never do). */
export function unionBounds(boxes: readonly Bounds[]): Bounds {
  const [first, ...rest] = boxes;
  if (first === undefined) throw new Error('unionBounds needs at least one box');
  return rest.reduce<Bounds>(
    (acc, [w, s, e, n]) => [Math.min(acc[0], w), Math.min(acc[1], s), Math.max(acc[2], e), Math.max(acc[3], n)],
    [...first],
  );
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
