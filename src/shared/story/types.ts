/**
 * The resolved story: what the app reads from `virtual:story`, plain data described by the
 * interfaces below. (The story file's input types, derived from its schemas, are the build's:
 * src/build/story/schema.ts.)
 */
import type { DatasetId, StoryLayerId } from './layers.ts';
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
  /** Story layers at full strength. */
  layers: StoryLayerId[];
  /** Story layers shown muted. Never overlaps `layers`. */
  muted: StoryLayerId[];
  /** Feature ids (`properties.id`), each in a dataset visible on this step. */
  highlight: string[];
  /** The feature ids the camera frames (`camera.frame`), whose names the map shows with the highlighted ones. */
  framed?: string[];
  cite: string[];
  notes?: string;
  /** A layer that draws itself as the reader moves through the step (full at once without motion). */
  reveal?: StoryLayerId;
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
}

export interface StoryMeta {
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
}

export interface KnownFeature {
  dataset: DatasetId;
  bbox: Bounds;
}

/** The ids the story may refer to, injected so parsing stays pure (see known-ids.node.ts). */
export interface KnownIds {
  features: ReadonlyMap<string, KnownFeature>;
}

export type ParseResult = { ok: true; story: Story } | { ok: false; errors: StoryError[] };
