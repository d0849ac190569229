import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { DEFAULT_DIRECTORATE } from '../functions/form-requests/domain/directorate';
import { ENV } from '../functions/platform/env';
import { FUNCTIONS } from '../functions/platform/functions';
import { DEFAULT_FILING_LIMITS } from '../functions/tickets/domain/limits';
import { esbuildOptions, lazyModuleOptions } from '../lib/bundling';

/** Cold-start budget per function, relative to the baseline bundle (bench/baseline.ts). */
export const BUNDLE_TARGETS = { maxImportRatio: 1.5, maxSizeRatio: 2 } as const;

export interface BundleFigures {
  readonly function: string;
  readonly bytes: number;
  /** Median of fresh-process `import()` times: the module-loading share of a cold start. */
  readonly coldImportMs: number;
  /** Against the baseline; absent for the baseline itself. */
  readonly sizeRatio?: number;
  /** Median of each round's ratio to the baseline import timed just before it. */
  readonly importRatio?: number;
  readonly targetMisses: string[];
}

const ROOT = resolve(import.meta.dirname, '..');
const OUT_DIR = join(ROOT, 'bench', '.bundles');
const BASELINE = 'baseline (DynamoDB GetItem)';
/**
 * Rounds of imports. In each round every function's import is timed right after one of the
 * baseline, and its ratio is that pair's: drift on a shared machine then hits both sides alike.
 */
const ROUNDS = 31;

/** Placeholder values: modules read configuration at import, and a cold start includes that. */
const PLACEHOLDER_ENV = {
  ...Object.fromEntries(Object.values(ENV).map((name) => [name, `bench-${name.toLowerCase()}`])),
  // Parsed at import, so it must be what a stage sets.
  [ENV.filingLimits]: JSON.stringify(DEFAULT_FILING_LIMITS),
  [ENV.formDirectorate]: JSON.stringify(DEFAULT_DIRECTORATE),
};

function importMs(file: string): number {
  const child = spawnSync(
    process.execPath,
    [
      '--no-warnings',
      '--input-type=module',
      '-e',
      `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`,
    ],
    { encoding: 'utf8', env: { PATH: process.env.PATH, AWS_REGION: 'eu-west-1', ...PLACEHOLDER_ENV } },
  );
  if (child.status !== 0) throw new Error(`Importing ${file} failed:\n${child.stderr}`);
  return Number(child.stdout.trim());
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * Bundles every function exactly as CDK does, and the baseline with the same settings, then
 * times each one's import in fresh Node processes and compares size and time to the baseline.
 */
export async function measureBundles(): Promise<BundleFigures[]> {
  mkdirSync(OUT_DIR, { recursive: true });
  const entries: [string, string][] = [
    [BASELINE, join(ROOT, 'bench', 'baseline.ts')],
    ...Object.entries(FUNCTIONS).map(([name, spec]): [string, string] => [name, join(ROOT, spec.entry)]),
  ];
  const bundles: { name: string; file: string; times: number[]; ratios: number[] }[] = [];
  for (const [name, entry] of entries) {
    const file = join(OUT_DIR, name.split(' ')[0] ?? name, 'index.mjs');
    await build(esbuildOptions(entry, file));
    for (const lazy of lazyModuleOptions(ROOT, dirname(file))) await build(lazy);
    bundles.push({ name, file, times: [], ratios: [] });
  }
  const [baseline, ...functions] = bundles;
  if (!baseline) throw new Error('No baseline bundle');
  for (let round = 0; round < ROUNDS; round++) {
    for (const bundle of functions) {
      const base = importMs(baseline.file);
      const time = importMs(bundle.file);
      baseline.times.push(base);
      bundle.times.push(time);
      bundle.ratios.push(time / base);
    }
  }

  const baseBytes = statSync(baseline.file).size;
  return bundles.map((bundle) => {
    const { name, file, times, ratios } = bundle;
    const bytes = statSync(file).size;
    const coldImportMs = median(times);
    if (bundle === baseline) return { function: name, bytes, coldImportMs, targetMisses: [] };
    const sizeRatio = bytes / baseBytes;
    const importRatio = median(ratios);
    const targetMisses: string[] = [];
    if (importRatio > BUNDLE_TARGETS.maxImportRatio) {
      targetMisses.push(`cold import ${importRatio.toFixed(2)}× baseline > ${BUNDLE_TARGETS.maxImportRatio}×`);
    }
    if (sizeRatio > BUNDLE_TARGETS.maxSizeRatio) {
      targetMisses.push(`bundle ${sizeRatio.toFixed(2)}× baseline > ${BUNDLE_TARGETS.maxSizeRatio}×`);
    }
    return { function: name, bytes, coldImportMs, sizeRatio, importRatio, targetMisses };
  });
}
