/**
 * The reader's visible area, wherever the story lives: the window for the page and the in-page
 * element, or the host page's window as reported by pym.js messages for an iframe that is as tall
 * as its content (the iframe itself never scrolls).
 */
export interface StoryViewport {
  /** Height of the visible area, in CSS pixels. */
  height(): number;
  /** Top of the visible area in this document's viewport coordinates (0 for the window, below any host header). */
  top(): number;
  /** Scrolls (the host page, for an iframe) so that document position `y` is at the visible top. */
  scrollToDocumentY(y: number): void;
  /** Position of an element's top edge in document coordinates. */
  documentTopOf(element: Element): number;
  /** Calls `settled` once the visible area comes to rest after moving or resizing. */
  onSettle(settled: () => void): () => void;
  /** True when this viewport is the window itself (scrollama can watch it). */
  readonly isWindow: boolean;
}

/**
 * The browser window: the page scrolls itself. `topOffset` is a host page's sticky header (the
 * `top-offset` embed option): the visible area starts below it.
 */
export function windowViewport(topOffset = 0): StoryViewport {
  return {
    isWindow: true,
    height: () => Math.max(window.innerHeight - topOffset, 1),
    top: () => topOffset,
    scrollToDocumentY: (y) => window.scrollTo({ top: Math.max(0, y - topOffset), behavior: 'instant' }),
    documentTopOf: (element) => element.getBoundingClientRect().top + window.scrollY,
    onSettle(settled) {
      // `scrollend` fires once a fling, a keyboard jump or a scrollbar drag has come to rest. Where
      // it is missing (older Safari) or not sent, a pause in scroll events settles as well.
      let pause: ReturnType<typeof setTimeout> | undefined;
      const onScroll = () => {
        clearTimeout(pause);
        pause = setTimeout(settled, 150);
      };
      window.addEventListener('scrollend', settled, { passive: true });
      window.addEventListener('scroll', onScroll, { passive: true });
      return () => {
        clearTimeout(pause);
        window.removeEventListener('scrollend', settled);
        window.removeEventListener('scroll', onScroll);
      };
    },
  };
}
