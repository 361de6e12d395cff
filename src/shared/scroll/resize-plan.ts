/**
 * What a settled burst of resize events (a window drag, a phone's rotation) does to the reader's
 * place: they stay on the step they were reading when the burst began, because the reflow moves
 * the page under the trigger line and would otherwise change the step. Pure; the page applies it.
 */

export interface ResizeFacts {
  presenting: boolean;
  /** In an iframe as tall as its content, which grows (and so resizes) with it. */
  framed: boolean;
  /** The step read when the burst began; -1 in the intro, above the first step. */
  readingBefore: number;
  modeChanged: boolean;
  /** The trigger line moved: the scroller must be set up again. */
  triggerChanged: boolean;
}

export type ResizePlan =
  /** Only the layout is measured again (present mode has no scroll). */
  | { kind: 'layout' }
  /** The scroller re-measures where the page now is. */
  | { kind: 'rescan'; restartScroller: boolean }
  /** The page scrolls back to the step being read. */
  | { kind: 'place'; index: number; restartScroller: boolean };

export function planResize(facts: ResizeFacts): ResizePlan {
  if (facts.presenting) return { kind: 'layout' };
  // An iframe grows with its content, which resizes its window: only a new width is a new layout.
  if (facts.framed && !facts.modeChanged) return { kind: 'rescan', restartScroller: false };
  // In the intro the reader simply stays where they are.
  if (facts.readingBefore < 0) return { kind: 'rescan', restartScroller: facts.triggerChanged };
  return { kind: 'place', index: facts.readingBefore, restartScroller: facts.triggerChanged };
}
