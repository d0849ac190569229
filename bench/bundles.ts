import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { ENV } from '../functions/platform/env';
import { FUNCTIONS } from '../functions/platform/functions';
import { esbuildOptions } from '../lib/bundling';

export interface BundleFigures {
  readonly function: string;
  readonly bytes: number;
  /** Median of fresh-process `import()` times: the module-loading share of a cold start. */
  readonly coldImportMs: number;
}

const ROOT = resolve(import.meta.dirname, '..');
const OUT_DIR = join(ROOT, 'bench', '.bundles');
const IMPORT_RUNS = 5;

/** Placeholder values: modules read configuration at import, and a cold start includes that. */
const PLACEHOLDER_ENV = Object.fromEntries(Object.values(ENV).map((name) => [name, `bench-${name.toLowerCase()}`]));

/** Bundles every function exactly as CDK does and times its import in a fresh Node process. */
export async function measureBundles(): Promise<BundleFigures[]> {
  mkdirSync(OUT_DIR, { recursive: true });
  const figures: BundleFigures[] = [];
  for (const [name, spec] of Object.entries(FUNCTIONS)) {
    const outfile = join(OUT_DIR, name, 'index.mjs');
    await build(esbuildOptions(join(ROOT, spec.entry), outfile));
    const times: number[] = [];
    for (let run = 0; run < IMPORT_RUNS; run++) {
      const child = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const t = performance.now(); await import(${JSON.stringify(outfile)}); console.log(performance.now() - t);`,
        ],
        {
          encoding: 'utf8',
          env: {
            PATH: process.env.PATH,
            AWS_REGION: 'eu-west-1',
            POWERTOOLS_TRACE_ENABLED: 'false',
            ...PLACEHOLDER_ENV,
          },
        },
      );
      if (child.status !== 0) throw new Error(`Importing the ${name} bundle failed:\n${child.stderr}`);
      times.push(Number(child.stdout.trim()));
    }
    times.sort((a, b) => a - b);
    figures.push({
      function: name,
      bytes: statSync(outfile).size,
      coldImportMs: times[Math.floor(times.length / 2)] ?? 0,
    });
  }
  return figures;
}
