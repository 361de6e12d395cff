/**
 * `npm run geo [-- --check]`: every story's data pipeline in turn (geo/<story>/build.ts), in the order a
 * pipeline's inputs need (the treaty story groups the Kuril pipeline's land). The first failure stops.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const PIPELINES = ['kurils', 'treaties'];

for (const name of PIPELINES) {
  const script = join(import.meta.dirname, name, 'build.ts');
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
