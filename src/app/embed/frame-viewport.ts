/**
 * The story inside an iframe on a news site. The iframe is as tall as the story and never scrolls;
 * the host page does. pym.js carries the host's scroll to us ('viewport-iframe-position': the host
 * viewport's size and the iframe's rectangle in it) and our height and scroll requests back.
 */
import pym, { type Child } from 'pym.js';
import type { StoryViewport } from '../scroll/viewport.ts';

/** The part of `pym.Child` the viewport uses (a fake in the unit tests). */
export interface PymChildLike {
  onMessage(messageType: string, callback: (message: string) => void): void;
  getParentPositionInfo(): void;
  scrollParentToChildPos(position: number): void;
}

/** The host's viewport size and the iframe's rectangle in it, in the host's CSS pixels. */
export interface HostPosition {
  viewportWidth: number;
  viewportHeight: number;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * The largest host viewport side believed, in CSS pixels (an 8K screen is 4320 by 7680). The
 * story's layout scales with the host's height (its steps, its pinned map): a larger number from
 * a hostile or broken host page would make the iframe and the map's canvas absurdly large.
 */
export const MAX_VIEWPORT_SIDE = 8192;
/** The farthest the iframe's edges are believed to lie from the host's viewport, in CSS pixels. */
export const MAX_FRAME_OFFSET = 10_000_000;

/**
 * Parses pym's `"vw vh top left bottom right"`; null for anything else: not six plain numbers,
 * a viewport side outside 1..MAX_VIEWPORT_SIDE, an edge farther than MAX_FRAME_OFFSET, or a
 * rectangle turned inside out. A refused message changes nothing.
 */
export function parseHostPosition(message: string): HostPosition | null {
  // A long string is no position: refused before any work proportional to it.
  if (message.length > 200) return null;
  const parts = message.trim().split(/\s+/);
  if (parts.length !== 6 || !parts.every((part) => NUMBER.test(part))) return null;
  const [viewportWidth, viewportHeight, top, left, bottom, right] = parts.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const side = (value: number) => value >= 1 && value <= MAX_VIEWPORT_SIDE;
  const edge = (value: number) => Math.abs(value) <= MAX_FRAME_OFFSET;
  if (!side(viewportWidth) || !side(viewportHeight) || ![top, left, bottom, right].every(edge)) return null;
  if (bottom < top || right < left) return null;
  return { viewportWidth, viewportHeight, top, left, bottom, right };
}

/**
 * The host's viewport seen from inside the iframe. `top()` is where the host's visible area starts
 * in the iframe's coordinates: -iframeTop, unclamped (negative while the iframe is still below the
 * host's top edge), so step positions stay a linear function of the host's scroll. `topOffset`
 * is the host's sticky header (the `top-offset` option): the visible area starts below it.
 */
export function frameViewport(child: PymChildLike, topOffset = 0): StoryViewport {
  let host: HostPosition | null = null;
  const listeners = new Set<() => void>();
  child.onMessage('viewport-iframe-position', (message) => {
    const next = parseHostPosition(message);
    if (next === null) return;
    host = next;
    for (const settled of [...listeners]) settled();
  });
  child.getParentPositionInfo();
  return {
    isWindow: false,
    // Until the host answers, the iframe's own window is the best guess.
    height: () => Math.max((host?.viewportHeight ?? window.innerHeight) - topOffset, 1),
    top: () => (host === null ? 0 : -host.top) + topOffset,
    // The parent adds the iframe's document position and reads the number with parseInt.
    scrollToDocumentY: (y) => child.scrollParentToChildPos(Math.round(y - topOffset)),
    documentTopOf: (element) => element.getBoundingClientRect().top + window.scrollY,
    // pym throttles the host's scroll messages (scrollwait), so each one is a resting point.
    onSettle(settled) {
      listeners.add(settled);
      return () => listeners.delete(settled);
    },
  };
}

/** True inside an iframe (the story opened at its `?embed` URL directly is not). */
export function isFramed(win: Window = window): boolean {
  try {
    return win.self !== win.top;
  } catch {
    return true; // a cross-origin top refuses even the comparison in some browsers
  }
}

/**
 * Starts the pym.js child for the iframe page: the host learns our height at once and whenever the
 * page's size changes, and we learn the host's scroll. Messages are taken only from the parent
 * window (pym itself would accept its format from any frame on the host page).
 */
export function startFrameChild(topOffset = 0): { child: Child; viewport: StoryViewport; stop(): void } {
  // The constructor sends the first height; polling 0 means no timer after that: the
  // ResizeObserver below sends the height whenever it changes.
  const child = new pym.Child({ polling: 0 });
  const process = child._processMessage;
  const fromParent = (event: MessageEvent) => {
    if (event.source === window.parent) process?.(event);
  };
  if (process) {
    window.removeEventListener('message', process);
    window.addEventListener('message', fromParent);
  }
  const viewport = frameViewport(child, topOffset);
  // pym measures the body; the root element is watched too in case the body has a fixed height.
  const observer = new ResizeObserver(() => child.sendHeight());
  observer.observe(document.documentElement);
  observer.observe(document.body);
  return {
    child,
    viewport,
    stop() {
      observer.disconnect();
      window.removeEventListener('message', fromParent);
      child.remove();
    },
  };
}
