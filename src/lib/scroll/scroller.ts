/**
 * The one wrapper around scrollama. Scrollama reports enters and progress as the reader scrolls;
 * after every settled scroll and resize the active step is re-derived from the layout itself
 * (`activeIndexAt`), so a missed observer callback during a fling can never leave a stale step.
 */
import scrollama from 'scrollama';
import { activeIndexAt, progressWithin } from './active-step.ts';

export interface ScrollerOptions {
  steps: HTMLElement[];
  /** Trigger line as a fraction of the viewport height, from the top. */
  offset: number;
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

export function createScroller({ steps, offset, onStep, onProgress }: ScrollerOptions): Scroller {
  const instance = scrollama();
  const triggerLine = () => window.innerHeight * offset;

  const measure = () =>
    activeIndexAt(
      steps.map((el) => el.getBoundingClientRect().top),
      triggerLine(),
    );

  const settle = () => {
    const index = measure();
    const box = steps[index]?.getBoundingClientRect();
    onStep(index);
    if (box) onProgress(index, progressWithin(box.top, box.height, triggerLine()));
  };

  instance
    .setup({ step: steps, offset: offset as scrollama.DecimalType, progress: true })
    // An observer callback can arrive late, after the page has moved on (a Home key under load):
    // treat it as a cue to measure, never as the answer.
    .onStepEnter(() => onStep(measure()))
    .onStepProgress(({ index, progress }) => onProgress(index, progress));

  // `scrollend` fires once a fling, a keyboard jump or a scrollbar drag has come to rest. Where
  // it is missing (older Safari) or not sent, a pause in scroll events settles the step as well.
  let pause: ReturnType<typeof setTimeout> | undefined;
  const onScroll = () => {
    clearTimeout(pause);
    pause = setTimeout(settle, 150);
  };
  window.addEventListener('scrollend', settle, { passive: true });
  window.addEventListener('scroll', onScroll, { passive: true });

  return {
    resize() {
      instance.resize();
      settle();
    },
    measure,
    destroy() {
      clearTimeout(pause);
      window.removeEventListener('scrollend', settle);
      window.removeEventListener('scroll', onScroll);
      instance.destroy();
    },
  };
}
