/**
 * `npm start` (`--build`: build first) and `npm run present` (`--present`): serves dist/ (every
 * story: the default at `/`, the others at `/<slug>/`) on this machine with no network, on port 4173 when it is free (else any free port), and prints the
 * address. The server lives in this process, which stops on Ctrl+C, on SIGTERM, and when the
 * npm process that started it is stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { startPreview, type Preview } from './preview.ts';

const PORT = 4173;
const args = new Set(process.argv.slice(2));

let child: ChildProcess | undefined;
let preview: Preview | undefined;
const stop = () => {
  child?.kill('SIGTERM');
  void (preview?.stop() ?? Promise.resolve()).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('SIGHUP', stop);
// npm passes a SIGTERM to the shell that runs this script, not to this process: when that
// parent is gone (this process is adopted), stop as well rather than serve on unowned.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && stop(), 500).unref();

try {
  if (args.has('--build')) await build();
  preview = await startPreview('dist', { port: PORT });
  if (args.has('--present')) {
    console.log(`Presenting from dist/ (no network needed): ${preview.origin}/?present`);
    for (const path of preview.stories) console.log(`  and ${preview.origin}${path}?present`);
    console.log('Keys: → or PageDown next, ← or PageUp back, f fullscreen, s speaker view, Esc back to scrolling.');
  } else {
    console.log(`The story is served at ${preview.origin}/ (Ctrl+C stops it)`);
    for (const path of preview.stories) console.log(`  and another at ${preview.origin}${path}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

/** `npm run build`, as a child this process stops with it. */
function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { stdio: 'inherit' });
    child.on('exit', (code, signal) => {
      child = undefined;
      if (code === 0) resolve();
      else reject(new Error(signal ? `build stopped (${signal})` : 'build failed: the story is not served'));
    });
  });
}
