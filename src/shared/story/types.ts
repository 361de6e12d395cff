/**
 * The resolved story: what the app reads from `virtual:story`, plain data described by the
 * interfaces below. (The story file's input types, derived from its schemas, are the build's:
 * src/build/story/schema.ts.)
 */
import type { LayerRegistry } from './layers.ts';
import type { StoryError } from './errors.ts';

export type { StoryError };

/** The language of the map's place names: one script, or English with Japanese. */
export type NameMode = 'en' | 'ja' | 'ru' | 'both';

/** The story's defaults (front matter `defaults`), filled in. */
export interface StoryDefaults {
  names: NameMode;
  padding: number;
  maxZoom: number;
}

export type LngLat = [lon: number, lat: number];
/**
 * `[west, south, east, north]`, always with west < east: a box across the antimeridian has
 * east > 180 (MapLibre accepts unwrapped longitudes).
 */
export type Bounds = [west: number, south: number, east: number, north: number];

export type ResolvedCamera =
  | { kind: 'center'; center: LngLat; zoom: number; bearing: number; pitch: number }
  | { kind: 'bounds'; bounds: Bounds; padding: number; maxZoom: number; bearing: number; pitch: number };

/** A step's complete map state and text: the map at step N is a function of this alone. */
export interface Step {
  id: string;
  /** 0-based position in the story. */
  index: number;
  /** Line of the step's ```step fence in the story file. */
  line: number;
  /** The step text rendered from the Markdown subset; safe to insert (no raw HTML can reach it). */
  html: string;
  /** The Markdown source, paragraphs joined by a blank line. */
  plain: string;
  alt: string;
  camera: ResolvedCamera;
  /** Story layers at full strength (ids declared in the story's layers.yaml). */
  layers: string[];
  /** Story layers shown muted. Never overlaps `layers`. */
  muted: string[];
  /** Feature ids (`properties.id`), each in a dataset visible on this step. */
  highlight: string[];
  /** The feature ids the camera frames (`camera.frame`), whose names the map shows with the highlighted ones. */
  framed?: string[];
  cite: string[];
  notes?: string;
  /** A layer that draws itself as the reader moves through the step (full at once without motion). */
  reveal?: string;
}

/** What the story's feature panel lists (front matter `panel`), as written. */
export interface PanelSpec {
  /** The panel's button and what it is called, e.g. "Islands". */
  title: string;
  dataset: string;
  /** Feature ids of `dataset`, in the order the panel lists them. */
  features: string[];
  /** Said after each area, e.g. "measured on OpenStreetMap coastlines". */
  areaNote?: string;
  /** One status sentence per feature, with feature properties in braces: "Claimed by {claimed_by}." */
  status?: string;
  /** Words for the codes a property holds (RU → Russia) where `status` names it. */
  codes: Record<string, string>;
}

/** One entry of the feature panel, read from its dataset at build time. */
export interface PanelItem {
  id: string;
  /** `name_en` */
  name: string;
  /** `name_ja` and `name_ja_romaji`, when the feature has them. */
  nameJa?: string;
  nameJaRomaji?: string;
  nameRu?: string;
  /** `area_km2`, rounded for reading: "3,180 km²". */
  area?: string;
  status?: string;
}

/**
 * What the live page needs of a step to run its map: no text. The article's text, alt texts and
 * legends reach the page as prerendered HTML and are not shipped again in its script.
 */
export type MapStep = Pick<Step, 'id' | 'index' | 'camera' | 'layers' | 'muted' | 'highlight' | 'framed' | 'reveal'>;

/** What the prerendered page hands its script (src/app/page/page-data.ts): the story without its text. */
export interface PageData {
  title: string;
  names: NameMode;
  steps: MapStep[];
  /** The in-page embed's element name: also the prefix of the reader's stored choices. */
  embedElement: string;
  /** The story's layers (the timeline's years, what a step can show). */
  registry: LayerRegistry;
  /** The feature panel (front matter `panel`) and its entries, if the story has one. */
  panel?: { title: string; areaNote?: string | undefined; items: PanelItem[] };
}

export interface StoryMeta {
  /** The story's folder name (story/<slug>/story.md): its id in storage keys and window names. */
  slug: string;
  /** The in-page embed's custom element, e.g. `my-story`; its iframe embed is `data-<element>`. */
  embedElement: string;
  /** The intro's sentence on how to read the story, if it has one. */
  howToRead?: string;
  panel?: PanelSpec;
  title: string;
  dek: string;
  publication: string;
  date: string;
  credits: string[];
  sourceUrl?: string;
  defaults: StoryDefaults;
}

export interface Story {
  meta: StoryMeta;
  steps: Step[];
  /** The story's datasets and layers (its layers.yaml): what the legend and the timeline read. */
  registry: LayerRegistry;
  /** "About this map" from the story's about.md, rendered at build time; safe to insert (raw HTML refused). */
  about?: string;
  /** The feature panel's entries (`meta.panel`), read from the dataset at build time. */
  panelItems?: PanelItem[];
}

export interface KnownFeature {
  dataset: string;
  bbox: Bounds;
}

/** The ids the story may refer to, injected so parsing stays pure (see src/build/story/known-ids.ts). */
export interface KnownIds {
  features: ReadonlyMap<string, KnownFeature>;
  /** The story layers and datasets its layers.yaml declares. */
  layers: LayerRegistry;
}

export type ParseResult = { ok: true; story: Story } | { ok: false; errors: StoryError[] };
