/**
 * The map style: every source and layer, added once. Steps never add or remove layers; they only
 * change visibility, opacity, filters and label text through the diff in `state.ts`.
 *
 * The layers themselves are the story's (its `layers.yaml`, built into MapLibre layers at build time by
 * src/build/story/map-layers.ts); the engine adds the highlight outlines and puts everything in order.
 * What the engine needs to know about a layer travels in its metadata under `story:` keys.
 */
import type {
  ExpressionSpecification,
  FontFacesSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { GeoJSON } from 'geojson';
import type { DatasetEntry } from '../story/layers.ts';
import type { NameMode } from '../story/types.ts';

export const LABEL_FONT = ['Noto Sans Regular'];

/** Outlines and rings of highlighted features: near-black, like the text. */
export const HIGHLIGHT_COLOR = '#111111';

export type { NameMode };

/** The metadata keys the engine reads back from a built layer. */
export const META = {
  /** The story layer a MapLibre layer belongs to: the step switches it. */
  layer: 'story:layer',
  /** `line` (drawn along its length with the reader's progress) or `points` (each at its `reveal_at`). */
  reveal: 'story:reveal',
  /** The colour a revealed line is drawn in. */
  revealColor: 'story:reveal-color',
  /** `[progress, share drawn]` keys of a revealed line, from its feature's `reveal_keys`. */
  revealKeys: 'story:reveal-keys',
  /** A highlight outline, filtered to the step's `highlight`. */
  highlight: 'story:highlight',
  /** Text follows the reader's name mode; the step's subjects are placed first. */
  names: 'story:names',
  /** The dataset's feature ids: on a step about some of them, only those are drawn. */
  subjects: 'story:subjects',
} as const;

export function metadataOf(spec: LayerSpecification): Record<string, unknown> {
  const metadata: unknown = spec.metadata;
  return typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>) : {};
}

/** The label text for each name mode; "both" pairs English with the Japanese reading where they differ. */
export function labelText(mode: NameMode): ExpressionSpecification {
  const en: ExpressionSpecification = ['coalesce', ['get', 'name_en'], ['get', 'label'], ''];
  switch (mode) {
    case 'en':
      return en;
    case 'ja':
      return ['coalesce', ['get', 'name_ja'], ['get', 'name_en'], ['get', 'label'], ''];
    case 'ru':
      return ['coalesce', ['get', 'name_ru'], ['get', 'name_en'], ['get', 'label'], ''];
    case 'both':
      return [
        'case',
        ['all', ['has', 'name_ja_romaji'], ['!=', ['get', 'name_ja_romaji'], ['get', 'name_en']]],
        ['concat', ['get', 'name_en'], ' / ', ['get', 'name_ja_romaji']],
        en,
      ];
  }
}

/** The line's colour up to `fraction` of its length, transparent beyond. */
export function revealGradient(fraction: number, colour: string): ExpressionSpecification {
  if (fraction >= 1) return ['step', ['line-progress'], colour, 2, colour];
  return ['step', ['line-progress'], colour, Math.max(fraction, 0.0001), 'rgba(0, 0, 0, 0)'];
}

/** A story's map as built from its `layers.yaml`: what `buildStyle` turns into a MapLibre style. */
export interface StoryMapStyle {
  readonly datasets: readonly DatasetEntry[];
  /** Basemap layers, then story layers, each in drawing order, with sources named by dataset id. */
  readonly layers: readonly LayerSpecification[];
}

/** Outline and point layers that draw whatever features a step highlights, one pair per dataset. */
function highlightLayers(datasets: readonly DatasetEntry[]): LayerSpecification[] {
  return datasets
    .filter((d) => d.highlight)
    .flatMap(({ id }): LayerSpecification[] => [
      {
        id: `highlight-${id}-line`,
        type: 'line',
        source: id,
        filter: ['in', ['get', 'id'], ['literal', []]],
        metadata: { [META.highlight]: true },
        paint: { 'line-color': HIGHLIGHT_COLOR, 'line-width': 2.5 },
      },
      {
        id: `highlight-${id}-circle`,
        type: 'circle',
        source: id,
        filter: ['all', ['==', ['geometry-type'], 'Point'], ['in', ['get', 'id'], ['literal', []]]],
        metadata: { [META.highlight]: true },
        paint: {
          'circle-radius': 9,
          'circle-color': 'rgba(0,0,0,0)',
          'circle-stroke-color': HIGHLIGHT_COLOR,
          'circle-stroke-width': 2.5,
        },
      },
    ]);
}

/**
 * The style in drawing order: the basemap's shapes, the story's shapes, the highlights, then the
 * labels, the story's last: placed first, story labels (dates, border names, ranges) win over place names.
 */
export function orderedLayers(map: StoryMapStyle): LayerSpecification[] {
  const isStory = (spec: LayerSpecification) => metadataOf(spec)[META.layer] !== undefined;
  const pick = (story: boolean, symbol: boolean) =>
    map.layers.filter((spec) => isStory(spec) === story && (spec.type === 'symbol') === symbol);
  return [
    ...pick(false, false),
    ...pick(true, false),
    ...highlightLayers(map.datasets),
    ...pick(false, true),
    ...pick(true, true),
  ];
}

export interface StyleInputs {
  map: StoryMapStyle;
  /** Each dataset's data: a URL or the GeoJSON itself. */
  data: Readonly<Record<string, string | GeoJSON>>;
  fontFaces: FontFacesSpecification;
}

export function buildStyle({ map, data, fontFaces }: StyleInputs): StyleSpecification {
  // line-progress (for revealing a line) needs line metrics on its source.
  const revealed = new Set(
    map.layers
      .filter((spec) => metadataOf(spec)[META.reveal] === 'line')
      .map((spec) => 'source' in spec && spec.source),
  );
  const sources = Object.fromEntries(
    map.datasets.map((dataset): [string, SourceSpecification] => {
      const source = data[dataset.id];
      if (source === undefined) throw new Error(`no data for dataset "${dataset.id}"`);
      return [
        dataset.id,
        {
          type: 'geojson',
          data: source,
          attribution: attributionHtml(dataset),
          ...(revealed.has(dataset.id) ? { lineMetrics: true } : {}),
        },
      ];
    }),
  );
  return { version: 8, sources, 'font-faces': fontFaces, layers: orderedLayers(map) };
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** MapLibre shows a source's attribution as HTML: the text, linked where the story gives a link. */
function attributionHtml({ attribution, attributionUrl }: DatasetEntry): string {
  const text = escapeHtml(attribution);
  return attributionUrl === undefined ? text : `<a href="${escapeHtml(attributionUrl)}">${text}</a>`;
}
