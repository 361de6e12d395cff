/**
 * The host page's half of the iframe embed (built into the classic script embed-frame.js): for a
 * story whose element is `my-story`, every `<div data-my-story="https://…/my-story/?embed&theme=dark">`
 * becomes a pym.js iframe as tall as the story, told where the host page has scrolled to.
 */
import pym, { type Parent } from 'pym.js';
import type { FrameStory } from '../../shared/embed/frame-story.ts';

/** The iframe's title when the host page gives none (`data-title`). */
export const defaultTitle = (story: FrameStory): string => `Map story: ${story.title}`;

/**
 * pym's `xdomain`: a regular expression source that a message's origin must match (pym appends
 * `$`). Anchored and escaped, so `https://cdn.example.org` admits neither
 * `https://evil-cdn.example.org` nor `https://cdnXexample.org`.
 */
export function originPattern(origin: string): string {
  return `^${origin.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')}`;
}

/** The iframe URL for a `data-<element>` value, with the `embed` flag added if missing; null if unusable. */
export function frameUrl(value: string, base: string): URL | null {
  let url: URL;
  try {
    url = new URL(value.trim(), base);
  } catch {
    return null;
  }
  // Anything but http(s) (javascript:, data:) would run with the host page's rights, or nowhere.
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!url.searchParams.has('embed')) url.search = url.search.length > 1 ? `${url.search}&embed` : '?embed';
  return url;
}

/**
 * The tallest iframe the story may ask for, in CSS pixels: far above the story's own height on
 * the largest screen, far below the browser's limit (pym would pass on `1000000000` as is).
 */
export const MAX_FRAME_HEIGHT = 1_000_000;

/** A height message's pixels: a whole number from 1 to MAX_FRAME_HEIGHT; null for anything else. */
export function parseFrameHeight(message: string): number | null {
  if (!/^\d{1,7}$/.test(message)) return null;
  const height = Number(message);
  return height >= 1 && height <= MAX_FRAME_HEIGHT ? height : null;
}

/**
 * A scroll request's position inside the iframe (the story asks to show its document position
 * `y` at the top of the host's viewport), kept within the iframe's height; null if it is not a
 * whole number.
 */
export function parseChildPosition(message: string, frameHeight: number): number | null {
  if (!/^-?\d{1,9}$/.test(message)) return null;
  return Math.min(Math.max(Number(message), 0), Math.max(frameHeight, 0));
}

/** The parts of a pym Parent that `guardParent` takes over (a fake in the unit tests). */
export interface GuardedParent {
  iframe: Pick<HTMLIFrameElement, 'contentWindow' | 'setAttribute' | 'getBoundingClientRect' | 'offsetHeight'> | null;
  messageHandlers: Record<string, Array<(message: string) => void>>;
  _processMessage?: (event: MessageEvent) => void;
}

/**
 * Makes a pym Parent hear only its own iframe, and only sensible numbers from it. pym takes any
 * message whose origin matches, so another window of the story's origin (a second embed, a page
 * opened from the same CDN) could resize the iframe or scroll the host. Now: messages only from
 * this iframe's window; heights and scroll positions range-checked; no navigation of the host.
 */
export function guardParent(
  parent: GuardedParent,
  win: Pick<Window, 'addEventListener' | 'removeEventListener' | 'scrollTo' | 'scrollY'> = window,
): void {
  const process = parent._processMessage;
  if (process) {
    win.removeEventListener('message', process);
    win.addEventListener('message', (event: MessageEvent) => {
      const own = parent.iframe?.contentWindow;
      if (own && event.source === own) process(event);
    });
  }
  parent.messageHandlers.height = [
    (message) => {
      const height = parseFrameHeight(message);
      if (height !== null) parent.iframe?.setAttribute('height', `${height}px`);
    },
  ];
  parent.messageHandlers.scrollToChildPos = [
    (message) => {
      const iframe = parent.iframe;
      if (!iframe) return;
      const position = parseChildPosition(message, iframe.offsetHeight);
      if (position === null) return;
      win.scrollTo(0, iframe.getBoundingClientRect().top + win.scrollY + position);
    },
  ];
  // The story never navigates the host page: pym's navigateTo message has no use here.
  delete parent.messageHandlers.navigateTo;
}

/** Elements already warned about, so calling init again does not repeat the warning. */
const refused = new WeakSet<Element>();
let counter = 0;
function freshId(doc: Document, prefix: string): string {
  let id: string;
  do id = `${prefix}-${++counter}`;
  while (doc.getElementById(id));
  return id;
}

/** Turns each `[data-<element>]` under `root` (and `root` itself) not yet initialised into an embed. */
export function initEmbeds(story: FrameStory, root: ParentNode = document): Parent[] {
  const doc = root instanceof Document ? root : (root as Node).ownerDocument;
  if (!doc) return [];
  const attribute = `data-${story.element}`;
  const selector = `[${attribute}]`;
  const ready = `${attribute}-ready`;
  const elements = [
    ...(root instanceof Element && root.matches(selector) ? [root] : []),
    ...root.querySelectorAll(selector),
  ];
  const parents: Parent[] = [];
  for (const element of elements) {
    if (!(element instanceof HTMLElement) || element.hasAttribute(ready)) continue;
    const value = element.getAttribute(attribute) ?? '';
    const url = frameUrl(value, doc.baseURI);
    if (url === null) {
      if (refused.has(element)) continue;
      refused.add(element);
      console.warn(`${story.title} embed: ${attribute}=${JSON.stringify(value)} is not an http(s) URL of the story.`);
      continue;
    }
    // Marked first: a second copy of this script on the page leaves the element alone.
    element.setAttribute(ready, '');
    if (element.id === '') element.id = freshId(doc, story.element);
    const parent = new pym.Parent(element.id, url.href, {
      title: element.dataset.title ?? defaultTitle(story),
      // Only the story's own origin may talk to this iframe's parent.
      xdomain: originPattern(url.origin),
      // pym would otherwise put the host page's URL and title into the iframe's URL.
      optionalparams: false,
      // The story follows the host's scroll; 16 ms keeps the map in step at 60 frames a second.
      trackscroll: true,
      scrollwait: 16,
    });
    guardParent(parent);
    const iframe = parent.iframe;
    if (iframe) {
      // Not lazy: the story tracks the host's scroll from the start.
      iframe.setAttribute('allow', 'fullscreen');
      iframe.style.border = '0';
      iframe.style.display = 'block';
      iframe.style.width = '100%';
    }
    parents.push(parent);
  }
  return parents;
}

/**
 * Keeps each story told where it sits when the host page's layout moves without a scroll (an
 * advert or image loading above it, a late web font).
 */
export function followHostLayout(parents: () => readonly Parent[], doc: Document = document): () => void {
  let frame = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      for (const parent of parents()) if (parent.iframe?.isConnected) parent.sendViewportAndIFramePosition();
    });
  });
  observer.observe(doc.body);
  return () => {
    cancelAnimationFrame(frame);
    observer.disconnect();
  };
}
