/**
 * A step's complete map style state, and the pure diff between two states.
 *
 * The state is a function of (step, reader settings) alone, never of the previous step, so any
 * route to a step (scrolling, jumping, deep link) ends with the same picture. The diff only saves
 * work: applying `diffStyleState(null, s)` or a chain of diffs ending at `s` gives the same map.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { META, labelText, metadataOf, revealGradient, type NameMode } from './style.ts';

/** How much of its own opacity a muted story layer keeps. */
export const MUTED_FACTOR = 0.3;

export interface StepLayers {
  layers: readonly string[];
  muted: readonly string[];
  highlight: readonly string[];
  /** Feature ids the camera frames; named like the highlighted ones. */
  framed?: readonly string[];
}

/**
 * The sort key of a name label: 0 for a label of one of the step's subjects (a place by its own id,
 * an island or country name by its `target`), else its rank (1 most important) or 9.
 */
export function subjectSortKey(subjects: readonly string[]): ExpressionSpecification {
  const listed = ['literal', [...new Set(subjects)].sort()] as ExpressionSpecification;
  return [
    'case',
    ['any', ['in', ['coalesce', ['get', 'target'], ''], listed], ['in', ['coalesce', ['get', 'id'], ''], listed]],
    0,
    ['coalesce', ['get', 'rank'], 9],
  ];
}

/**
 * Which features of a `subjects_only` layer a step marks: on a step about some of them, only those,
 * so a town beside a subject (Nagato and Beijing near Tokyo at world scale) does not take the room
 * of its country's name; otherwise every feature the layer's own filter lets through.
 */
export function subjectsOnlyFilter(
  subjects: readonly string[],
  own: readonly string[],
  base: FilterSpecification | undefined,
): FilterSpecification {
  const shown = subjects.filter((id) => own.includes(id));
  if (shown.length > 0) return ['in', ['get', 'id'], ['literal', [...shown].sort()]];
  return base ?? ['boolean', true];
}

export interface ReaderSettings {
  names: NameMode;
  /** Duration of opacity changes; 0 under reduced motion. */
  fadeMs: number;
}

/** How far a revealed layer is drawn: the reader's progress through the step. */
export interface Reveal {
  layer: string;
  /** 0–1: the reader's progress, which a line maps to its own pace (its `story:reveal-keys`). */
  fraction: number;
}

export interface LayerState {
  visible: boolean;
  /** Paint property → value, for the opacity properties the layer has. */
  opacity: Record<string, number>;
  filter?: FilterSpecification;
  textField?: ExpressionSpecification;
  /** Name labels: the step's subjects are placed first, so no lesser name takes their room. */
  sortKey?: ExpressionSpecification;
  gradient?: ExpressionSpecification;
}

export interface StyleState {
  fadeMs: number;
  layers: Record<string, LayerState>;
}

export type StyleOp =
  | { kind: 'visibility'; layer: string; visible: boolean }
  | { kind: 'paint'; layer: string; property: string; value: unknown }
  | { kind: 'filter'; layer: string; filter: FilterSpecification }
  | { kind: 'layout'; layer: string; property: string; value: unknown };

/** The paint properties that carry a layer type's opacity (all of them fade together). */
export const OPACITY_PROPERTIES: Partial<Record<LayerSpecification['type'], string[]>> = {
  fill: ['fill-opacity'],
  line: ['line-opacity'],
  circle: ['circle-opacity', 'circle-stroke-opacity'],
  symbol: ['text-opacity'],
};

function storyLayerOf(spec: LayerSpecification): string | undefined {
  const owner = metadataOf(spec)[META.layer];
  return typeof owner === 'string' ? owner : undefined;
}

function isHighlightLayer(spec: LayerSpecification): boolean {
  return metadataOf(spec)[META.highlight] === true;
}

function baseOpacity(spec: LayerSpecification, property: string): number {
  const value = (spec.paint as Record<string, unknown> | undefined)?.[property];
  return typeof value === 'number' ? value : 1;
}

/** The layers a step controls: story layers, highlight outlines and name labels. Other basemap layers are fixed. */
export function controlledLayers(specs: readonly LayerSpecification[]): LayerSpecification[] {
  return specs.filter(
    (spec) => storyLayerOf(spec) !== undefined || isHighlightLayer(spec) || metadataOf(spec)[META.names] === true,
  );
}

function revealKind(spec: LayerSpecification): 'line' | 'points' | undefined {
  const kind = metadataOf(spec)[META.reveal];
  return kind === 'line' || kind === 'points' ? kind : undefined;
}

