/**
 * Serves a built folder with `vite preview` on a port of its own, for the scripts that drive a
 * browser against the production build (bench, screenshots).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Preview {
  origin: string;
  stop(): void;
}

export async function startPreview(outDir: string, port: number): Promise<Preview> {
  if (!existsSync(`${outDir}/index.html`)) {
    throw new Error(`No build in ${outDir}/: run \`npm run build\` first.`);
  }
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      stdio: 'ignore',
    },
  );
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(origin)).ok) return { origin, stop: () => server.kill() };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error(`vite preview did not start on ${origin}`);
}
