/**
 * The story's input schemas (valibot). Messages are written for the author: they name the value
 * found and what is allowed. Cross-references (layer and feature ids, duplicate ids, visibility) need
 * the whole story, its layers and the geodata, so they live in validate.ts.
 */
import * as v from 'valibot';
import { findRawHtml, rawHtmlMessage } from './markdown.ts';
import { didYouMean, toKebabCase } from '../../shared/story/suggest.ts';

export const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const NAME_LANGUAGES = ['en', 'ja', 'ru', 'both'] as const;

/**
 * Size limits, in characters (the whole file in bytes), stated in every error and in FORMAT.md. Each
 * leaves ample room over the first story (longest step text 467, alt 338, notes 236, citation 31, title 38,
 * dek 110, credit 80; the file 14 KB) while keeping the page, which carries all of it, light.
 */
export const STORY_LIMITS = {
  fileBytes: 262_144,
  text: 4000,
  alt: 400,
  notes: 2000,
  cite: 200,
  title: 200,
  dek: 400,
  publication: 200,
  date: 100,
  credit: 400,
} as const;

/** `1,048,576`: counts in messages are read, not parsed. */
export const count = (n: number): string => n.toLocaleString('en-US');

const ALT_HELP = 'one or two plain sentences saying what the map shows, for screen readers';

/** Marks our own unknown-key issues, so the error mapper can point at the key rather than a value. */
export const UNKNOWN_KEY = 'known key';

const MINUS = '\u2212';
const show = (n: number): string => (n < 0 ? `${MINUS}${-n}` : String(n));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------
// Building blocks

export function numberIn(min: number, max: number, label?: string) {
  const name = label === undefined ? '' : `${label} `;
  const outOfRange = (issue: v.BaseIssue<unknown>): string =>
    `${name}${String(issue.input)} is out of range — allowed ${show(min)} to ${show(max)}`;
  return v.pipe(
    v.number((issue) =>
      issue.input === undefined
        ? `${label ?? 'a number'} is missing`
        : `${name}must be a number from ${show(min)} to ${show(max)}, not ${issue.received}`,
    ),
    v.minValue(min, outOfRange),
    v.maxValue(max, outOfRange),
  );
}

/** A YAML value with an unquoted ": " inside is read as a mapping: say so where it shows up. */
function notText(what: string, issue: v.BaseIssue<unknown>): string {
  const quote = isRecord(issue.input) ? ' (text containing ": " must be in quotes)' : '';
  return `${what} must be text, not ${issue.received}${quote}`;
}

function tooLong(max: number, hint = '') {
  return v.maxLength<string, number, (issue: v.MaxLengthIssue<string, number>) => string>(
    max,
    (issue) => `${count(issue.input.length)} characters is too long — allowed up to ${count(max)}${hint}`,
  );
}

/** Fields are plain text, shown as written: raw HTML is refused by the rule step text uses. */
function noHtml(what: string) {
  return v.rawCheck<string>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const html = findRawHtml(dataset.value);
    if (html !== undefined) addIssue({ message: rawHtmlMessage(html, what, 'write plain text') });
  });
}

export function text(what: string, max: number) {
  const message = (issue: v.BaseIssue<unknown>): string =>
    issue.input === undefined || issue.input === null || issue.input === ''
      ? `${what} must not be empty`
      : notText(what, issue);
  return v.pipe(v.string(message), v.trim(), v.nonEmpty(message), tooLong(max), noHtml(what));
}

function list<const TItem extends v.GenericSchema>(item: TItem, what: string) {
  return v.nullish(v.array(item, `${what} must be a list, e.g. [a, b]`), []);
}

const REQUIRED = {
  id: 'required — a unique kebab-case id, e.g. "summit"',
  alt: `required — ${ALT_HELP}`,
  zoom: 'required in a center camera — allowed 0 to 20',
} as const;

function requiredMessage(key: string): string {
  if (key === 'camera') return `required — a step needs a complete camera: ${CAMERA_HELP}`;
  return Object.hasOwn(REQUIRED, key) ? REQUIRED[key as keyof typeof REQUIRED] : 'required';
}

/**
 * Like `v.strictObject`, but reports every unknown key (not only the first) with a did-you-mean,
 * and says what a required key is for when it is missing.
 */
export function strictObject<const TEntries extends v.ObjectEntries>(
  entries: TEntries,
  what: string,
  unknownKey: (key: string, allowed: readonly string[]) => string = (key, allowed) =>
    unknownKeyMessage(`unknown ${what} key "${key}"`, didYouMean(key, allowed), `allowed keys: ${allowed.join(', ')}`),
) {
  const allowed = Object.keys(entries);
  return v.pipe(
    v.looseObject(entries, (issue) => {
      const missing = issue.path?.[0]?.key;
      return typeof missing === 'string' && issue.input === undefined
        ? requiredMessage(missing)
        : `${what} must be a mapping of keys to values, not ${issue.received}`;
    }),
    v.rawCheck(({ dataset, addIssue }) => {
      const input: unknown = dataset.value;
      if (!isRecord(input)) return;
      for (const key of Object.keys(input)) {
        if (allowed.includes(key)) continue;
        addIssue({
          expected: UNKNOWN_KEY,
          received: `"${key}"`,
          message: unknownKey(key, allowed),
          path: [{ type: 'object', origin: 'key', input, key, value: input[key] }],
        });
      }
    }),
    // Unknown keys were reported above; the output carries only the declared ones.
    v.transform((value) => pick(value, allowed) as v.InferOutput<v.ObjectSchema<TEntries, undefined>>),
  );
}

