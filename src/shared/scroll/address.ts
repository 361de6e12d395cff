/**
 * The page's address as the reader follows the story: the step being read as its #fragment, so a
 * copied link opens there. Pure; the page applies the answer with `history.replaceState` (never
 * pushState: following the story must not fill the back button's history).
 */

export interface AddressNow {
  pathname: string;
  search: string;
  hash: string;
}

/**
 * The address for the step now active, or null when the address already says it. A reader still
 * in the intro has no step in the address (the browser would jump to it on load), unless presenting.
 */
export function addressForStep(
  stepId: string,
  now: AddressNow,
  { presenting, readingIntro }: { presenting: boolean; readingIntro: () => boolean },
): string | null {
  const page = now.pathname + now.search;
  const address = !presenting && readingIntro() ? page : `#${stepId}`;
  return address === (now.hash || page) ? null : address;
}

/**
 * The steps a reader is shown: all of them, or from an embed's chosen start on (an unknown start
 * shows them all).
 */
export function stepsFrom<T extends { id: string }>(steps: readonly T[], start: string | undefined): readonly T[] {
  const from = start === undefined ? -1 : steps.findIndex((s) => s.id === start);
  return from > 0 ? steps.slice(from) : steps;
}
