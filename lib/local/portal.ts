import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

/** What the portal reads at start (`/config.json`), as CloudFront serves it beside the site in AWS. */
export interface PortalConfig {
  readonly apiUrl: string;
  readonly cognito: { readonly endpoint: string; readonly clientId: string; readonly region: string };
}

export interface PortalOptions {
  readonly port: number;
  /** The built site (`web/dist`). */
  readonly dir: string;
  readonly config: PortalConfig;
  /** The security headers CloudFront adds in AWS (lib/site-headers.ts). */
  readonly headers: Readonly<Record<string, string>>;
}

export interface Portal {
  readonly url: string;
  stop(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The local stand-in for CloudFront in front of the portal's bucket: the built files, the
 * generated `config.json`, every path that is not a file answered with `index.html` (the
 * single-page app routes it), hashed assets cached long and the rest not at all, and the same
 * security headers as the distribution.
 */
export async function startPortal(options: PortalOptions): Promise<Portal> {
  const root = resolve(options.dir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) throw new Error(`No built portal in ${root}: run npm run build:web`);
  const config = JSON.stringify(options.config);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://portal').pathname);
    const send = (status: number, type: string, body: string | Buffer, cache: string) => {
      response.writeHead(status, { ...options.headers, 'content-type': type, 'cache-control': cache });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(405, TYPES['.txt'] as string, '', 'no-store');
    if (path === '/config.json') return send(200, TYPES['.json'] as string, config, 'no-cache');
    // Never outside the site: a path that normalizes above the root is the page, like any other route.
    const file = normalize(join(root, path));
    const inside = file.startsWith(`${root}/`) && existsSync(file) && statSync(file).isFile();
    if (!inside) return send(200, TYPES['.html'] as string, readFileSync(index), 'no-cache');
    const hashed = path.startsWith('/assets/');
    send(
      200,
      TYPES[extname(file)] ?? 'application/octet-stream',
      readFileSync(file),
      hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
  });
  await new Promise<void>((done) => server.listen(options.port, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((done) => server.close(() => done())),
  };
}