/** `unknown key "zom" — did you mean "zoom"? Allowed keys: …` or `unknown key "x" — allowed keys: …` */
function unknownKeyMessage(head: string, guess: string, allowed: string): string {
  return guess === ''
    ? `${head} — ${allowed}`
    : `${head}${guess} ${allowed.charAt(0).toUpperCase()}${allowed.slice(1)}`;
}

function pick(value: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => key in value).map((key) => [key, value[key]]));
}

// ---------------------------------------------------------------------------------------------
// Camera

const longitude = numberIn(-180, 180, 'longitude');
const latitude = numberIn(-90, 90, 'latitude');
const featureId = v.pipe(
  v.string((issue) => `feature ids are text, not ${issue.received}`),
  v.nonEmpty('feature id must not be empty'),
);

const view = {
  bearing: v.optional(numberIn(-180, 180)),
  pitch: v.optional(numberIn(0, 60)),
};
const fit = {
  padding: v.optional(numberIn(0, 400)),
  maxZoom: v.optional(numberIn(0, 20)),
};

const centerEntries = {
  center: v.strictTuple([longitude, latitude], 'center must be [longitude, latitude]'),
  zoom: numberIn(0, 20),
  ...view,
};
const frameEntries = {
  frame: v.pipe(
    v.array(featureId, 'frame must be a list of feature ids, e.g. [first-id, second-id]'),
    v.minLength(1, 'frame needs at least one feature id'),
  ),
  ...fit,
  ...view,
};
const bboxEntries = {
  bbox: v.pipe(
    v.strictTuple([longitude, latitude, longitude, latitude], 'bbox must be [west, south, east, north]'),
    v.check(
      ([, south, , north]) => south < north,
      'south must be less than north — bbox is [west, south, east, north]',
    ),
    v.check(([west, , east]) => west !== east, 'west and east must differ — bbox is [west, south, east, north]'),
  ),
  ...fit,
  ...view,
};

const SHAPE_KEYS = {
  center: Object.keys(centerEntries),
  frame: Object.keys(frameEntries),
  bbox: Object.keys(bboxEntries),
} as const;
type Shape = keyof typeof SHAPE_KEYS;
const SHAPES = Object.keys(SHAPE_KEYS) as Shape[];
const ALL_CAMERA_KEYS = [...new Set(Object.values(SHAPE_KEYS).flat())];

export const CAMERA_HELP = SHAPES.map((shape) => `a ${shape} camera allows ${SHAPE_KEYS[shape].join(', ')}`).join('; ');

function cameraKeyMessage(shape: Shape) {
  return (key: string, allowed: readonly string[]): string =>
    ALL_CAMERA_KEYS.includes(key)
      ? `"${key}" does not go with "${shape}" — ${CAMERA_HELP}`
      : unknownKeyMessage(
          `unknown camera key "${key}"`,
          didYouMean(key, ALL_CAMERA_KEYS),
          `a ${shape} camera allows ${allowed.join(', ')}`,
        );
}

const CenterCamera = strictObject(centerEntries, 'camera', cameraKeyMessage('center'));
const FrameCamera = strictObject(frameEntries, 'camera', cameraKeyMessage('frame'));
const BboxCamera = strictObject(bboxEntries, 'camera', cameraKeyMessage('bbox'));
type CameraSchema = typeof CenterCamera | typeof FrameCamera | typeof BboxCamera | v.NeverSchema<string>;

/** The shape is chosen by its defining key, so errors talk about that shape, not about a union. */
const Camera = v.lazy((input): CameraSchema => {
  if (!isRecord(input)) return v.never(`must be a mapping — ${CAMERA_HELP}`);
  const present = SHAPES.filter((shape) => shape in input);
  const [only] = present;
  if (present.length === 1 && only !== undefined) {
    return only === 'center' ? CenterCamera : only === 'frame' ? FrameCamera : BboxCamera;
  }
  if (present.length === 0) return v.never(`needs one of center, frame or bbox — ${CAMERA_HELP}`);
  return v.never(`mixes camera shapes (${present.join(' and ')}) — use one: ${CAMERA_HELP}`);
});

// ---------------------------------------------------------------------------------------------
// Step

/** A story layer's id; whether the story's layers.yaml declares it is checked in validate.ts. */
const LayerId = v.string((issue) => `layer ids are text, not ${issue.received}`);

