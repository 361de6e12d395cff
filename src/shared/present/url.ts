/**
 * Which view a URL asks for, and the URL of a view at a step. `?present` and `?speaker` are flags
 * (their value is ignored); the step is the hash, as in the scrolling story, so reload resumes.
 */
export type View = 'story' | 'present' | 'speaker';

const FLAGS = ['present', 'speaker'] as const;

export function viewFromUrl(url: URL): View {
  // The speaker window is opened from a presenting page, so it may carry both flags.
  if (url.searchParams.has('speaker')) return 'speaker';
  if (url.searchParams.has('present')) return 'present';
  return 'story';
}

/**
 * `base` with the view's flag in place of any other, the other query parameters kept as written
 * (embed options and the like), and `#<stepId>` (no hash when `stepId` is null).
 */
export function urlFor(view: View, stepId: string | null, base: URL): string {
  const url = new URL(base.href);
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((part) => part !== '' && !isFlag(part));
  if (view !== 'story') kept.push(view);
  url.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  url.hash = stepId === null ? '' : `#${encodeURIComponent(stepId)}`;
  return url.href;
}

/** The index of the step a hash names (`#summit`), or -1. */
export function indexFromHash(hash: string, steps: readonly { id: string }[]): number {
  let id: string;
  try {
    id = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return -1; // a malformed escape (`#%E0`) names no step
  }
  return steps.findIndex((step) => step.id === id);
}

function isFlag(part: string): boolean {
  const name = part.split('=', 1)[0]!;
  return (FLAGS as readonly string[]).includes(safeDecode(name));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
