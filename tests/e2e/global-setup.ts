/** Starts the e2e servers (tests/e2e/servers.ts) before any test and stops them after the last. */
import { existsSync } from 'node:fs';
import { E2E_BUILD, startTestServers } from './servers.ts';

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(`${E2E_BUILD}/index.html`)) {
    throw new Error('No e2e build in dist-e2e/: run `npm run build:e2e` first (`npm test` does both).');
  }
  const servers = await startTestServers();
  return async () => {
    await Promise.all(servers.map((server) => server.close()));
  };
}