/** Each key's schema on its own, so a step with one bad key is still checked for the rest. */
export const STEP_ENTRIES = {
  id: v.pipe(
    v.string((issue) => (issue.input === undefined ? REQUIRED.id : `id must be text, not ${issue.received}`)),
    v.regex(
      KEBAB_CASE,
      (issue) =>
        `"${String(issue.input)}" is not kebab-case — use lowercase letters, digits and single hyphens, e.g. "${toKebabCase(String(issue.input)) || 'summit'}"`,
    ),
  ),
  camera: Camera,
  layers: list(LayerId, 'layers'),
  muted: list(LayerId, 'muted'),
  highlight: list(featureId, 'highlight'),
  alt: v.pipe(
    v.string((issue) => (issue.input === undefined || issue.input === null ? REQUIRED.alt : notText('alt', issue))),
    v.trim(),
    v.nonEmpty(`must not be empty — ${ALT_HELP}`),
    tooLong(STORY_LIMITS.alt, '; one or two sentences'),
    noHtml('alt'),
  ),
  cite: list(text('a citation', STORY_LIMITS.cite), 'cite'),
  notes: v.optional(
    v.pipe(
      v.string((issue) => notText('notes', issue)),
      tooLong(STORY_LIMITS.notes),
      noHtml('notes'),
    ),
  ),
  reveal: v.optional(LayerId),
} as const;

export const StepSchema = strictObject(STEP_ENTRIES, 'step');

// ---------------------------------------------------------------------------------------------
// Front matter

const DefaultsSchema = strictObject(
  {
    names: v.optional(
      v.picklist(NAME_LANGUAGES, (issue) => `${issue.received} is not allowed — allowed: ${NAME_LANGUAGES.join(', ')}`),
      'both',
    ),
    padding: v.optional(numberIn(0, 400), 40),
    maxZoom: v.optional(numberIn(0, 20), 9),
  },
  'defaults',
);

/**
 * A custom element name (the HTML standard's rule, simplified): lowercase, starts with a letter,
 * has a hyphen; not one of the names SVG and MathML already use.
 */
export const CUSTOM_ELEMENT = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;
const RESERVED_ELEMENTS = [
  'annotation-xml',
  'color-profile',
  'font-face',
  'font-face-src',
  'font-face-uri',
  'font-face-format',
  'font-face-name',
  'missing-glyph',
];

const EmbedElementSchema = v.pipe(
  v.string('embed_element must be text: a custom element name, e.g. my-story'),
  v.regex(
    CUSTOM_ELEMENT,
    (issue) =>
      `${issue.received} is not a custom element name — lowercase letters and digits with at least one hyphen, e.g. my-story`,
  ),
  v.check((name) => !RESERVED_ELEMENTS.includes(name), 'that name is taken by SVG or MathML — choose another'),
);

/** The "key: value" words a panel's status line may use, e.g. `{admin}`. */
const PROPERTY_KEY = /^[a-z][a-z0-9_]*$/;

const PanelSchema = strictObject(
  {
    title: text('panel.title', STORY_LIMITS.title),
    dataset: v.pipe(v.string('panel.dataset must be the name of a dataset, e.g. land'), v.nonEmpty()),
    features: v.pipe(
      v.array(featureId, 'panel.features must be a list of feature ids, e.g. [first-id, second-id]'),
      v.minLength(1, 'panel.features must not be empty: the panel lists these features'),
    ),
    area_note: v.optional(text('panel.area_note', STORY_LIMITS.dek)),
    status: v.optional(
      v.pipe(
        text('panel.status', STORY_LIMITS.dek),
        v.check(
          (status) => [...status.matchAll(/\{([^}]*)\}/g)].every((m) => PROPERTY_KEY.test(m[1] ?? '')),
          'panel.status may name feature properties in braces, e.g. {admin} — lowercase letters, digits and _',
        ),
      ),
    ),
    codes: v.optional(v.record(v.string(), text("a code's words", STORY_LIMITS.title)), {}),
  },
  'panel',
);

export const FrontMatterSchema = strictObject(
  {
    title: text('title', STORY_LIMITS.title),
    dek: text('dek', STORY_LIMITS.dek),
    publication: text('publication', STORY_LIMITS.publication),
    date: text('date', STORY_LIMITS.date),
    credits: v.pipe(
      v.array(text('a credit', STORY_LIMITS.credit), 'credits must be a list of text, e.g. ["Map: …"]'),
      v.minLength(1, 'credits must not be empty'),
    ),
    source_url: v.optional(
      v.pipe(
        v.string('source_url must be text'),
        v.regex(/^https?:\/\/\S+$/, (issue) => `${issue.received} is not an http(s) address`),
      ),
    ),
    defaults: v.optional(DefaultsSchema, {}),
    how_to_read: v.optional(text('how_to_read', STORY_LIMITS.dek)),
    embed_element: v.optional(EmbedElementSchema),
    panel: v.optional(PanelSchema),
  },
  'front matter',
);

/** Front matter as written, after validation and with defaults filled in. */
export type FrontMatterInput = v.InferOutput<typeof FrontMatterSchema>;
export type PanelInput = v.InferOutput<typeof PanelSchema>;
/** One step's YAML as written, after validation. */
export type StepInput = v.InferOutput<typeof StepSchema>;
export type CameraInput = StepInput['camera'];
