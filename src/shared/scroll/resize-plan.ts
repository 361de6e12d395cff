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

/**
 * The step being read when a resize burst begins: -1 in the intro, and -1 too while the page does
 * not yet know where the reader is (before the scroller starts, a reader who scrolled at once is
 * not on the step the state still holds: placing it would throw them back), unless a deep link put
 * them on their step.
 */
export function readingAtBurstStart(facts: {
  following: boolean;
  jumpedTo: number | null;
  active: number;
  inIntro: () => boolean;
}): number {
  if (!facts.following && facts.jumpedTo !== facts.active) return -1;
  return facts.inIntro() ? -1 : facts.active;
}
