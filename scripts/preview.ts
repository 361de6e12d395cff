/**
 * Serves a built folder for the scripts that drive a browser against it (bench, screenshots) or
 * serve it to a reader (`npm start`, `npm run present`): in this process, on the port asked for
 * when it is free, else on any free one (so a stray server on a port is never reused).
 */
import { existsSync } from 'node:fs';
import { startStaticServer } from './static-server.ts';

export interface Preview {
  origin: string;
  stop(): Promise<void>;
}

export async function startPreview(outDir: string, port = 0): Promise<Preview> {
  if (!existsSync(`${outDir}/index.html`)) {
    throw new Error(`No build in ${outDir}/: run \`npm run build\` first.`);
  }
  const server = await startStaticServer({ mounts: [{ prefix: '/', dir: outDir }], port });
  return { origin: server.origin, stop: () => server.close() };
}
