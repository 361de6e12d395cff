/**
 * Calls `engaged` once, at the reader's first scroll, tap, pointer move or key: the live map
 * loads then. Listening starts with the page, so a reader who moves before the map component is
 * mounted (it mounts after the first frame) is not missed.
 */
const EVENTS = ['scroll', 'wheel', 'touchstart', 'pointerdown', 'pointermove', 'keydown'] as const;

export function onFirstEngagement(
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>,
  engaged: () => void,
): () => void {
  const stop = () => {
    for (const type of EVENTS) target.removeEventListener(type, once, { capture: true });
  };
  const once = () => {
    stop();
    engaged();
  };
  for (const type of EVENTS) target.addEventListener(type, once, { capture: true, passive: true });
  return stop;
}
