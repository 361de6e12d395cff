/** Build-wide constants. One place, so the README and the tests quote the same numbers. */

export type BBox = readonly [west: number, south: number, east: number, north: number];

/**
 * The region cut from the OSM coastline. Wider north than the 52° so Sakhalin (to 54.4°N) is
 * whole: the 1855 and 1875 steps talk about it. world.geojson leaves out exactly this box, so the two
 * fills meet along its edges.
 */
export const REGION_BBOX: BBox = [139, 40, 160, 55];

export const SOURCE_PACKAGE = '@geo-maps/countries-coastline-1m';
export const SOURCE_VERSION = '0.6.0';
/** npm's sha1 `shasum` of the tarball; a different file stops the build. */
export const SOURCE_SHASUM = 'edfcf0820e3a1e5f22475c52cc1f555553053c54';
export const SOURCE_FILE = 'map.geo.json';

/** facts.md: 0.005° keeps area change < 1%; 0.01° distorts Habomai by +11%. */
export const SIMPLIFY_TOLERANCE_DEG = 0.005;
/**
 * Land away from the Kurils that no story frame looks at closely (the mainland coast west of Sakhalin,
 * the small islands around Sakhalin, Hokkaido's west and Honshu) starts from this tolerance, still under
 * the same area budget per polygon, so small islets keep the finer tolerance they need.
 */
export const FAR_SIMPLIFY_TOLERANCE_DEG = 0.02;
export const FAR_LAND_IDS: readonly string[] = [
  'sakhalin',
  'honshu',
  'asia-mainland',
  'other-islands-ru',
  'other-islands-jp',
];
/**
 * Area change simplification + rounding may cause on any polygon: half the 1% the issue allows, so
 * simplification eats little of the 2% the islands may differ from the MOFA reference areas.
 */
export const MAX_SIMPLIFY_AREA_CHANGE = 0.005;
/** The limit the tests hold every feature to. */
export const SIMPLIFY_AREA_LIMIT = 0.01;
/** Polygons smaller than this are dropped (none in the Kuril chain is this small). */
export const MIN_POLYGON_KM2 = 0.05;

/** Decimal places kept: 5 ≈ 1 m for region data; world context at 2 ≈ 1 km. */
export const REGION_DECIMALS = 5;
export const WORLD_DECIMALS = 2;
export const SEA_DECIMALS = 3;

/**
 * renounced-1951 is a translucent fill over the whole chain: 0.01° (≈ 1 km, a pixel at zoom 7) and 4
 * decimals, each polygon's area within 2% (small islets keep a finer tolerance). Its area figures are
 * measured on land.geojson's polygons, not on these.
 */
export const RENOUNCED_TOLERANCE_DEG = 0.01;
export const RENOUNCED_MAX_AREA_CHANGE = 0.02;
export const RENOUNCED_DECIMALS = 4;

export const MAX_TOTAL_GZIP_BYTES = 150 * 1024;

export const OSM_CREDIT = '© OpenStreetMap contributors (ODbL 1.0), via @geo-maps/countries-coastline-1m 0.6.0';
export const NE_CREDIT = 'Natural Earth 4.1 (public domain), via world-atlas 2.0.2';
export const NE_DETAIL_CREDIT =
  'Natural Earth 4.1 (public domain), via world-atlas 2.0.2: 1:110m, and 1:10m inside the East Asia box';

/**
 * world.geojson swaps Natural Earth 110m for 10m inside this box (W, S, E, N): Japan with the Ryukyus,
 * Korea, Taiwan, China east of 115°E (Beijing, Shanghai), Mongolia's east, the Russian Far East to
 * Kamchatka and the Sea of Okhotsk. The story's frames over Japan (Nagato–Tokyo at zoom ≈ 5) and over
 * Japan, Korea and China (zoom ≈ 3) look here; 110m elsewhere is fine at world zooms.
 */
export const WORLD_DETAIL_BBOX: BBox = [115, 21, 165, 60];
/** ≈ 1 pixel at zoom 6 (2 decimals ≈ 1 km); inside the OSM region `land` draws the coast instead. */
export const WORLD_DETAIL_TOLERANCE_DEG = 0.02;
/** Islands under this are under a pixel or two at the zooms `world` is drawn at. */
export const WORLD_DETAIL_MIN_KM2 = 10;
