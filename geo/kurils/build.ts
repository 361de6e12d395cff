/**
 * `npm run geo`: fetch the pinned OSM source (cached in geo/.cache), build every dataset, validate, and
 * write geo/kurils/out. `npm run geo -- --check` builds in memory and fails naming each stale file.
 */
import { join } from 'node:path';
import { REGION_BBOX } from './config.ts';
import { PipelineError, PipelineErrors } from './errors.ts';
import { buildAll } from './pipeline.ts';
import { OUT_DIR } from './schema.ts';
import { ensureSource, readSourceRegion } from './source.ts';
import { loadWorldTopologies } from './world.ts';
import { gzipSize, staleFiles, writeOutputs } from '../tools/write.ts';

const CACHE_DIR = join(import.meta.dirname, '.cache');

async function main(args: readonly string[]): Promise<number> {
  const check = args.includes('--check');
  const started = Date.now();
  const source = await readSourceRegion(ensureSource(CACHE_DIR), REGION_BBOX);
  const { files } = buildAll(source, loadWorldTopologies());
  if (check) {
    const stale = staleFiles(OUT_DIR, files);
    for (const s of stale) process.stderr.write(`geo --check: stale geo/kurils/out/${s}\n`);
    if (stale.length > 0) {
      process.stderr.write('geo --check: run `npm run geo` and commit geo/kurils/out\n');
      return 1;
    }
    process.stdout.write(
      `geo --check: ${files.size} files up to date (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
    );
    return 0;
  }
  const written = writeOutputs(OUT_DIR, files);
  let raw = 0;
  let gz = 0;
  for (const [name, text] of files) {
    const bytes = Buffer.byteLength(text);
    const zipped = gzipSize(text);
    raw += bytes;
    gz += zipped;
    process.stdout.write(
      `${written.includes(name) ? 'wrote ' : 'same  '} geo/kurils/out/${name.padEnd(24)} ${String(bytes).padStart(8)} B  ${String(zipped).padStart(7)} B gzip\n`,
    );
  }
  process.stdout.write(`total ${raw} B, ${gz} B gzip; ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof PipelineErrors || error instanceof PipelineError)
      process.stderr.write(`geo: build stopped\n${error.message}\n`);
    else process.stderr.write(`geo: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
