/**
 * The registry of a story's map: its datasets and story layers, as declared in the story folder's
 * `layers.yaml` and checked at build time (src/build/story/layers-file.ts). Plain data, no MapLibre:
 * the story validator, the legend and the timeline read it; the map's MapLibre layers, built from the
 * same file, travel separately with the map (see `StoryMapStyle`).
 *
 * A *dataset* is one GeoJSON file. A *story layer* is what a step switches on, off or mutes; it draws
 * one dataset (optionally a filtered part of it) with one or more MapLibre layers.
 */
export interface DatasetEntry {
  readonly id: string;
  /** Drawn on every step (the basemap); steps cannot switch it off. */
  readonly basemap: boolean;
  /** Plain text, e.g. `© OpenStreetMap contributors`. */
  readonly attribution: string;
  /** Where the attribution links to. */
  readonly attributionUrl?: string;
  /** The step's `highlight` can outline its features. */
  readonly highlight: boolean;
  /** The box the data was cut to: outlines along its edges are no coast, and still maps leave them out. */
  readonly cutTo?: readonly [west: number, south: number, east: number, north: number];
}

/** A legend swatch, derived from the layer's own drawing: an area, a line or a dot. */
export interface Swatch {
  readonly kind: 'area' | 'line' | 'dot';
  readonly fill?: string;
  readonly stroke?: string;
  /** Dash pattern in line widths (MapLibre's unit), for a dashed line or outline. */
  readonly dash?: readonly number[];
}

export interface StoryLayerEntry {
  readonly id: string;
  /** Dataset the layer draws. */
  readonly dataset: string;
  /** What the legend calls it. */
  readonly legend: string;
  readonly swatch: Swatch;
  /** Legend entries of a layer that draws distinct things, each with its own swatch and label. */
  readonly parts?: readonly { readonly key: string; readonly legend: string; readonly swatch: Swatch }[];
  /** The year on the timeline rail, for layers that show one moment of the history. */
  readonly year?: number;
  /** The layer can draw itself in step with the reader's progress (a step's `reveal`). */
  readonly revealable: boolean;
}

export interface LayerRegistry {
  readonly datasets: readonly DatasetEntry[];
  readonly layers: readonly StoryLayerEntry[];
}

export function storyLayer(registry: LayerRegistry, id: string): StoryLayerEntry | undefined {
  return registry.layers.find((layer) => layer.id === id);
}

/** Datasets drawn on every step. */
export function basemapDatasets(registry: LayerRegistry): string[] {
  return registry.datasets.filter((d) => d.basemap).map((d) => d.id);
}

/** The years of the history, in order, each with the layer that shows it. */
export function timelineOf(registry: LayerRegistry): { year: number; layer: string }[] {
  return registry.layers
    .flatMap(({ id, year }) => (year === undefined ? [] : [{ year, layer: id }]))
    .sort((a, b) => a.year - b.year);
}

export function revealableLayerIds(registry: LayerRegistry): string[] {
  return registry.layers.filter((layer) => layer.revealable).map((layer) => layer.id);
}

/** The datasets' credits, each once, in order of first mention, with the first link given for it. */
export function creditsOf(datasets: readonly DatasetEntry[]): { text: string; url?: string }[] {
  const byText = new Map<string, { text: string; url?: string }>();
  for (const { attribution: text, attributionUrl: url } of datasets) {
    const known = byText.get(text);
    if (known === undefined) byText.set(text, url === undefined ? { text } : { text, url });
    else if (known.url === undefined && url !== undefined) known.url = url;
  }
  return [...byText.values()];
}

/** The datasets' attributions, each once, in order of first mention: what a picture of the map credits. */
export function attributionsOf(datasets: readonly DatasetEntry[]): string[] {
  return [...new Set(datasets.map((d) => d.attribution))];
}
