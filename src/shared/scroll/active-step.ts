/**
 * Which step is active for a given scroll position: the last step whose top edge has passed the
 * trigger line. Pure, so the answer after any scroll (fast, slow, jumped) depends only on where the
 * page is, never on which observer callbacks happened to fire on the way.
 */
export function activeIndexAt(stepTops: readonly number[], triggerLine: number): number {
  let active = 0;
  stepTops.forEach((top, index) => {
    if (top <= triggerLine) active = index;
  });
  return active;
}

/** How far (0–1) the trigger line has travelled through a step of the given box. */
export function progressWithin(top: number, height: number, triggerLine: number): number {
  if (height <= 0) return 1;
  return Math.min(1, Math.max(0, (triggerLine - top) / height));
}

/** The page scroll that puts a step's top just past the trigger line, so it is the active one. */
export function scrollTopFor(stepPageTop: number, triggerLine: number): number {
  return Math.max(0, Math.ceil(stepPageTop - triggerLine + 2));
}
