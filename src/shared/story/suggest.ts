/** Did-you-mean for ids and keys: the nearest candidate by edit distance (≤ 2), prefix or last segment. */

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? Math.max(a.length, b.length);
}

const MAX_DISTANCE = 2;

export function suggest(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const hay = candidate.toLowerCase();
    const distance = levenshtein(needle, hay);
    // A prefix ("missiles" for "missiles-2016") or a last segment ("tokyo" for "place-tokyo") is a
    // good guess even when many letters are missing.
    const prefix =
      needle.length >= 3 && (hay.startsWith(needle) || needle.startsWith(hay) || hay.endsWith(`-${needle}`));
    const score = distance <= MAX_DISTANCE ? distance : prefix ? MAX_DISTANCE + 0.5 : Infinity;
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** ` — did you mean "x"?` or the empty string. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const guess = suggest(input, candidates);
  return guess === undefined ? '' : ` — did you mean "${guess}"?`;
}

/** `Summit Day` → `summit-day`, for the message about a badly cased id. */
export function toKebabCase(input: string): string {
  return input
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
