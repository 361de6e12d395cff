/**
 * The reading aids derived from the story: the legend of a step (only what its map shows) and
 * the timeline rail (each year linked to the first step that shows it). Pure, so the prerendered
 * page and the live one agree.
 */
import { STORY_LAYERS, TIMELINE, type StoryLayerId } from '../map/layers.ts';
import type { Step } from './types.ts';

export interface LegendItem {
  id: StoryLayerId;
  label: string;
  /** Shown faded, for comparison with the step's main layers. */
  muted: boolean;
}

export function legendFor(step: Pick<Step, 'layers' | 'muted'>): LegendItem[] {
  return [
    ...step.layers.map((id) => ({ id, label: STORY_LAYERS[id].legend, muted: false })),
    ...step.muted.map((id) => ({ id, label: STORY_LAYERS[id].legend, muted: true })),
  ];
}

export interface TimelineYear {
  year: number;
  /** The first step that shows this year's layer, or undefined when the story never does. */
  stepId: string | undefined;
  /** Whether the given step's map shows this year. */
  shown: boolean;
}

export function timelineFor(steps: readonly Pick<Step, 'id' | 'layers' | 'muted'>[], current: Pick<Step, 'layers' | 'muted'>): TimelineYear[] {
  return TIMELINE.map(({ year, layer }) => ({
    year,
    stepId: steps.find((s) => s.layers.includes(layer))?.id ?? steps.find((s) => s.muted.includes(layer))?.id,
    shown: current.layers.includes(layer) || current.muted.includes(layer),
  }));
}
