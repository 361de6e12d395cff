/**
 * The one wrapper around scrollama. Scrollama reports enters and progress as the reader scrolls
 * the window; after every settled scroll and resize the active step is re-derived from the layout
 * itself (`activeIndexAt`), so a missed observer callback during a fling can never leave a stale
 * step. Inside an iframe as tall as its content the window never scrolls: the host page's scroll
 * arrives through the viewport (see viewport.ts) and every report settles the step.
 */
import scrollama from 'scrollama';
import { activeIndexAt, progressWithin } from '../../shared/scroll/active-step.ts';
import type { StoryViewport } from './viewport.ts';

export interface ScrollerOptions {
  steps: HTMLElement[];
  /** Trigger line as a fraction of the viewport height, from the top. */
  offset: number;
  viewport: StoryViewport;
  onStep: (index: number) => void;
  onProgress: (index: number, progress: number) => void;
}

export interface Scroller {
  /** Re-measures after a layout change and re-derives the active step. */
  resize(): void;
  /** The active step for the current scroll position. */
  measure(): number;
  destroy(): void;
}

export function createScroller({ steps, offset, viewport, onStep, onProgress }: ScrollerOptions): Scroller {
  const triggerLine = () => viewport.height() * offset;
  const topOf = (el: HTMLElement) => el.getBoundingClientRect().top - viewport.top();

  const measure = () => activeIndexAt(steps.map(topOf), triggerLine());

  const settle = () => {
    const index = measure();
    const step = steps[index];
    onStep(index);
    if (step) onProgress(index, progressWithin(topOf(step), step.getBoundingClientRect().height, triggerLine()));
  };

  const instance = viewport.isWindow ? scrollama() : undefined;
  instance
    ?.setup({ step: steps, offset: offset as scrollama.DecimalType, progress: true })
    // An observer callback can arrive late, after the page has moved on (a Home key under load):
    // treat it as a cue to measure, never as the answer.
    .onStepEnter(() => onStep(measure()))
    .onStepProgress(({ index, progress }) => onProgress(index, progress));

  const stopSettling = viewport.onSettle(settle);

  return {
    resize() {
      instance?.resize();
      settle();
    },
    measure,
    destroy() {
      stopSettling();
      instance?.destroy();
    },
  };
}
