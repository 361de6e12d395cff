/**
 * The map style: every source and layer, added once. Steps never add or remove layers; they only
 * change visibility, opacity, filters and label text through the diff in `state.ts`.
 *
 * Layer ids follow `<story-layer or dataset>-<type>`. Layers that belong to a story layer carry
 * its id in `metadata['kuril:story-layer']`, which is how the diff knows what a step controls.
 */
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  FilterSpecification,
  FontFacesSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import { DATASET_IDS, type DatasetId, type StoryLayerId } from '../story/layers.ts';
import { OCCUPATION_DASHES, palette } from './palette.ts';
import type { NameMode } from '../story/types.ts';

export const LABEL_FONT = ['Noto Sans Regular'];

export type { NameMode };

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

/** Symbol layers whose text follows the reader's name mode. */
export const NAMED_LABEL_LAYERS = ['labels-symbol', 'places-label', 'distances-name'] as const;

type Side = 'left' | 'right' | 'top' | 'bottom' | 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

/** Sides a crowded story label may take, in order of preference after the one its data names. */
const LABEL_SIDES: readonly Side[] = [
  'left',
  'right',
  'top-left',
  'bottom-left',
  'top-right',
  'bottom-right',
  'top',
  'bottom',
];

/** Offset in ems that puts text anchored at `side` `em` away from its point. */
function sideOffset(side: Side, em: number): [number, number] {
  const d = side.includes('-') ? em * 0.7 : em;
  const x = side.includes('left') ? d : side.includes('right') ? -d : 0;
  const y = side.startsWith('top') ? d : side.startsWith('bottom') ? -d : 0;
  return [x, y];
}

/**
 * Layout for a story label beside its point: the side its feature's `label_anchor` names (for the
 * still-map renderer, which takes one side), and for MapLibre that side first, then the others, so
 * labels in a crowd (the southern landings, the crossings off Cape Nosappu) each find room.
 */
function besidePoint(em: number, fallback: Side): Record<string, unknown> {
  const order = (first: Side): (string | [number, number])[] =>
    [first, ...LABEL_SIDES.filter((s) => s !== first)].flatMap((s) => [s, sideOffset(s, em)]);
  const byData = (pick: (side: Side) => unknown, last: unknown): unknown => [
    'match',
    ['get', 'label_anchor'],
    ...LABEL_SIDES.filter((s) => s !== fallback).flatMap((s) => [s, pick(s)]),
    last,
  ];
  return {
    'text-anchor': ['coalesce', ['get', 'label_anchor'], fallback],
    'text-offset': byData((s) => ['literal', sideOffset(s, em)], ['literal', sideOffset(fallback, em)]),
    'text-variable-anchor-offset': byData((s) => ['literal', order(s)], ['literal', order(fallback)]),
  };
}

const storyLayer = (id: StoryLayerId) => ({ 'kuril:story-layer': id });

/** The route's colour up to `fraction` of its length, transparent beyond. */
export function revealGradient(fraction: number): ExpressionSpecification {
  if (fraction >= 1) return ['step', ['line-progress'], palette.occupation, 2, palette.occupation];
  return ['step', ['line-progress'], palette.occupation, Math.max(fraction, 0.0001), 'rgba(0, 0, 0, 0)'];
}

const halo = { 'text-color': palette.label, 'text-halo-color': palette.halo, 'text-halo-width': 1.5 };

function matchStatus(offered: string, other: string): DataDrivenPropertyValueSpecification<string> {
  return ['match', ['get', 'status'], 'offered', offered, other];
}

function historyLabel(
  id: StoryLayerId,
  source: DatasetId,
  extra: Partial<LayerSpecification> = {},
): LayerSpecification {
  return {
    id: `${id}-label`,
    type: 'symbol',
    source,
    metadata: storyLayer(id),
    layout: {
      'text-field': ['coalesce', ['get', 'label'], ''],
      'text-font': LABEL_FONT,
      'text-size': 13,
      'text-max-width': 12,
      ...((extra as { layout?: object }).layout ?? {}),
    },
    paint: { ...halo, 'text-opacity': 1 },
  } as LayerSpecification;
}

// Japan holds that the four southern islands were not among the Kurils it renounced in 1951, so
// the renounced tint covers only the uncontested chain; the four keep the dispute's own shading.
const RENOUNCED_UNCONTESTED: FilterSpecification = ['==', ['get', 'contested'], false];

