/**
 * The end-to-end tests' servers, started by Playwright's global setup on free ports chosen at run
 * time (a stray server on a fixed port is never mistaken for ours):
 * - the story: the e2e build at `/` on 127.0.0.1 (the default story at `/`, the fixture story of
 *   tests/fixtures/hokkaido-cities at `/hokkaido-cities/`);
 * - a newsroom's site on another *site* (`localhost`, not another port of 127.0.0.1, which a
 *   browser counts as the same site): the host pages of tests/e2e/host at `/host/`, and a copy of
 *   the e2e build under a base path, `/graphics/2016/kurils/`, as a newsroom's CDN folder serves it.
 * Their origins reach the tests as environment variables (see `storyOrigin`, `hostOrigin`).
 */
import { resolve } from 'node:path';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';

const root = resolve(import.meta.dirname, '../..');
export const E2E_BUILD = resolve(root, 'dist-e2e');
const HOST_PAGES = resolve(root, 'tests/e2e/host');

export async function startTestServers(): Promise<StaticServer[]> {
  // The in-page embed fetches its modules, styles, fonts and data with CORS: the README's header.
  const story = await startStaticServer({
    mounts: [{ prefix: '/', dir: E2E_BUILD, headers: { 'Access-Control-Allow-Origin': '*' } }],
  });
  const host = await startStaticServer({
    hostname: 'localhost',
    mounts: [
      { prefix: '/host/', dir: HOST_PAGES },
      { prefix: '/graphics/2016/kurils/', dir: E2E_BUILD },
    ],
  });
  process.env.E2E_STORY_ORIGIN = story.origin;
  process.env.E2E_HOST_ORIGIN = host.origin;
  return [story, host];
}

/** The story's origin (`http://127.0.0.1:<port>`), set by the global setup. */
export function storyOrigin(): string {
  return required('E2E_STORY_ORIGIN');
}

/** The newsroom site's origin (`http://localhost:<port>`): another site than the story's. */
export function hostOrigin(): string {
  return required('E2E_HOST_ORIGIN');
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the e2e servers start in tests/e2e/global-setup.ts`);
  return value;
}