function revealKeys(spec: LayerSpecification): readonly (readonly number[])[] | undefined {
  const keys = metadataOf(spec)[META.revealKeys];
  return Array.isArray(keys) ? (keys as number[][]) : undefined;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * The share of a line drawn at `progress`, interpolated between its keys; the last key for a
 * progress wins, so two landings on one date are both reached at it. Without keys, the progress itself.
 */
export function drawnShare(progress: number, keys: readonly (readonly number[])[] | undefined): number {
  if (!keys || keys.length === 0) return progress;
  let drawn = 0;
  for (const [i, [at = 0, share = 0]] of keys.entries()) {
    if (progress >= at) {
      drawn = share;
      continue;
    }
    const [prevAt = at, prevShare = share] = keys[i - 1] ?? [];
    if (at > prevAt) drawn = prevShare + ((share - prevShare) * (progress - prevAt)) / (at - prevAt);
    break;
  }
  return Math.round(drawn * 1000) / 1000;
}

/** Rounded to 1%, so scrolling through a step changes the map at most a hundred times. */
function revealedShare(owner: string, reveal: Reveal | null): number {
  return reveal && reveal.layer === owner ? Math.round(Math.min(1, Math.max(0, reveal.fraction)) * 100) / 100 : 1;
}

export function styleStateFor(
  step: StepLayers,
  reader: ReaderSettings,
  specs: readonly LayerSpecification[],
  reveal: Reveal | null = null,
): StyleState {
  const layers: Record<string, LayerState> = {};
  const highlightFilter: FilterSpecification = ['in', ['get', 'id'], ['literal', [...step.highlight].sort()]];
  for (const spec of specs) {
    const owner = storyLayerOf(spec);
    if (owner) {
      const muted = step.muted.includes(owner);
      const visible = muted || step.layers.includes(owner);
      const factor = muted ? MUTED_FACTOR : 1;
      const opacity = Object.fromEntries(
        (OPACITY_PROPERTIES[spec.type] ?? []).map((p) => [p, round(baseOpacity(spec, p) * factor)]),
      );
      const share = revealedShare(owner, reveal);
      const kind = revealKind(spec);
      const entry: LayerState = { visible, opacity };
      if (kind === 'line') {
        const colour = String(metadataOf(spec)[META.revealColor]);
        entry.gradient = revealGradient(share >= 1 ? 1 : drawnShare(share, revealKeys(spec)), colour);
      }
      if (kind === 'points') {
        // Each point appears once the reader reaches its `reveal_at` (its date, where the data has dates).
        const reached: ExpressionSpecification = ['<=', ['coalesce', ['get', 'reveal_at'], 0], share];
        const own = 'filter' in spec ? spec.filter : undefined;
        // Story filters are written as expressions (story/FORMAT.md), not in the legacy filter syntax.
        entry.filter = own === undefined ? reached : ['all', own as ExpressionSpecification, reached];
      }
      layers[spec.id] = entry;
    } else if (isHighlightLayer(spec)) {
      // A circle layer would ring every vertex of a line or polygon: circles are for points only.
      const filter: FilterSpecification =
        spec.type === 'circle' ? ['all', ['==', ['geometry-type'], 'Point'], highlightFilter] : highlightFilter;
      layers[spec.id] = { visible: step.highlight.length > 0, opacity: {}, filter };
    }
  }
  const subjects = [...new Set([...step.highlight, ...(step.framed ?? [])])].sort();
  const sortKey = subjectSortKey(subjects);
  for (const spec of specs) {
    const metadata = metadataOf(spec);
    if (metadata[META.names] === true) {
      const entry = layers[spec.id] ?? { visible: true, opacity: {} };
      layers[spec.id] = { ...entry, textField: labelText(reader.names), sortKey };
    }
    const entry = layers[spec.id];
    if (entry && metadata[META.subjects] !== undefined) {
      entry.filter = subjectsOnlyFilter(
        subjects,
        stringList(metadata[META.subjects]),
        'filter' in spec ? spec.filter : undefined,
      );
    }
  }
  return { fadeMs: reader.fadeMs, layers };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The operations that turn `prev` into `next`; with `prev` null, every operation `next` needs. */
export function diffStyleState(prev: StyleState | null, next: StyleState): StyleOp[] {
  const ops: StyleOp[] = [];
  const fadeChanged = prev?.fadeMs !== next.fadeMs;
  for (const [layer, want] of Object.entries(next.layers)) {
    const had = prev?.layers[layer];
    if (had?.visible !== want.visible) ops.push({ kind: 'visibility', layer, visible: want.visible });
    for (const [property, value] of Object.entries(want.opacity)) {
      if (fadeChanged) {
        ops.push({
          kind: 'paint',
          layer,
          property: `${property}-transition`,
          value: { duration: next.fadeMs, delay: 0 },
        });
      }
      if (had?.opacity[property] !== value) ops.push({ kind: 'paint', layer, property, value });
    }
    if (want.filter && !same(had?.filter, want.filter)) ops.push({ kind: 'filter', layer, filter: want.filter });
    if (want.gradient && !same(had?.gradient, want.gradient)) {
      ops.push({ kind: 'paint', layer, property: 'line-gradient', value: want.gradient });
    }
    if (want.textField && !same(had?.textField, want.textField)) {
      ops.push({ kind: 'layout', layer, property: 'text-field', value: want.textField });
    }
    if (want.sortKey && !same(had?.sortKey, want.sortKey)) {
      ops.push({ kind: 'layout', layer, property: 'symbol-sort-key', value: want.sortKey });
    }
  }
  return ops;
}
