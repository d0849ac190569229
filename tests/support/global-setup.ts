import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePorts, type LocalEndpoints, startLocalStack, UNLIMITED_FILING } from '../../lib/local/stack';

declare module 'vitest' {
  export interface ProvidedContext {
    endpoints: LocalEndpoints;
  }
}

/** The built portal (`npm run build:web`, into WEB_OUT_DIR if set), which the browser tests' stack serves. */
const PORTAL_DIR = resolve(import.meta.dirname, '..', '..', 'web', process.env.WEB_OUT_DIR ?? 'dist');

/**
 * Starts the whole local stack once per test run, on free ports, in memory, and stops it after;
 * for the browser tests, with the built portal.
 */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'finestreta-test-'));
  const stack = await startLocalStack({
    // The browser tests change the catalogue through administration, then use it at once.
    ...(project.name === 'browser' ? { portalDir: PORTAL_DIR, catalogueCacheSeconds: 0 } : {}),
    dataDir,
    inMemory: true,
    ports: await freePorts(),
    meter: true,
    functionLogLevel: 'WARN',
    filingLimits: UNLIMITED_FILING,
    schedules: false,
  });
  project.provide('endpoints', stack.endpoints);
  return async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
