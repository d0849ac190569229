import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildOpenApiDocument } from '../../contracts/openapi';

const E2E_DIR = join(import.meta.dirname, '..', 'e2e');

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the e2e client writes the status of every answer it checked against the contract. */
    statusLog: string;
  }
}

/**
 * Documented statuses the e2e run cannot produce, each with where it is proved instead. Any
 * other documented status nobody saw fails the run: the document would promise what no test
 * shows, or a behaviour would be untested.
 */
const NOT_SEEN_IN_E2E: Record<string, string> = {
  '429':
    'API Gateway throttling is not emulated; the filing routes’ own 429 is in tests/integration/filing-limits.test.ts',
  'GET /health 503': 'needs a backing service down: tests/unit/ops/health.test.ts (probes that fail)',
};

/**
 * Compares, once every e2e file has run, the statuses each operation answered with the ones the
 * OpenAPI document lists. An undocumented status already fails the call that met it (support/api.ts).
 */
export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'finestreta-statuses-'));
  project.provide('statusLog', dir);
  return () => {
    const seen = new Set<string>();
    for (const file of readdirSync(dir)) {
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) if (line) seen.add(line);
    }
    rmSync(dir, { recursive: true, force: true });
    // Only a whole, green run says what the suite exercises; a filtered or failing one says nothing.
    const modules = project.vitest.state.getTestModules().filter((module) => module.project.name === project.name);
    const files = readdirSync(E2E_DIR).filter((file) => file.endsWith('.test.ts'));
    if (modules.length !== files.length || modules.some((module) => module.state() !== 'passed')) return;
    const document = buildOpenApiDocument();
    const unseen: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations as Record<string, { responses: object }>)) {
        for (const status of Object.keys(operation.responses)) {
          const key = `${method.toUpperCase()} ${path} ${status}`;
          if (!seen.has(key) && !NOT_SEEN_IN_E2E[status] && !NOT_SEEN_IN_E2E[key]) unseen.push(key);
        }
      }
    }
    if (unseen.length > 0) {
      // Vitest reports an error thrown here but still exits 0: fail the run explicitly.
      console.error(`\nDocumented statuses no e2e test produced:\n  ${unseen.sort().join('\n  ')}\n`);
      process.exitCode = 1;
    }
  };
}
