/**
 * Print shows every step's still map: before printing, the pictures lazy loading has not reached
 * yet are fetched at once.
 */
export function picturesEagerForPrint(
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>,
  root: Pick<ParentNode, 'querySelectorAll'>,
): () => void {
  const load = () => {
    for (const img of root.querySelectorAll<HTMLImageElement>('.static-map img')) img.loading = 'eager';
  };
  target.addEventListener('beforeprint', load);
  return () => target.removeEventListener('beforeprint', load);
}
