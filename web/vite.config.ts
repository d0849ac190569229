import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import type { PortalConfig } from './src/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const endpointsFile = fileURLToPath(new URL('../.local/endpoints.json', import.meta.url));

/**
 * `npm run dev:web` only: serves `/config.json` from the endpoints `npm start` wrote, read on
 * each request so a restarted stack (new ports, new pool) needs no restart here. Built sites get
 * their config.json from the local stack or from CDK.
 */
function localConfig(): Plugin {
  return {
    name: 'finestreta-local-config',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/config.json', async (_req, res) => {
        try {
          const endpoints = JSON.parse(await readFile(endpointsFile, 'utf8'));
          const body: PortalConfig = {
            apiUrl: endpoints.apiUrl,
            cognito: {
              endpoint: endpoints.services.cognito,
              clientId: endpoints.userPoolClientId,
              region: endpoints.region,
            },
          };
          res.setHeader('Content-Type', 'application/json');
          res.setHeader('Cache-Control', 'no-store');
          res.end(JSON.stringify(body));
        } catch {
          res.statusCode = 503;
          res.setHeader('Content-Type', 'text/plain; charset=utf-8');
          res.end('No .local/endpoints.json: start the local stack with `npm start` first.');
        }
      });
    },
  };
}

export default defineConfig({
  root,
  // The local API's CORS allows exactly this origin.
  server: { port: 5173, strictPort: true, host: 'localhost' },
  preview: { port: 5173, strictPort: true, host: 'localhost' },
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: true }), localConfig()],
  build: {
    // WEB_OUT_DIR: a build of its own (parallel test runs); npm start and CDK use dist.
    outDir: process.env.WEB_OUT_DIR ?? 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Each screen is its own chunk (dynamic imports in src/routes.ts); budgets in the README.
    reportCompressedSize: true,
    sourcemap: true,
  },
});
