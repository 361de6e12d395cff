/**
 * `npm run present`: serves the built story (dist/) on this machine for a lecture, with no network,
 * and prints the address that opens it in present mode. Ctrl+C stops it.
 */
import { startPreview } from './preview.ts';

const PORT = 4173;

try {
  const preview = await startPreview('dist', PORT);
  console.log(`Presenting from dist/ (no network needed): ${preview.origin}/?present`);
  console.log('Keys: → or PageDown next, ← or PageUp back, f fullscreen, s speaker view, Esc back to scrolling.');
  const stop = () => {
    preview.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
