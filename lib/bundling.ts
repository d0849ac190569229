import type { BuildOptions } from 'esbuild';

/**
 * The one set of esbuild settings for Lambda bundles. `FinestretaFunction` hands them to
 * NodejsFunction and the benchmark passes them to esbuild directly, so what is measured is
 * what deploys. Plain data: no CDK import, cheap to load from a script.
 */
export const BUNDLING = {
  /** Matches the Lambda runtime (nodejs22.x). */
  target: 'node22',
  platform: 'node',
  format: 'esm',
  /** ESM builds of dependencies tree-shake better than their CommonJS builds. */
  mainFields: ['module', 'main'],
  minify: true,
  sourcemap: true,
  /** Stack traces need the mappings, not the sources; keeps bundles small. */
  sourcesContent: false,
  /**
   * Bundled CommonJS dependencies still call `require`; ESM output has none, so recreate it.
   * `node:module` is a builtin, so the import costs nothing at cold start.
   */
  banner: "import { createRequire } from 'node:module';const require = createRequire(import.meta.url);",
  /**
   * The AWS SDK is bundled, not taken from the runtime: the deployed SDK is then the version
   * the tests ran against, and tree-shaking keeps only the commands each handler sends.
   */
  bundleAwsSdk: true,
  /** Lambda loads `index.mjs` as ESM without a package.json next to it. */
  outExtension: '.mjs',
} as const;

/**
 * Modules a function loads on first use from a file of their own beside its bundle, so a cold
 * start does not even parse them: Powertools idempotency and its JMESPath engine (~45 KB) are
 * needed only by requests that carry an Idempotency-Key. Each is written `<name>.lazy.ts`,
 * imports no AWS SDK (dependency rules), is imported as `import('./<name>.lazy.js')`, stays
 * external to the bundle, and is built as CommonJS `<name>.lazy.js`: Lambda, with no
 * package.json beside the bundle, loads `.js` as CommonJS, which `import()` reads fine.
 */
export const LAZY_MODULES = [
  { entry: 'functions/platform/http/idempotency.lazy.ts', file: 'idempotency.lazy.js' },
  { entry: 'functions/tickets/api/guest-mailer.lazy.ts', file: 'guest-mailer.lazy.js' },
  // mailparser (1.1 MB with its charset tables), beside the one function that reads mail only.
  { entry: 'functions/mail/mime.lazy.ts', file: 'mime.lazy.js', functions: ['mailInbound'] },
  // file-type, beside the function that verifies uploads only.
  { entry: 'functions/tickets/jobs/sniff.lazy.ts', file: 'sniff.lazy.js', functions: ['attachmentCheck'] },
  // parse5, beside the function that checks form-request templates only.
  { entry: 'functions/form-requests/api/templates.lazy.ts', file: 'templates.lazy.js', functions: ['formRequests'] },
] as const;

/** Whether a lazy module is built beside `fn`'s bundle: beside all, unless it names its functions. */
const besides = (lazy: (typeof LAZY_MODULES)[number], fn: string | undefined): boolean =>
  !('functions' in lazy) || fn === undefined || (lazy.functions as readonly string[]).includes(fn);

const lazyImports = LAZY_MODULES.map((lazy) => `./${lazy.file}`);

/** Environment each bundle needs at run time for the settings above to work. */
export const BUNDLE_RUNTIME_ENV = { NODE_OPTIONS: '--enable-source-maps' } as const;

/** esbuild options equivalent to what NodejsFunction runs, for bundling outside CDK (benchmark). */
export function esbuildOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    target: BUNDLING.target,
    platform: BUNDLING.platform,
    format: BUNDLING.format,
    mainFields: [...BUNDLING.mainFields],
    minify: BUNDLING.minify,
    sourcemap: BUNDLING.sourcemap,
    sourcesContent: BUNDLING.sourcesContent,
    banner: { js: BUNDLING.banner },
    external: [...lazyImports, ...(BUNDLING.bundleAwsSdk ? [] : ['@aws-sdk/*', '@smithy/*'])],
    logLevel: 'warning',
  };
}

/** esbuild options of each lazy module, built beside the bundle in `outdir`. */
export function lazyModuleOptions(root: string, outdir: string, fn?: string): BuildOptions[] {
  return LAZY_MODULES.filter((lazy) => besides(lazy, fn)).map((lazy) => ({
    entryPoints: [`${root}/${lazy.entry}`],
    outfile: `${outdir}/${lazy.file}`,
    bundle: true,
    target: BUNDLING.target,
    platform: BUNDLING.platform,
    format: 'cjs',
    mainFields: [...BUNDLING.mainFields],
    minify: BUNDLING.minify,
    sourcemap: BUNDLING.sourcemap,
    sourcesContent: BUNDLING.sourcesContent,
    logLevel: 'warning',
  }));
}

/** The same builds as shell commands, for NodejsFunction's afterBundling hook. */
export function lazyModuleCommands(root: string, outdir: string, fn?: string): string[] {
  const esbuild = `"${root}/node_modules/.bin/esbuild"`;
  return lazyModuleOptions(root, outdir, fn).map((options) =>
    [
      esbuild,
      `"${(options.entryPoints as string[])[0]}"`,
      '--bundle',
      `--platform=${options.platform}`,
      `--format=${options.format}`,
      `--target=${options.target}`,
      `--main-fields=${(options.mainFields ?? []).join(',')}`,
      ...(options.minify ? ['--minify'] : []),
      ...(options.sourcemap ? ['--sourcemap'] : []),
      `--sources-content=${String(options.sourcesContent)}`,
      '--log-level=warning',
      `"--outfile=${options.outfile}"`,
    ].join(' '),
  );
}
