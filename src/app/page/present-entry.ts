/**
 * Into and out of present mode, as the address shows it: `?present#step` while presenting, so a
 * reload resumes the presentation; the plain story at the same step after it.
 */
import { urlFor, viewFromUrl } from '../../shared/present/url.ts';

interface Page {
  location: Pick<Location, 'href'>;
  history: Pick<History, 'state' | 'replaceState'>;
}

/** Whether the page was opened as a presentation (an embed never is). */
export function opensPresenting(href: string, embedded: boolean): boolean {
  return !embedded && viewFromUrl(new URL(href)) === 'present';
}

export function enterPresentAddress(page: Page, stepId: string): void {
  page.history.replaceState(page.history.state, '', urlFor('present', stepId, new URL(page.location.href)));
}

/** Back to the story's address; out of full screen too, if the presentation had gone there. */
export function leavePresentAddress(
  page: Page,
  stepId: string,
  fullscreen: Pick<Document, 'fullscreenElement' | 'exitFullscreen'> | undefined = globalThis.document,
): void {
  if (fullscreen?.fullscreenElement) void fullscreen.exitFullscreen();
  page.history.replaceState(page.history.state, '', urlFor('story', stepId, new URL(page.location.href)));
}
