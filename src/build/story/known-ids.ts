/**
 * Node only: the feature ids the story may use, read from the story's built datasets (e.g. `geo/<slug>/out`).
 * Dataset id = file name without `.geojson`; feature id = `properties.id`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { bbox } from '@turf/bbox';
import type { AllGeoJSON } from '@turf/helpers';
import { BASEMAP_DATASETS, DATASET_IDS, type DatasetId } from '../../shared/story/layers.ts';
import { unionBounds } from './resolve.ts';
import type { Bounds, KnownFeature, KnownIds } from '../../shared/story/types.ts';

const isDatasetId = (value: string): value is DatasetId => (DATASET_IDS as readonly string[]).includes(value);

/** Absolute paths of the `.geojson` files in `dir`, sorted; none if the folder does not exist yet. */
export function geoFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.geojson'))
    .sort()
    .map((name) => join(dir, name));
}

export function loadKnownIds(dir: string): KnownIds {
  const found = new Map<string, { datasets: DatasetId[]; boxes: Bounds[] }>();
  for (const file of geoFiles(dir)) {
    const dataset = basename(file, '.geojson');
    // Other files (drafts, extra outputs) are not in the registry, so no layer could show them.
    if (!isDatasetId(dataset)) continue;
    for (const feature of readFeatures(file)) {
      const id: unknown = feature.properties?.['id'];
      if (typeof id !== 'string' || feature.geometry === null) continue;
      const entry = found.get(id) ?? { datasets: [], boxes: [] };
      if (!entry.datasets.includes(dataset)) entry.datasets.push(dataset);
      entry.boxes.push(toBounds(bbox(feature as AllGeoJSON)));
      found.set(id, entry);
    }
  }
  const features = new Map<string, KnownFeature>();
  for (const [id, { datasets, boxes }] of found) {
    // An id in several datasets (an island and its label) belongs to the story-layer dataset, so a
    // highlight asks for that layer to be shown; the frame covers every part.
    const dataset = datasets.find((d) => !BASEMAP_DATASETS.includes(d)) ?? datasets[0];
    if (dataset !== undefined) features.set(id, { dataset, bbox: unionBounds(boxes) });
  }
  return { features };
}

interface Feature {
  properties?: Record<string, unknown> | null;
  geometry: unknown;
}

function readFeatures(file: string): Feature[] {
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof json !== 'object' || json === null || !('features' in json) || !Array.isArray(json.features)) {
    throw new Error(`${file}: not a GeoJSON FeatureCollection`);
  }
  return json.features as Feature[];
}

function toBounds(box: readonly number[]): Bounds {
  // 3D boxes are [w, s, minZ, e, n, maxZ].
  const [w = 0, s = 0, e = 0, n = 0] = box.length === 6 ? [box[0], box[1], box[3], box[4]] : box;
  return [w, s, e, n];
}
