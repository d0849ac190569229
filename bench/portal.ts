import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What a first visit downloads before anything else (the entry and what it preloads), gzipped. */
export const INITIAL_JS_BUDGET_KB = 100;
/** Each screen's own chunk, loaded when the route is first visited, gzipped. */
export const ROUTE_CHUNK_BUDGET_KB = 50;

const DIST = join(import.meta.dirname, '..', 'web', 'dist');

export interface PortalFigures {
  /** Scripts `index.html` loads or preloads, with their gzipped KB. */
  readonly initial: readonly { readonly file: string; readonly gzipKb: number }[];
  readonly initialGzipKb: number;
  /** Every other script: the lazily loaded route chunks. */
  readonly chunks: readonly { readonly file: string; readonly gzipKb: number }[];
  readonly cssGzipKb: number;
  readonly targetMisses: string[];
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const gzipKb = (file: string) => kb(gzipSync(readFileSync(join(DIST, file)), { level: 9 }).byteLength);

/**
 * Builds the portal as it deploys and weighs it: the initial JavaScript (≤ 100 KB gzip) and
 * each route's chunk (≤ 50 KB gzip), as a phone on a slow line would download them.
 */
export function measurePortal(): PortalFigures {
  execFileSync('npm', ['run', '--silent', 'build:web'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const referenced = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((match) => match[1] as string);
  const initialFiles = [...new Set(referenced)];
  const scripts = readdirSync(join(DIST, 'assets'))
    .filter((file) => file.endsWith('.js'))
    .map((file) => `assets/${file}`);
  const initial = initialFiles.map((file) => ({ file, gzipKb: gzipKb(file) }));
  const chunks = scripts.filter((file) => !initialFiles.includes(file)).map((file) => ({ file, gzipKb: gzipKb(file) }));
  // The stylesheets of a first visit; each staff area's own CSS comes with its chunk.
  const css = [...new Set([...html.matchAll(/href="\/?(assets\/[^"]+\.css)"/g)].map((match) => match[1] as string))];
  const initialGzipKb = kb(initial.reduce((sum, entry) => sum + entry.gzipKb * 1024, 0));
  const targetMisses = [
    ...(initial.length === 0 ? ['index.html loads no script'] : []),
    ...(initialGzipKb > INITIAL_JS_BUDGET_KB ? [`initial JS ${initialGzipKb} KB gzip > ${INITIAL_JS_BUDGET_KB}`] : []),
    ...chunks
      .filter((chunk) => chunk.gzipKb > ROUTE_CHUNK_BUDGET_KB)
      .map((chunk) => `${chunk.file} ${chunk.gzipKb} KB gzip > ${ROUTE_CHUNK_BUDGET_KB}`),
  ];
  return {
    initial,
    initialGzipKb,
    chunks,
    cssGzipKb: kb(css.reduce((sum, file) => sum + gzipKb(file) * 1024, 0)),
    targetMisses,
  };
}
