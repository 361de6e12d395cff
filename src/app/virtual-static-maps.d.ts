/** Each step's map as an SVG picture in two shapes, by step id (src/build/static-map/vite-plugin-static-maps.ts). */
declare module 'virtual:static-maps' {
  const urls: Record<string, { wide: string; narrow: string }>;
  export default urls;
}
