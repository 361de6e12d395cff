/**
 * Camera targets and moves. Every camera change goes through `moveCamera`, one typed switch.
 */
import type { CameraForBoundsOptions, JumpToOptions, LngLatBoundsLike, PaddingOptions } from 'maplibre-gl';
import type { ResolvedCamera } from '../story/types.ts';
import { clampPadding } from '../layout.ts';

export interface CameraTarget {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export type MoveMode = 'jump' | 'ease' | 'fly';

/** The parts of MapLibre's Map the camera uses (checked against the real class in a contract test). */
export interface CameraHost {
  setPadding(padding: PaddingOptions): unknown;
  cameraForBounds(bounds: LngLatBoundsLike, options?: CameraForBoundsOptions): JumpToOptions | undefined;
  jumpTo(options: JumpToOptions): unknown;
  easeTo(options: JumpToOptions & { duration?: number; essential?: boolean }): unknown;
  flyTo(options: JumpToOptions & { duration?: number; essential?: boolean; maxDuration?: number }): unknown;
  getZoom(): number;
  getCenter(): { lng: number; lat: number };
  getPadding(): PaddingOptions;
  /** The canvas, whose CSS size MapLibre sets to the size it fits the camera into. */
  getCanvas(): { clientWidth: number; clientHeight: number };
}

/**
 * Where the camera goes for a step. The host map's own padding (the text card's share of the
 * screen, set before this is called) already shrinks the area MapLibre fits bounds into, and the
 * centre it returns is the centre of that unpadded area; the step's padding is added around the box,
 * shrunk where the map's padding leaves too little room for it.
 */
export function cameraTarget(camera: ResolvedCamera, host: CameraHost): CameraTarget {
  switch (camera.kind) {
    case 'center':
      return { center: camera.center, zoom: camera.zoom, bearing: camera.bearing, pitch: camera.pitch };
    case 'bounds': {
      const [west, south, east, north] = camera.bounds;
      const held = host.getPadding();
      const canvas = host.getCanvas();
      const room = {
        width: canvas.clientWidth - (held.left ?? 0) - (held.right ?? 0),
        height: canvas.clientHeight - (held.top ?? 0) - (held.bottom ?? 0),
      };
      const p = camera.padding;
      const fit = host.cameraForBounds(
        [
          [west, south],
          [east, north],
        ],
        {
          padding: clampPadding({ top: p, right: p, bottom: p, left: p }, room),
          maxZoom: camera.maxZoom,
          bearing: camera.bearing,
        },
      );
      const center = fit?.center as { lng: number; lat: number } | [number, number] | undefined;
      const lngLat: [number, number] = Array.isArray(center)
        ? center
        : center
          ? [center.lng, center.lat]
          : [(west + east) / 2, (south + north) / 2];
      return { center: lngLat, zoom: fit?.zoom ?? camera.maxZoom, bearing: camera.bearing, pitch: camera.pitch };
    }
  }
}

/** Jump when motion is off or the move must be instant; fly for long moves; ease for short ones. */
export function chooseMoveMode(opts: {
  motion: boolean;
  instant: boolean;
  from: { center: [number, number]; zoom: number };
  to: CameraTarget;
}): MoveMode {
  if (!opts.motion || opts.instant) return 'jump';
  const zoomChange = Math.abs(opts.from.zoom - opts.to.zoom);
  const degrees = Math.hypot(opts.from.center[0] - opts.to.center[0], opts.from.center[1] - opts.to.center[1]);
  return zoomChange > 1.5 || degrees > 8 ? 'fly' : 'ease';
}

export const MOVE_MS = { ease: 1200, fly: 2400 } as const;

export function moveCamera(host: CameraHost, target: CameraTarget, mode: MoveMode, padding: PaddingOptions): void {
  // The padding keeps the step's subject out from under the text card: MapLibre centres the
  // target in the unpadded part of the screen, and reports that point as the centre.
  const options: JumpToOptions = { ...target, padding };
  switch (mode) {
    case 'jump':
      host.jumpTo(options);
      return;
    case 'ease':
      host.easeTo({ ...options, duration: MOVE_MS.ease, essential: false });
      return;
    case 'fly':
      host.flyTo({ ...options, duration: MOVE_MS.fly, essential: false });
      return;
  }
}
