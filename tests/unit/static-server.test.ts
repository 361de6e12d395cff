/** The in-process static server (npm start, the bench, the e2e tests) sends the headers the README asks of a host. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';

let server: StaticServer;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'static-server-'));
  for (const folder of ['assets', 'other/assets']) mkdirSync(join(dir, folder), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>story</title>');
  writeFileSync(join(dir, 'assets/map-1a2b3c.js'), 'export {};');
  writeFileSync(join(dir, 'other/assets/map-4d5e6f.js'), 'export {};');
  server = await startStaticServer({ mounts: [{ prefix: '/', dir }] });
});

afterAll(() => server.close());

describe('cache headers', () => {
  it('keeps hashed files for good, in every story’s folder', async () => {
    for (const path of ['/assets/map-1a2b3c.js', '/other/assets/map-4d5e6f.js']) {
      const response = await fetch(`${server.origin}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
  });

  it('has the page asked for again each time', async () => {
    const response = await fetch(`${server.origin}/`);
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });
});
