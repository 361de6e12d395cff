/**
 * The one registry of map data and story layers. Plain data, no MapLibre: the story validator
 * (Node, at build time) and the map component (browser) both read it.
 *
 * A *dataset* is one GeoJSON file built by `npm run geo` into `geo/kurils/out/`.
 * A *story layer* is what a step switches on, off or mutes; it draws one dataset (optionally a
 * filtered part of it) with one or more MapLibre layers whose ids are `<story-layer>-<type>`.
 */

export const DATASET_IDS = [
  'world',
  'borders',
  'land',
  'coast',
  'sea',
  'labels',
  'places',
  'border-1855',
  'border-1875',
  'occupation-1945',
  'renounced-1951',
  'offer-1956',
  'missiles-2016',
  'distances',
] as const;

export type DatasetId = (typeof DATASET_IDS)[number];

/** Datasets drawn on every step (the basemap); steps cannot switch them off. */
export const BASEMAP_DATASETS: readonly DatasetId[] = ['world', 'borders', 'sea', 'land', 'coast', 'labels'];

export interface StoryLayerDefinition {
  /** Dataset the layer draws. */
  readonly dataset: DatasetId;
  /** What the legend calls it. */
  readonly legend: string;
  /** Legend entries of a layer that draws distinct things, each with its own swatch (the 1945 arms). */
  readonly parts?: readonly { readonly key: string; readonly legend: string }[];
  /** The year on the timeline rail, for layers that show one moment of the history. */
  readonly year?: number;
  /** The layer can draw itself in step with the reader's progress (a step's `reveal`). */
  readonly revealable?: boolean;
}

export const STORY_LAYERS = {
  disputed: { dataset: 'land', legend: 'Islands claimed by Japan, held by Russia since 1945' },
  places: { dataset: 'places', legend: 'Places in the story' },
  'border-1855': { dataset: 'border-1855', legend: 'Border of 1855 (Treaty of Shimoda)', year: 1855 },
  'border-1875': { dataset: 'border-1875', legend: 'Border of 1875 (Treaty of Saint Petersburg)', year: 1875 },
  'occupation-1945': {
    dataset: 'occupation-1945',
    legend: 'Soviet occupation, Aug–Sep 1945',
    parts: [
      {
        key: 'north',
        legend: 'Soviet occupation 1945, north from Petropavlovsk-Kamchatsky, 18–31 Aug: schematic route',
      },
      {
        key: 'south',
        legend: 'Soviet occupation 1945, south from Otomari (Korsakov), 28 Aug – 5 Sep: schematic route',
      },
    ],
    year: 1945,
    revealable: true,
  },
  'renounced-1951': {
    dataset: 'renounced-1951',
    legend:
      'Kurile Islands renounced by Japan, 1951 (the USSR did not sign). Whether they include the four southern groups is disputed: Japan says not, Russia says so',
    year: 1951,
  },
  'offer-1956': {
    dataset: 'offer-1956',
    legend: '1956 declaration: to be handed over after a peace treaty (blue); not included (grey)',
    year: 1956,
  },
  'missiles-2016': { dataset: 'missiles-2016', legend: 'Missile reach, 2016', year: 2016 },
  distances: {
    dataset: 'distances',
    legend: "Distances: official = Japan's government figure; measured = on this map's coastline data",
  },
} as const satisfies Record<string, StoryLayerDefinition>;

export type StoryLayerId = keyof typeof STORY_LAYERS;

export const STORY_LAYER_IDS = Object.keys(STORY_LAYERS) as StoryLayerId[];

/** The years of the history, in order, each with the layer that shows it. */
export const TIMELINE = STORY_LAYER_IDS.flatMap((id) => {
  const year = (STORY_LAYERS[id] as StoryLayerDefinition).year;
  return year === undefined ? [] : [{ year, layer: id }];
}).sort((a, b) => a.year - b.year);

export const REVEALABLE_LAYER_IDS = STORY_LAYER_IDS.filter(
  (id) => (STORY_LAYERS[id] as StoryLayerDefinition).revealable === true,
);

export function isStoryLayerId(value: string): value is StoryLayerId {
  return Object.hasOwn(STORY_LAYERS, value);
}
