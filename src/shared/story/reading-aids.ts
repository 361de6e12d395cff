/**
 * The reading aids derived from the story: the legend of a step (only what its map shows) and
 * the timeline rail (each year linked to the first step that shows it). Pure, so the prerendered
 * page and the live one agree.
 */
import { storyLayer, timelineOf, type LayerRegistry, type Swatch } from './layers.ts';
import type { Step } from './types.ts';

export interface LegendItem {
  id: string;
  /** Unique within a legend: the layer id, or `<layer>-<part>` for one part of a layer. */
  key: string;
  /** The part of the layer, for a layer whose parts are drawn differently. */
  part?: string;
  label: string;
  /** Drawn like the map draws the layer (or the part). */
  swatch: Swatch;
  /** Shown faded, for comparison with the step's main layers. */
  muted: boolean;
}

function itemsOf(registry: LayerRegistry, id: string, muted: boolean): LegendItem[] {
  const layer = storyLayer(registry, id);
  if (layer === undefined) return [];
  if (!layer.parts) return [{ id, key: id, label: layer.legend, swatch: layer.swatch, muted }];
  return layer.parts.map((p) => ({ id, key: `${id}-${p.key}`, part: p.key, label: p.legend, swatch: p.swatch, muted }));
}

/** The legend of a step: its layers, then its muted ones, as the story's `registry` declares them. */
export function legendFor(step: Pick<Step, 'layers' | 'muted'>, registry: LayerRegistry): LegendItem[] {
  return [
    ...step.layers.flatMap((id) => itemsOf(registry, id, false)),
    ...step.muted.flatMap((id) => itemsOf(registry, id, true)),
  ];
}

export interface TimelineYear {
  year: number;
  /** The first step that shows this year's layer, or undefined when the story never does. */
  stepId: string | undefined;
  /** Whether the given step's map shows this year. */
  shown: boolean;
}

export function timelineFor(
  steps: readonly Pick<Step, 'id' | 'layers' | 'muted'>[],
  current: Pick<Step, 'layers' | 'muted'>,
  registry: LayerRegistry,
): TimelineYear[] {
  return timelineOf(registry).map(({ year, layer }) => ({
    year,
    stepId: steps.find((s) => s.layers.includes(layer))?.id ?? steps.find((s) => s.muted.includes(layer))?.id,
    shown: current.layers.includes(layer) || current.muted.includes(layer),
  }));
}
