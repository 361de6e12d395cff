/**
 * A static file server for built folders, in this process (so stopping the process stops it), on
 * a port chosen when it starts: the given one if free, else any free one. Used by `npm start`,
 * `npm run present`, the bench, the screenshots and the end-to-end tests.
 */
import { statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/** A build's hashed files (`assets/` of any story's folder): their names change with their content. */
const HASHED_ASSET = /(^|\/)assets\//;
const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface Mount {
  /** URL path prefix, with slashes at both ends: `/`, `/graphics/2016/kurils/`. */
  prefix: string;
  dir: string;
  /** Extra response headers for everything under this mount (e.g. a Content-Security-Policy). */
  headers?: Record<string, string>;
  /** Serve `<file>.gz` beside a file, when there is one, to browsers that accept gzip (as a real host compresses). */
  precompressed?: boolean;
}

export interface StaticServer {
  /** `http://<host>:<port>`, no trailing slash. */
  origin: string;
  port: number;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  mounts: Mount[];
  /** Port to try first; 0 or taken means any free port. */
  port?: number;
  /** The name the origin is given (the socket always listens on 127.0.0.1). */
  hostname?: string;
}

export async function startStaticServer({
  mounts,
  port = 0,
  hostname = '127.0.0.1',
}: StaticServerOptions): Promise<StaticServer> {
  // Longest prefix first, so /graphics/2016/kurils/ wins over /.
  const ordered = [...mounts]
    .sort((a, b) => b.prefix.length - a.prefix.length)
    .map((mount) => ({
      ...mount,
      serve: sirv(mount.dir, {
        dev: true,
        etag: true,
        gzip: mount.precompressed ?? false,
        setHeaders: (response, pathname) => {
          // As the README asks of a host: hashed files are kept for good, the rest asked again.
          if (HASHED_ASSET.test(pathname)) response.setHeader('Cache-Control', IMMUTABLE);
        },
      }),
    }));

  const server = createServer((request, response) => {
    const mount = ordered.find((m) => pathOf(request).startsWith(m.prefix));
    if (!mount) {
      response.writeHead(404).end('not found');
      return;
    }
    for (const [name, value] of Object.entries(mount.headers ?? {})) response.setHeader(name, value);
    // sirv serves paths relative to its folder: strip the mount's prefix (keep the leading slash).
    const path = pathOf(request).slice(mount.prefix.length - 1);
    // A story's folder without its slash (`/other-story`) would resolve its page's relative URLs
    // one folder up: send the browser to the folder itself.
    if (!path.endsWith('/') && statSync(join(mount.dir, path), { throwIfNoEntry: false })?.isDirectory()) {
      response.writeHead(301, { Location: `${pathOf(request)}/${new URL(request.url!, 'http://any').search}` }).end();
      return;
    }
    request.url = request.url!.slice(mount.prefix.length - 1);
    mount.serve(request, response, () => {
      response.writeHead(404).end('not found');
    });
  });

  const listening = await listen(server, port).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE' && port !== 0) return listen(server, 0);
    throw error;
  });
  return {
    origin: `http://${hostname}:${listening}`,
    port: listening,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Browsers keep connections open: end them, or close() waits for them.
        server.closeAllConnections();
      }),
  };
}

function pathOf(request: IncomingMessage): string {
  return new URL(request.url ?? '/', 'http://any').pathname;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
