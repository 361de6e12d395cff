/**
 * Everything heavy the map needs, in one lazily loaded chunk: maplibre-gl, its worker, the label
 * fonts and the data URLs. The story text never waits for this module.
 */
import { Map as MapLibreMap, setWorkerUrl, type PaddingOptions } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { fontFaces } from 'virtual:map-fonts';
import type { DatasetId } from '../../shared/story/layers.ts';
import { buildStyle } from '../../shared/map/style.ts';
import type { CameraTarget } from '../../shared/map/camera.ts';
import world from '../../../geo/kurils/out/world.geojson?url';
import borders from '../../../geo/kurils/out/borders.geojson?url';
import land from '../../../geo/kurils/out/land.geojson?url';
import coast from '../../../geo/kurils/out/coast.geojson?url';
import sea from '../../../geo/kurils/out/sea.geojson?url';
import labels from '../../../geo/kurils/out/labels.geojson?url';
import places from '../../../geo/kurils/out/places.geojson?url';
import border1855 from '../../../geo/kurils/out/border-1855.geojson?url';
import border1875 from '../../../geo/kurils/out/border-1875.geojson?url';
import occupation1945 from '../../../geo/kurils/out/occupation-1945.geojson?url';
import renounced1951 from '../../../geo/kurils/out/renounced-1951.geojson?url';
import offer1956 from '../../../geo/kurils/out/offer-1956.geojson?url';
import missiles2016 from '../../../geo/kurils/out/missiles-2016.geojson?url';
import distances from '../../../geo/kurils/out/distances.geojson?url';

const DATA_URLS: Record<DatasetId, string> = {
  world,
  borders,
  land,
  coast,
  sea,
  labels,
  places,
  'border-1855': border1855,
  'border-1875': border1875,
  'occupation-1945': occupation1945,
  'renounced-1951': renounced1951,
  'offer-1956': offer1956,
  'missiles-2016': missiles2016,
  distances,
};

// Against this module, not the page: in an embed the page is the host's (and dev URLs are root-relative).
const absolute = (url: string) => new URL(url, import.meta.url).href;

export type { MapLibreMap };

export interface CreateMapOptions {
  container: HTMLElement;
  initial: CameraTarget;
  padding: PaddingOptions;
}

export function createMap({ container, initial, padding }: CreateMapOptions): MapLibreMap {
  setWorkerUrl(absolute(workerUrl));
  const dataUrls = Object.fromEntries(Object.entries(DATA_URLS).map(([id, url]) => [id, absolute(url)])) as Record<
    DatasetId,
    string
  >;
  const map = new MapLibreMap({
    container,
    style: buildStyle({ dataUrls, fontFaces }),
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
