/**
 * Node only: the ids a story may use, read from its folder: the story layers and datasets its
 * `layers.yaml` declares, and the feature ids (`properties.id`) of those datasets.
 */
import { bbox } from '@turf/bbox';
import type { AllGeoJSON } from '@turf/helpers';
import { basemapDatasets } from '../../shared/story/layers.ts';
import { formatErrors } from '../../shared/story/errors.ts';
import { loadStoryLayers, type StoryLayers } from './layers-file.ts';
import { unionBounds } from './resolve.ts';
import type { Bounds, KnownFeature, KnownIds } from '../../shared/story/types.ts';

export function knownIds({ registry, collections }: Pick<StoryLayers, 'registry' | 'collections'>): KnownIds {
  const basemap = basemapDatasets(registry);
  const found = new Map<string, { datasets: string[]; boxes: Bounds[] }>();
  for (const { id: dataset } of registry.datasets) {
    for (const feature of collections.get(dataset)?.features ?? []) {
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
    const dataset = datasets.find((d) => !basemap.includes(d)) ?? datasets[0];
    if (dataset !== undefined) features.set(id, { dataset, bbox: unionBounds(boxes) });
  }
  return { features, layers: registry };
}

/** The known ids of the story in `storyDir`; throws with every problem of its layers.yaml. */
export function loadKnownIds(storyDir: string): KnownIds {
  const result = loadStoryLayers(storyDir);
  if (!result.ok) throw new Error(formatErrors(result.errors));
  return knownIds(result.layers);
}

function toBounds(box: readonly number[]): Bounds {
  // 3D boxes are [w, s, minZ, e, n, maxZ].
  const [w = 0, s = 0, e = 0, n = 0] = box.length === 6 ? [box[0], box[1], box[3], box[4]] : box;
  return [w, s, e, n];
}
