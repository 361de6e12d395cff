/**
 * Whether this browser can give the map a WebGL context at all. Asked before the map library is
 * fetched: without WebGL the page shows still pictures and never downloads MapLibre.
 */
export function webglAvailable(doc: Document = document): boolean {
  try {
    const canvas = doc.createElement('canvas');
    const context = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    // Hand the probe's context back at once: browsers allow only a few at a time.
    context?.getExtension('WEBGL_lose_context')?.loseContext();
    return context !== null;
  } catch {
    return false;
  }
}
