/**
 * `npm run dev`: every story of story/ in one dev server, as the build lays them out: the default
 * story (story/stories.yaml) at `/`, each other one at `/<slug>/`. Each story has its own Vite dev
 * server in middleware mode (its own story, still maps and error overlay) at its base path, all on
 * one port; their hot-reload sockets share it, each at its own base.
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createServer, mergeConfig, type ViteDevServer } from 'vite';
import { readStories, storyFolder, type StoryFolder } from '../src/build/story/folders.ts';
import { storyConfig } from '../vite.config.ts';

const PORT = 5173;
const root = resolve(import.meta.dirname, '..');
const extraDirs = process.argv.flatMap((arg, i) => (arg === '--with' ? [process.argv[i + 1] ?? ''] : []));

const stories = readStories(root);
const others = [...stories.all.filter((s) => s !== stories.default), ...extraDirs.map((dir) => storyFolder(root, dir))];
const http = createHttpServer();

async function devServer(story: StoryFolder, base: string): Promise<ViteDevServer> {
  return createServer(
    mergeConfig(storyConfig({ story }, { command: 'serve', mode: 'development' }), {
      configFile: false,
      base,
      appType: 'spa',
      server: { middlewareMode: true, ws: { server: http } },
    }),
  );
}

// Longest base first: /<slug>/ before /.
const mounted: Array<{ base: string; vite: ViteDevServer }> = [];
for (const story of others) mounted.push({ base: `/${story.slug}/`, vite: await devServer(story, `/${story.slug}/`) });
mounted.push({ base: '/', vite: await devServer(stories.default, '/') });

http.on('request', (request: IncomingMessage, response: ServerResponse) => {
  const { pathname: path, search } = new URL(request.url ?? '/', 'http://any');
  // `/<slug>` without its slash would resolve the page's relative URLs one folder up.
  const bare = mounted.find((m) => m.base !== '/' && path === m.base.slice(0, -1));
  if (bare) {
    response.writeHead(301, { Location: `${bare.base}${search}` }).end();
    return;
  }
  const target = mounted.find((m) => path.startsWith(m.base))!;
  target.vite.middlewares(request, response, () => response.writeHead(404).end('not found'));
});

const port = await new Promise<number>((resolve, reject) => {
  const listen = (at: number) => {
    http.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' && at !== 0) listen(0);
      else reject(error);
    });
    http.listen(at, '127.0.0.1', () => resolve((http.address() as AddressInfo).port));
  };
  listen(PORT);
});

const stop = () => {
  void Promise.all(mounted.map((m) => m.vite.close())).then(() => {
    http.closeAllConnections();
    http.close(() => process.exit(0));
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const origin = `http://127.0.0.1:${port}`;
console.log(`Dev server (Ctrl+C stops it):`);
console.log(`  ${origin}/  ${stories.default.slug} (the default story)`);
for (const story of others) console.log(`  ${origin}/${story.slug}/  ${story.slug}`);
