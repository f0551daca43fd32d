/**
 * A tiny static HTTP server for the bench pages: serves one folder on 127.0.0.1 at a free port,
 * GET only, no directory listings, nothing outside the folder.
 */
import { promises as fs } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.copydesk': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
};

/** A running server: its base URL and how to stop it. */
export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves `folder` on 127.0.0.1 (a free port); `headers` go with every file (app-bench.ts: the
 * app protocol's security headers, `RESPONSE_SECURITY_HEADERS`).
 */
export async function serveFolder(folder: string, headers: Readonly<Record<string, string>> = {}): Promise<StaticServer> {
  const base = path.resolve(folder);
  const extra = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      const file = path.resolve(base, `.${pathname}`);
      if (request.method !== 'GET' || !file.startsWith(base + path.sep)) {
        response.writeHead(request.method === 'GET' ? 404 : 405).end();
        return;
      }
      try {
        const body = await fs.readFile(file);
        response.writeHead(200, { 'cache-control': 'no-store', ...extra, 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
