/**
 * Everything heavy the map needs, in one lazily loaded chunk: maplibre-gl, its worker, the label
 * fonts, the story's map style and its data. The story text never waits for this module; the module
 * itself resolves once the data files (fetched in parallel as soon as it loads) are in.
 */
import { Map as MapLibreMap, setWorkerUrl, type PaddingOptions } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { GeoJSON } from 'geojson';
import { fontFaces } from 'virtual:map-fonts';
import { data as dataUrls, style as storyStyle } from 'virtual:story-map';
import { buildStyle } from '../../shared/map/style.ts';
import type { CameraTarget } from '../../shared/map/camera.ts';

// Against this module, not the page: in an embed the page is the host's (and dev URLs are root-relative).
const absolute = (url: string) => new URL(url, import.meta.url).href;

async function fetchData(url: string): Promise<Record<string, GeoJSON>> {
  const response = await fetch(absolute(url));
  if (!response.ok) throw new Error(`map data: ${response.status} ${response.statusText} for ${url}`);
  return (await response.json()) as Record<string, GeoJSON>;
}

/** Every dataset by id, from all the data files. */
const data: Record<string, GeoJSON> = Object.assign({}, ...(await Promise.all(dataUrls.map(fetchData))));

export type { MapLibreMap };

export interface CreateMapOptions {
  container: HTMLElement;
  initial: CameraTarget;
  padding: PaddingOptions;
}

export function createMap({ container, initial, padding }: CreateMapOptions): MapLibreMap {
  setWorkerUrl(absolute(workerUrl));
  const map = new MapLibreMap({
    container,
    style: buildStyle({ map: storyStyle, data, fontFaces }),
    center: initial.center,
    zoom: initial.zoom,
    bearing: initial.bearing,
    pitch: initial.pitch,
    // The story drives the camera; the page keeps its scroll and pinch-zoom.
    interactive: false,
    attributionControl: false,
    maplibreLogo: false,
    fadeDuration: 0,
    canvasContextAttributes: { preserveDrawingBuffer: false },
  });
  map.setPadding(padding);
  return map;
}
