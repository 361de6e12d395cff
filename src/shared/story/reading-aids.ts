/**
 * The reading aids derived from the story: the legend of a step (only what its map shows) and
 * the timeline rail (each year linked to the first step that shows it). Pure, so the prerendered
 * page and the live one agree.
 */
import { STORY_LAYERS, TIMELINE, type StoryLayerDefinition, type StoryLayerId } from './layers.ts';
import type { Step } from './types.ts';

export interface LegendItem {
  id: StoryLayerId;
  /** Unique within a legend: the layer id, or `<layer>-<part>` for one part of a layer. */
  key: string;
  /** The part of the layer, for a layer whose parts are drawn differently (the 1945 arms). */
  part?: string;
  label: string;
  /** Shown faded, for comparison with the step's main layers. */
  muted: boolean;
}

function itemsOf(id: StoryLayerId, muted: boolean): LegendItem[] {
  const layer: StoryLayerDefinition = STORY_LAYERS[id];
  if (!layer.parts) return [{ id, key: id, label: layer.legend, muted }];
  return layer.parts.map((p) => ({ id, key: `${id}-${p.key}`, part: p.key, label: p.legend, muted }));
}

export function legendFor(step: Pick<Step, 'layers' | 'muted'>): LegendItem[] {
  return [...step.layers.flatMap((id) => itemsOf(id, false)), ...step.muted.flatMap((id) => itemsOf(id, true))];
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
): TimelineYear[] {
  return TIMELINE.map(({ year, layer }) => ({
    year,
    stepId: steps.find((s) => s.layers.includes(layer))?.id ?? steps.find((s) => s.muted.includes(layer))?.id,
    shown: current.layers.includes(layer) || current.muted.includes(layer),
  }));
}
