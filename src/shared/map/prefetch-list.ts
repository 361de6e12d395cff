/** The id of the page's JSON block that lists the live map's files (src/build/map/vite-plugin-map-prefetch.ts). */
export const MAP_PREFETCH_ID = 'map-prefetch';
