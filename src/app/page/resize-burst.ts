/**
 * A burst of resize events (a window drag, a phone's rotation) as one: `began` is asked at its
 * first event, before the reflows that follow move the page, and `settled` gets that answer once
 * the events have stopped for `quietMs`.
 */
export function onResizeBurst<T>(
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>,
  began: () => T,
  settled: (atStart: T) => void,
  quietMs = 150,
): () => void {
  let atStart: { value: T } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onResize = () => {
    atStart ??= { value: began() };
    clearTimeout(timer);
    timer = setTimeout(() => {
      const { value } = atStart!;
      atStart = undefined;
      settled(value);
    }, quietMs);
  };
  target.addEventListener('resize', onResize);
  return () => {
    clearTimeout(timer);
    target.removeEventListener('resize', onResize);
  };
}
