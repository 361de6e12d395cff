/**
 * Test-only window hook, compiled into the `--mode e2e` build alone (guarded by `__E2E__`), so the
 * end-to-end tests can read what the map really shows: layer visibility, opacity and camera.
 */
import type { LayerSpecification } from 'maplibre-gl';
import type { MapStep } from '../../shared/story/types.ts';
import type { MapLibreMap } from './create-map.ts';
import { cameraTarget } from '../../shared/map/camera.ts';
import { OPACITY_PROPERTIES } from '../../shared/map/state.ts';
import { META, metadataOf } from '../../shared/map/style.ts';

export interface MapReport {
  stepId: string;
  /** Story layers drawn, each with the ratio of its current to its full opacity (1 full, <1 muted). */
  layers: Record<string, number>;
  camera: { center: [number, number]; zoom: number; bearing: number; pitch: number };
  expected: { center: [number, number]; zoom: number; bearing: number; pitch: number };
  padding: { top: number; right: number; bottom: number; left: number };
  canvas: { width: number; height: number };
  moving: boolean;
}

declare global {
  interface Window {
    __storyMap?: {
      report(): MapReport;
      /** Resolves once the map has finished moving and drawing. */
      idle(): Promise<void>;
      project(lngLat: [number, number]): { x: number; y: number };
      highlighted(): string[];
      /** A layer's current filter, for checks of what a step reveals. */
      filter(layer: string): unknown;
      /** A layer's current paint value (a revealed line's gradient, say). */
      paint(layer: string, property: string): unknown;
      /** Ids of the land features drawn at a point of the map. */
      landAt(point: { x: number; y: number }): string[];
      /** The text of every place label drawn now, as the reader sees it. */
      renderedLabels(): string[];
      /**
       * Every name label drawn now: the feature it names (a place's own id, a name label's
       * `target`) and where its anchor point is on the canvas, in CSS px. With `box` (canvas CSS px,
       * `[[x0, y0], [x1, y1]]`), only the labels whose drawn text meets that box.
       */
      placedNames(
        box?: [[number, number], [number, number]],
      ): Array<{ names: string; text: string; x: number; y: number }>;
      /** The text drawn now along lines (`symbol-placement: line`), by the story layer that owns it. */
      lineLabels(): Record<string, string[]>;
    };
  }
}

/** A symbol's text as MapLibre evaluated it: a string, or a formatted value's sections. */
function textOf(layout: unknown): string {
  const field = (layout as Record<string, unknown> | undefined)?.['text-field'];
  if (typeof field === 'string') return field;
  const sections = (field as { sections?: Array<{ text: string }> } | undefined)?.sections ?? [];
  return sections.map((section) => section.text).join('');
}

function opacityRatio(map: MapLibreMap, spec: LayerSpecification): number {
  const prop = OPACITY_PROPERTIES[spec.type]?.[0];
  if (!prop) return 1;
  const base = (spec.paint as Record<string, unknown> | undefined)?.[prop];
  const now = map.getPaintProperty(spec.id, prop as never) as unknown;
  return typeof base === 'number' && typeof now === 'number' && base > 0 ? now / base : 1;
}

/** `layers`: the style's layers as built, before any step changed them (the full opacities). */
export function installTestHook(map: MapLibreMap, currentStep: () => MapStep, layers: LayerSpecification[]): void {
  const initial = new Map(layers.map((spec) => [spec.id, spec] as const));
  window.__storyMap = {
    report() {
      const layers: Record<string, number> = {};
      for (const spec of initial.values()) {
        const owner = metadataOf(spec)[META.layer];
        if (typeof owner !== 'string') continue;
        if (map.getLayoutProperty(spec.id, 'visibility') === 'none') continue;
        layers[owner] = Math.min(layers[owner] ?? 1, opacityRatio(map, spec));
      }
      const step = currentStep();
      const center = map.getCenter();
      const padding = map.getPadding();
      const expected = cameraTarget(step.camera, map);
      const canvas = map.getCanvas();
      return {
        stepId: step.id,
        layers,
        camera: {
          center: [center.lng, center.lat],
          zoom: map.getZoom(),
          bearing: map.getBearing(),
          pitch: map.getPitch(),
        },
        expected,
        padding: {
          top: padding.top ?? 0,
          right: padding.right ?? 0,
          bottom: padding.bottom ?? 0,
          left: padding.left ?? 0,
        },
        canvas: { width: canvas.clientWidth, height: canvas.clientHeight },
        moving: map.isMoving(),
      };
    },
    idle() {
      if (!map.isMoving() && map.loaded() && map.areTilesLoaded()) return Promise.resolve();
      return new Promise((resolve) => map.once('idle', () => resolve()));
    },
    project(lngLat) {
      const point = map.project(lngLat);
      return { x: point.x, y: point.y };
    },
    filter(layer) {
      return map.getFilter(layer);
    },
    paint(layer, property) {
      return map.getPaintProperty(layer, property as never) as unknown;
    },
    landAt({ x, y }) {
      return map.queryRenderedFeatures([x, y], { layers: ['land-fill'] }).map((f) => String(f.properties?.id));
    },
    renderedLabels() {
      return map
        .queryRenderedFeatures({ layers: ['labels-symbol', 'places-label'] })
        .map((feature) => textOf(feature.layer.layout));
    },
    placedNames(box) {
      const layers = { layers: ['labels-symbol', 'places-label'] };
      const features = box ? map.queryRenderedFeatures(box, layers) : map.queryRenderedFeatures(layers);
      return features.flatMap((feature) => {
        const properties = feature.properties ?? {};
        const names = String(properties['target'] ?? properties['id'] ?? '');
        const geometry = feature.geometry;
        if (geometry.type !== 'Point') return [];
        // The copy of the world the label is drawn in: the one nearest the centre (a frame across the Pacific).
        const [lng, lat] = geometry.coordinates as [number, number];
        const centre = map.getCenter().lng;
        const at = map.project([lng + 360 * Math.round((centre - lng) / 360), lat]);
        return [{ names, text: textOf(feature.layer.layout), x: at.x, y: at.y }];
      });
    },
    lineLabels() {
      const drawn: Record<string, string[]> = {};
      for (const spec of initial.values()) {
        const owner = metadataOf(spec)[META.layer];
        const placement = (spec.layout as Record<string, unknown> | undefined)?.['symbol-placement'];
        if (spec.type !== 'symbol' || placement !== 'line' || typeof owner !== 'string') continue;
        const texts = map.queryRenderedFeatures({ layers: [spec.id] }).map((feature) => textOf(feature.layer.layout));
        drawn[owner] = [...(drawn[owner] ?? []), ...texts.filter((text) => text !== '')];
      }
      return drawn;
    },
    highlighted() {
      // Every highlight line layer (one per dataset that can be highlighted) carries the same id list.
      const line = layers.find((spec) => spec.type === 'line' && metadataOf(spec)[META.highlight] === true);
      if (line === undefined) return [];
      const filter = map.getFilter(line.id) as unknown[] | undefined;
      const literal = (filter?.[2] as unknown[] | undefined)?.[1];
      return Array.isArray(literal) ? (literal as string[]) : [];
    },
  };
}
