/**
 * The schema of a story's `layers.yaml` (valibot): its datasets, its basemap and its story layers, each
 * drawn with MapLibre style layers. The drawing's paint, layout and filter are MapLibre's own and are
 * checked by MapLibre's validator (layers-file.ts); this schema checks the shape around them and the
 * engine's own keys. Messages name the value found and what is allowed, like the story file's.
 */
import * as v from 'valibot';
import { KEBAB_CASE, numberIn, strictObject, text } from './schema.ts';

/** The MapLibre layer types a story layer may draw with (a basemap may also paint a background). */
export const DRAWING_TYPES = ['fill', 'line', 'circle', 'symbol'] as const;
export const BASEMAP_TYPES = ['background', ...DRAWING_TYPES] as const;
export const LABEL_SIDES = [
  'left',
  'right',
  'top-left',
  'bottom-left',
  'top-right',
  'bottom-right',
  'top',
  'bottom',
] as const;
export type LabelSide = (typeof LABEL_SIDES)[number];

const kebabId = (what: string) =>
  v.pipe(
    v.string((issue) =>
      issue.input === undefined ? `required — the ${what}'s kebab-case id` : `id must be text, not ${issue.received}`,
    ),
    v.regex(
      KEBAB_CASE,
      (issue) => `"${String(issue.input)}" is not kebab-case — use lowercase letters, digits and single hyphens`,
    ),
  );

const oneOf = <const T extends readonly string[]>(values: T, what: string) =>
  v.picklist(values, (issue) => `${what} ${String(issue.received)} is not allowed — allowed: ${values.join(', ')}`);

const flag = (what: string) => v.optional(v.boolean(`${what} must be true or false`));

/** A MapLibre expression or filter: a list whose head is an operator. Checked in full by MapLibre's validator. */
const expression = (what: string) =>
  v.pipe(
    v.array(v.unknown(), `${what} must be a MapLibre expression, e.g. ['==', ['get', 'kind'], 'island']`),
    v.minLength(1, `${what} must not be empty`),
  );

/** Paint or layout: MapLibre property → value, checked by MapLibre's validator. */
const properties = (what: string) =>
  v.optional(v.record(v.string(), v.unknown(), `${what} must be a mapping of MapLibre ${what} properties to values`));

const box = v.strictTuple(
  [numberIn(-180, 360, 'west'), numberIn(-90, 90, 'south'), numberIn(-180, 360, 'east'), numberIn(-90, 90, 'north')],
  'must be [west, south, east, north]',
);

export const DatasetSchema = strictObject(
  {
    id: kebabId('dataset'),
    file: v.pipe(
      v.string('file must be a path, relative to the story folder, e.g. ../../geo/mine/out/land.geojson'),
      v.regex(/\.geojson$/, (issue) => `"${String(issue.input)}" is not a .geojson file`),
    ),
    basemap: flag('basemap'),
    /** Plain text, e.g. `© OpenStreetMap contributors`; on the still maps, and linked on the live map. */
    attribution: text('attribution', 400),
    attribution_url: v.optional(
      v.pipe(
        v.string('attribution_url must be text'),
        v.regex(/^https?:\/\/\S+$/, (issue) => `${issue.received} is not an http(s) address`),
      ),
    ),
    highlight: flag('highlight'),
    cut_to: v.optional(box),
  },
  'dataset',
);

/** The keys every drawing shares: MapLibre's own, plus the engine's. */
const drawingEntries = {
  id: v.optional(kebabId('MapLibre layer')),
  filter: v.optional(expression('filter')),
  paint: properties('paint'),
  layout: properties('layout'),
  minzoom: v.optional(numberIn(0, 24, 'minzoom')),
  maxzoom: v.optional(numberIn(0, 24, 'maxzoom')),
  /** Text follows the reader's name mode (`name_en`, `name_ja`, `name_ru`, `name_ja_romaji`). */
  names: flag('names'),
  /** Placed beside its point, on the side its feature's `label_anchor` names, then any other free side. */
  beside_point: v.optional(
    strictObject({ em: numberIn(0, 10, 'em'), side: oneOf(LABEL_SIDES, 'side') }, 'beside_point'),
  ),
};

export const BasemapDrawingSchema = strictObject(
  {
    ...drawingEntries,
    type: oneOf(BASEMAP_TYPES, 'type'),
    dataset: v.optional(v.string('dataset must be a dataset id')),
  },
  'basemap layer',
);

export const DrawingSchema = strictObject(
  {
    ...drawingEntries,
    type: oneOf(DRAWING_TYPES, 'type'),
    /** Drawn with the reader's progress through a step: a line along its length, points at their `reveal_at`. */
    reveal: v.optional(oneOf(['line', 'points'] as const, 'reveal')),
    /** The legend part this drawing shows (a key of the layer's `parts`). */
    part: v.optional(v.string("part must be the key of one of the layer's parts")),
    /** On a step about some of this dataset's features (highlighted or framed), only those are drawn. */
    subjects_only: flag('subjects_only'),
  },
  'drawing',
);

export const StoryLayerSchema = strictObject(
  {
    id: kebabId('story layer'),
    dataset: v.string((issue) =>
      issue.input === undefined ? 'required — the id of the dataset the layer draws' : 'dataset must be a dataset id',
    ),
    filter: v.optional(expression('filter')),
    legend: text('legend', 400),
    parts: v.optional(
      v.pipe(
        v.array(strictObject({ key: kebabId('part'), legend: text('legend', 400) }, 'part'), 'parts must be a list'),
        v.minLength(2, 'parts needs at least two entries — a layer with one part needs none'),
      ),
    ),
    year: v.optional(v.pipe(numberIn(-9999, 9999, 'year'), v.integer('year must be a whole number'))),
    revealable: flag('revealable'),
    draw: v.pipe(
      v.array(DrawingSchema, 'draw must be a list of MapLibre layers'),
      v.minLength(1, 'draw needs at least one MapLibre layer'),
    ),
  },
  'story layer',
);

export const LayersFileSchema = strictObject(
  {
    /** Named colours, used through YAML anchors; the engine reads nothing from them. */
    colors: v.optional(
      v.record(
        v.string(),
        v.string('a colour must be text, e.g. "#0072b2"'),
        'colors must be a mapping of names to colours',
      ),
    ),
    /** Pieces reused through YAML anchors and merge keys; the engine reads nothing from them. */
    templates: v.optional(v.unknown()),
    datasets: v.pipe(
      v.array(DatasetSchema, 'datasets must be a list'),
      v.minLength(1, 'datasets needs at least one dataset'),
    ),
    basemap: v.optional(v.array(BasemapDrawingSchema, 'basemap must be a list of MapLibre layers'), []),
    layers: v.pipe(
      v.array(StoryLayerSchema, 'layers must be a list'),
      v.minLength(1, 'layers needs at least one story layer'),
    ),
  },
  'layers file',
);

export type LayersFileInput = v.InferOutput<typeof LayersFileSchema>;
export type DatasetInput = v.InferOutput<typeof DatasetSchema>;
export type StoryLayerInput = v.InferOutput<typeof StoryLayerSchema>;
export type DrawingInput = v.InferOutput<typeof DrawingSchema>;
export type BasemapDrawingInput = v.InferOutput<typeof BasemapDrawingSchema>;