function storyLayers(): LayerSpecification[] {
  return [
    {
      id: 'renounced-1951-fill',
      type: 'fill',
      source: 'renounced-1951',
      filter: RENOUNCED_UNCONTESTED,
      metadata: storyLayer('renounced-1951'),
      paint: { 'fill-color': palette.renounced, 'fill-opacity': 0.35 },
    },
    {
      id: 'renounced-1951-line',
      type: 'line',
      source: 'renounced-1951',
      filter: RENOUNCED_UNCONTESTED,
      metadata: storyLayer('renounced-1951'),
      paint: { 'line-color': palette.renounced, 'line-width': 1.5, 'line-opacity': 1 },
    },
    {
      id: 'disputed-fill',
      type: 'fill',
      source: 'land',
      filter: ['==', ['get', 'claimed_by'], 'JP'],
      metadata: storyLayer('disputed'),
      paint: { 'fill-color': palette.disputedFill, 'fill-opacity': 1 },
    },
    {
      id: 'disputed-line',
      type: 'line',
      source: 'land',
      filter: ['==', ['get', 'claimed_by'], 'JP'],
      metadata: storyLayer('disputed'),
      paint: { 'line-color': palette.disputed, 'line-width': 1.6, 'line-dasharray': [3, 1.5], 'line-opacity': 1 },
    },
    {
      id: 'offer-1956-fill',
      type: 'fill',
      source: 'offer-1956',
      metadata: storyLayer('offer-1956'),
      paint: { 'fill-color': matchStatus(palette.offered, palette.retained), 'fill-opacity': 0.75 },
    },
    {
      id: 'offer-1956-line',
      type: 'line',
      source: 'offer-1956',
      metadata: storyLayer('offer-1956'),
      paint: { 'line-color': matchStatus(palette.offered, palette.retained), 'line-width': 1.5, 'line-opacity': 1 },
    },
    {
      id: 'missiles-2016-fill',
      type: 'fill',
      source: 'missiles-2016',
      filter: ['==', ['geometry-type'], 'Polygon'],
      metadata: storyLayer('missiles-2016'),
      paint: {
        'fill-color': ['match', ['get', 'id'], 'bal-range', palette.bal, palette.bastion],
        'fill-opacity': 0.16,
      },
    },
    {
      id: 'missiles-2016-line',
      type: 'line',
      source: 'missiles-2016',
      filter: ['==', ['geometry-type'], 'Polygon'],
      metadata: storyLayer('missiles-2016'),
      paint: {
        'line-color': ['match', ['get', 'id'], 'bal-range', palette.bal, palette.bastion],
        'line-width': 2,
        'line-dasharray': [4, 2],
        'line-opacity': 1,
      },
    },
    {
      id: 'border-1855-line',
      type: 'line',
      source: 'border-1855',
      metadata: storyLayer('border-1855'),
      paint: { 'line-color': palette.treatyBorder, 'line-width': 2, 'line-dasharray': [2, 1], 'line-opacity': 1 },
    },
    historyLabel('border-1855', 'border-1855', {
      layout: { 'symbol-placement': 'line', 'text-offset': [0, -0.8] },
    } as Partial<LayerSpecification>),
    {
      id: 'border-1875-line',
      type: 'line',
      source: 'border-1875',
      metadata: storyLayer('border-1875'),
      paint: { 'line-color': palette.treatyBorder, 'line-width': 2, 'line-dasharray': [1, 1], 'line-opacity': 1 },
    },
    historyLabel('border-1875', 'border-1875', {
      layout: { 'symbol-placement': 'line', 'text-offset': [0, -0.8] },
    } as Partial<LayerSpecification>),
    ...(['north', 'south'] as const).map((arm): LayerSpecification => ({
      // Each arm of the 1945 campaign, dashed because the track is schematic, drawn with a gradient
      // over its length so a step can reveal it as the reader reads, in step with its own dates.
      id: `occupation-1945-${arm}-line`,
      type: 'line',
      source: 'occupation-1945',
      filter: ['all', ['==', ['geometry-type'], 'LineString'], ['==', ['get', 'arm'], arm]],
      metadata: { ...storyLayer('occupation-1945'), 'kuril:reveal': 'line', 'kuril:reveal-arm': arm },
      layout: { 'line-cap': 'butt', 'line-join': 'round' },
      paint: {
        'line-gradient': revealGradient(1),
        'line-width': 3,
        'line-dasharray': [...OCCUPATION_DASHES[arm]],
        'line-opacity': 1,
      },
    })),
    {
      id: 'occupation-1945-circle',
      type: 'circle',
      source: 'occupation-1945',
      filter: ['==', ['geometry-type'], 'Point'],
      metadata: { ...storyLayer('occupation-1945'), 'kuril:reveal': 'points' },
      paint: {
        // Where an arm set out: a smaller mark than a dated landing.
        'circle-radius': ['match', ['get', 'kind'], 'origin', 3, 5],
        'circle-color': palette.occupation,
        'circle-stroke-color': palette.halo,
        'circle-stroke-width': 1.5,
        'circle-opacity': 1,
        'circle-stroke-opacity': 1,
      },
    },
    {
      ...historyLabel('occupation-1945', 'occupation-1945', {
        layout: {
          ...besidePoint(0.8, 'left'),
          // The later landings crowd together in the south: they are placed first, the lone Shumshu last.
          'symbol-sort-key': ['interpolate', ['linear'], ['coalesce', ['get', 'reveal_at'], 0], 0, 1, 1, 0],
        },
      } as Partial<LayerSpecification>),
      filter: ['==', ['geometry-type'], 'Point'],
      metadata: { ...storyLayer('occupation-1945'), 'kuril:reveal': 'points' },
    } as LayerSpecification,
    {
      id: 'distances-line',
      type: 'line',
      source: 'distances',
      filter: ['==', ['geometry-type'], 'LineString'],
      metadata: storyLayer('distances'),
      paint: { 'line-color': palette.distance, 'line-width': 2, 'line-opacity': 1 },
    },
    {
      // Signalny (Kaigara): a rock too small for the coastline data, drawn as a point.
      id: 'distances-circle',
      type: 'circle',
      source: 'distances',
      filter: ['==', ['get', 'kind'], 'islet'],
      metadata: storyLayer('distances'),
      paint: {
        'circle-radius': 3.5,
        'circle-color': palette.disputed,
        'circle-stroke-color': palette.halo,
        'circle-stroke-width': 1,
        'circle-opacity': 1,
        'circle-stroke-opacity': 1,
      },
    },
    {
      // Both figures of each crossing, written beside its middle: official, then measured.
      id: 'distances-label',
      type: 'symbol',
      source: 'distances',
      filter: ['==', ['get', 'kind'], 'figure'],
      metadata: storyLayer('distances'),
      layout: {
        'text-field': ['coalesce', ['get', 'label'], ''],
        'text-font': LABEL_FONT,
        'text-size': 12,
        // Two lines, "3.7 km (official)" over "3.5 km (measured)" (the data breaks them), narrow beside a phone's edge.
        'text-max-width': 10,
        ...besidePoint(0.5, 'left'),
        // The sides in the data clear each other at phone and desktop frames: always written, never dropped.
        'text-allow-overlap': true,
      },
      paint: { ...halo, 'text-opacity': 1 },
    },
    {
      id: 'distances-name',
      type: 'symbol',
      source: 'distances',
      filter: ['==', ['get', 'kind'], 'islet'],
      metadata: storyLayer('distances'),
      layout: {
        'text-field': labelText('both'),
        'text-font': LABEL_FONT,
        'text-size': 12,
        // Two short lines, as the island names beside it (labels-symbol), clear of Yury's name to the east.
        'text-max-width': 6,
        // East of the rock: above it runs the line to Tanfiliev, below-left of it the figures of its own crossing.
        'text-anchor': 'left',
        'text-offset': [0.6, 0],
        // Placed with the figures beside it (sides chosen in the data to clear each other), never dropped.
        'text-allow-overlap': true,
      },
      paint: { ...halo, 'text-opacity': 1 },
    },
    {
      id: 'missiles-2016-circle',
      type: 'circle',
      source: 'missiles-2016',
      filter: ['==', ['geometry-type'], 'Point'],
      metadata: storyLayer('missiles-2016'),
      paint: {
        'circle-radius': 6,
        'circle-color': palette.halo,
        'circle-stroke-color': palette.bastion,
        'circle-stroke-width': 2.5,
        'circle-opacity': 1,
        'circle-stroke-opacity': 1,
      },
    },
    historyLabel('missiles-2016', 'missiles-2016', {
      layout: { 'text-anchor': 'left', 'text-offset': [1, 0] },
    } as Partial<LayerSpecification>),
    {
      id: 'places-circle',
      type: 'circle',
      source: 'places',
      metadata: storyLayer('places'),
      paint: {
        'circle-radius': 5,
        'circle-color': palette.places,
        'circle-stroke-color': palette.halo,
        'circle-stroke-width': 1.5,
        'circle-opacity': 1,
        'circle-stroke-opacity': 1,
      },
    },
    {
      id: 'places-label',
      type: 'symbol',
      source: 'places',
      metadata: storyLayer('places'),
      layout: {
        'text-field': labelText('both'),
        'text-font': LABEL_FONT,
        'text-size': 14,
        // Beside the point, on whichever side is free of other labels.
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.7,
      },
      paint: { ...halo, 'text-opacity': 1 },
    },
  ];
}

