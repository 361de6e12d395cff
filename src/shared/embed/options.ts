/** Options a newsroom can set on an embed (attributes of the story's element, e.g. <my-story>, or the iframe's URL). */
import * as v from 'valibot';
import type { NameMode } from '../map/style.ts';
import { suggest } from '../story/suggest.ts';
import { DEFAULT_EMBED_OPTIONS, type EmbedOptions } from './embed-options.ts';

// The options themselves live apart from their parsing, so the page's bundle never carries valibot.
export { DEFAULT_EMBED_OPTIONS, type EmbedOptions };

/** The attribute and URL parameter names, one per option. */
export const EMBED_OPTION_NAMES = [
  'start',
  'theme',
  'names',
  'intro',
  'credits',
  'preview',
  'top-offset',
  'offline',
] as const;
export type EmbedOptionName = (typeof EMBED_OPTION_NAMES)[number];

const THEMES = ['light', 'dark'] as const;
const NAME_MODES = ['both', 'en', 'ja', 'ru'] as const satisfies readonly NameMode[];
// A bare attribute (`<my-story preview>`) or parameter (`?preview`) is the empty string: on.
const ON = ['', 'true', 'yes', '1', 'show'] as const;
const OFF = ['false', 'no', '0', 'hide'] as const;

const word = <const T extends readonly [string, ...string[]]>(allowed: T) =>
  v.pipe(v.string(), v.trim(), v.toLowerCase(), v.picklist(allowed));

const Flag = v.pipe(
  word([...ON, ...OFF]),
  v.transform((value) => !(OFF as readonly string[]).includes(value)),
);

/** The tallest sticky header `top-offset` allows for, in CSS pixels. */
export const MAX_TOP_OFFSET = 300;
/** CSS pixels, with or without the unit: `60`, `52.5px`. */
const PIXELS = /^(\d{1,4}(?:\.\d{1,3})?)(?:px)?$/i;

/** `a, b or c` */
const listing = (words: readonly string[]) =>
  words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;

/** The value as written, quoted and cut short so a pasted paragraph does not flood the console. */
const shown = (raw: string) => JSON.stringify(raw.length > 60 ? `${raw.slice(0, 60)}…` : raw);

/**
 * Reads the options through `read` (an attribute or URL parameter by name; null when absent).
 * A value that is not allowed leaves that option at its default and adds a problem saying which
 * option, what was written and what is allowed; the caller warns with them.
 */
export function parseEmbedOptions(
  read: (name: EmbedOptionName) => string | null,
  stepIds: readonly string[],
): { options: EmbedOptions; problems: string[] } {
  const options: EmbedOptions = { ...DEFAULT_EMBED_OPTIONS };
  const problems: string[] = [];
  const reject = (name: EmbedOptionName, raw: string, allowed: string, fallback: string) =>
    problems.push(`Ignoring ${name}=${shown(raw)}: ${allowed}; ${fallback}.`);
  /** An empty value (a CMS template leaving the option blank) is the same as none. */
  const given = (name: EmbedOptionName) => {
    const raw = read(name);
    return raw === null || raw.trim() === '' ? null : raw;
  };

  const start = given('start');
  if (start !== null) {
    const id = start.trim();
    if (stepIds.includes(id)) options.start = id;
    else {
      const guess = suggest(id, stepIds);
      const hint = guess === undefined ? '' : ` (did you mean "${guess}"?)`;
      reject(
        'start',
        start,
        `no step has that id${hint}; the steps are ${listing(stepIds)}`,
        'starting at the first step',
      );
    }
  }

  const theme = given('theme');
  if (theme !== null) {
    const result = v.safeParse(word(THEMES), theme);
    if (result.success) options.theme = result.output;
    else reject('theme', theme, `use ${listing(THEMES)}`, `using ${DEFAULT_EMBED_OPTIONS.theme}`);
  }

  const names = given('names');
  if (names !== null) {
    const result = v.safeParse(word(NAME_MODES), names);
    if (result.success) options.names = result.output;
    else reject('names', names, `use ${listing(NAME_MODES)}`, "using the story's default");
  }

  for (const name of ['intro', 'credits', 'preview', 'offline'] as const) {
    const raw = read(name);
    if (raw === null) continue;
    const result = v.safeParse(Flag, raw);
    if (result.success) options[name] = result.output;
    else {
      const allowed = `use ${listing([...ON.slice(1), ...OFF])}, or the name alone for true`;
      reject(name, raw, allowed, `using ${DEFAULT_EMBED_OPTIONS[name]}`);
    }
  }

  const topOffset = given('top-offset');
  if (topOffset !== null) {
    const pixels = PIXELS.exec(topOffset.trim())?.[1];
    const value = pixels === undefined ? Number.NaN : Number(pixels);
    if (value <= MAX_TOP_OFFSET) options.topOffset = value;
    else reject('top-offset', topOffset, `use a number of CSS pixels from 0 to ${MAX_TOP_OFFSET}`, 'using 0');
  }

  return { options, problems };
}

/** The iframe page's options, from its own URL's query (`?embed&theme=dark&start=summit`). */
export function embedOptionsFromUrl(url: URL, stepIds: readonly string[]) {
  return parseEmbedOptions((name) => url.searchParams.get(name), stepIds);
}

/** The in-page element's options, from its attributes (`<my-story theme="dark" preview>`). */
export function embedOptionsFromElement(
  element: { getAttribute(name: string): string | null },
  stepIds: readonly string[],
) {
  return parseEmbedOptions((name) => element.getAttribute(name), stepIds);
}
