/**
 * Serves a built site for the scripts that drive a browser against it (bench, screenshots) or
 * serve it to a reader (`npm start`, `npm run present`): in this process, on the port asked for
 * when it is free, else on any free one (so a stray server on a port is never reused). The site is
 * the default story at the root and each other story in its folder (scripts/build.ts).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startStaticServer } from './static-server.ts';

export interface Preview {
  origin: string;
  /** The paths of the other stories the site holds (`/<slug>/`), beside the default at `/`. */
  stories: string[];
  stop(): Promise<void>;
}

export async function startPreview(outDir: string, port = 0): Promise<Preview> {
  if (!existsSync(`${outDir}/index.html`)) {
    throw new Error(`No build in ${outDir}/: run \`npm run build\` first.`);
  }
  const stories = readdirSync(outDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(outDir, entry.name, 'index.html')))
    .map((entry) => `/${entry.name}/`);
  const server = await startStaticServer({ mounts: [{ prefix: '/', dir: outDir }], port });
  return { origin: server.origin, stories, stop: () => server.close() };
}