/** Outline and point layers that draw whatever features a step highlights, one pair per dataset. */
function highlightLayers(): LayerSpecification[] {
  return DATASET_IDS.filter((d) => d !== 'labels' && d !== 'sea').flatMap((dataset): LayerSpecification[] => [
    {
      id: `highlight-${dataset}-line`,
      type: 'line',
      source: dataset,
      filter: ['in', ['get', 'id'], ['literal', []]],
      metadata: { 'kuril:highlight': true },
      paint: { 'line-color': palette.highlight, 'line-width': 2.5 },
    },
    {
      id: `highlight-${dataset}-circle`,
      type: 'circle',
      source: dataset,
      filter: ['all', ['==', ['geometry-type'], 'Point'], ['in', ['get', 'id'], ['literal', []]]],
      metadata: { 'kuril:highlight': true },
      paint: {
        'circle-radius': 9,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': palette.highlight,
        'circle-stroke-width': 2.5,
      },
    },
  ]);
}

function basemapLayers(): LayerSpecification[] {
  return [
    { id: 'background', type: 'background', paint: { 'background-color': palette.sea } },
    {
      id: 'sea-fill',
      type: 'fill',
      source: 'sea',
      paint: {
        'fill-color': [
          'match',
          ['get', 'band'],
          1,
          palette.seaBands[0],
          2,
          palette.seaBands[1],
          3,
          palette.seaBands[2],
          palette.seaBands[3],
        ],
      },
    },
    {
      // Natural Earth land everywhere outside the OSM region box; the two meet along the box edges.
      id: 'world-fill',
      type: 'fill',
      source: 'world',
      paint: { 'fill-color': palette.worldLand },
    },
    {
      id: 'land-fill',
      type: 'fill',
      source: 'land',
      paint: { 'fill-color': palette.land },
    },
    {
      // Land the region box cut is outlined from `coast` (below): its polygons' edges along the box are no coast.
      id: 'land-line',
      type: 'line',
      source: 'land',
      filter: ['!=', ['get', 'clipped'], true],
      paint: { 'line-color': palette.landLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.4, 9, 1.2] },
    },
    {
      id: 'coast-line',
      type: 'line',
      source: 'coast',
      paint: { 'line-color': palette.landLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.4, 9, 1.2] },
    },
    {
      id: 'borders-line',
      type: 'line',
      source: 'borders',
      paint: { 'line-color': palette.border, 'line-width': 0.8, 'line-dasharray': [3, 2] },
    },
  ];
}

