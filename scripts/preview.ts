/**
/**
 * Serves a built site for the scripts that drive a browser against it (bench, lighthouse,
 * screenshots) or serve it to a reader (`npm start`, `npm run present`): in this process, on the
 * port asked for when it is free, else on any free one (so a stray server on a port is never reused).
 * The site is the default story at the root and each other story in its folder (scripts/build.ts).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startStaticServer } from './static-server.ts';

export interface Preview {
  origin: string;
  /** The paths of the other stories the site holds (`/<slug>/`), beside the default at `/`. */
  stories: string[];
  stop(): Promise<void>;
}

export interface PreviewOptions {
  port?: number;
  /**
   * Send text files gzip-compressed, as any real host does, so that measured transfer sizes and
   * times over a throttled network are a reader's. Serves a compressed copy of the folder made in
   * the system's temporary folder; the build itself is left as it is.
   */
  gzip?: boolean;
}

/** Files a host compresses; fonts and images are compressed already. */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.svg',
  '.json',
  '.geojson',
  '.txt',
  '.webmanifest',
  '.xml',
]);

export async function startPreview(outDir: string, { port = 0, gzip = false }: PreviewOptions = {}): Promise<Preview> {
  if (!existsSync(`${outDir}/index.html`)) {
    throw new Error(`No build in ${outDir}/: run \`npm run build\` first.`);
  }
  const stories = readdirSync(outDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(outDir, entry.name, 'index.html')))
    .map((entry) => `/${entry.name}/`);
  const dir = gzip ? compressedCopyOf(outDir) : outDir;
  const server = await startStaticServer({ mounts: [{ prefix: '/', dir, precompressed: gzip }], port });
  return {
    origin: server.origin,
    stories,
    stop: async () => {
      await server.close();
      if (dir !== outDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function compressedCopyOf(outDir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'preview-gzip-'));
  cpSync(outDir, copy, { recursive: true });
  for (const entry of readdirSync(copy, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.has(extname(entry.name))) continue;
    const file = join(entry.parentPath, entry.name);
    const original = readFileSync(file);
    const compressed = gzipSync(original, { level: 9 });
    if (compressed.length < original.length) writeFileSync(`${file}.gz`, compressed);
  }
  return copy;
}
