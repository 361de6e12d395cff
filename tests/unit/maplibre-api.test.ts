/**
 * Contract: the MapLibre methods the app calls still exist, so an upgrade that renames one fails
 * here by name instead of as a blank map.
 */
import { describe, expect, it } from 'vitest';
import * as maplibre from 'maplibre-gl';

const MAP_METHODS = [
  'flyTo',
  'easeTo',
  'jumpTo',
  'cameraForBounds',
  'setPaintProperty',
  'setLayoutProperty',
  'getLayoutProperty',
  'getPaintProperty',
  'setFilter',
  'getFilter',
  'setPadding',
  'getPadding',
  'getStyle',
  'getCanvas',
  'getContainer',
  'getCenter',
  'getZoom',
  'getBearing',
  'getPitch',
  'project',
  'isMoving',
  'loaded',
  'areTilesLoaded',
  'addControl',
  'once',
  'on',
  'remove',
] as const;

describe('maplibre-gl API used by the app', () => {
  it.each(MAP_METHODS)('Map.prototype.%s exists', (method) => {
    expect(typeof (maplibre.Map.prototype as unknown as Record<string, unknown>)[method]).toBe('function');
  });

  it('exports the worker entry point', () => {
    expect(typeof maplibre.setWorkerUrl).toBe('function');
  });
});