function labelLayer(): LayerSpecification {
  return {
    id: 'labels-symbol',
    type: 'symbol',
    source: 'labels',
    layout: {
      'text-field': labelText('both'),
      'text-font': LABEL_FONT,
      'text-size': ['match', ['get', 'kind'], 'sea', 13, 'country', 13, 12],
      // Long names ("Tanfiliev / Suishō") wrap to two short lines: a phone's frame is narrow and tall,
      // so islets side by side (the Habomai) each find room for their name.
      'text-max-width': 6,
      'text-padding': 2,
      // On the island first; beside it when a story label or another name is there, then at its
      // corners, so an islet in a crowd of named islets (the Habomai) still finds a side for its name.
      'text-variable-anchor-offset': [
        'literal',
        [
          'center',
          [0, 0],
          'top',
          [0, 0.8],
          'bottom',
          [0, -0.8],
          'left',
          [0.8, 0],
          'right',
          [-0.8, 0],
          'top-left',
          [0.6, 0.6],
          'top-right',
          [-0.6, 0.6],
          'bottom-left',
          [0.6, -0.6],
          'bottom-right',
          [-0.6, -0.6],
        ],
      ],
      'symbol-sort-key': ['coalesce', ['get', 'rank'], 9],
    },
    paint: {
      ...halo,
      'text-color': ['match', ['get', 'kind'], 'sea', '#3f5f7a', palette.label],
    },
  };
}

export interface StyleInputs {
  /** URL of each dataset's GeoJSON, as built by Vite. */
  dataUrls: Record<DatasetId, string>;
  fontFaces: FontFacesSpecification;
}

export function buildStyle({ dataUrls, fontFaces }: StyleInputs): StyleSpecification {
  const sources = Object.fromEntries(
    DATASET_IDS.map((id) => [
      id,
      {
        type: 'geojson' as const,
        data: dataUrls[id],
        attribution: attributionFor(id),
        // line-progress (for revealing the route) needs line metrics on its source.
        ...(id === 'occupation-1945' ? { lineMetrics: true } : {}),
      },
    ]),
  );
  return {
    version: 8,
    sources,
    'font-faces': fontFaces,
    // Story labels (dates, border names, ranges) go last: placed first, they win over place names.
    layers: [
      ...basemapLayers(),
      ...storyLayers().filter((l) => l.type !== 'symbol'),
      ...highlightLayers(),
      labelLayer(),
      ...storyLayers().filter((l) => l.type === 'symbol'),
    ],
  };
}

const OSM = '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';
const NATURAL_EARTH = '<a href="https://www.naturalearthdata.com/">Natural Earth</a>';

function attributionFor(dataset: DatasetId): string {
  return dataset === 'world' || dataset === 'borders' ? NATURAL_EARTH : OSM;
}
