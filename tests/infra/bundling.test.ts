import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, describe, expect, it } from 'vitest';
import { apiRoutes, FUNCTIONS } from '../../functions/platform/functions';
import { BUNDLING, LAZY_MODULES } from '../../lib/bundling';
import { createApp } from '../../lib/finestreta-stack';

const outdir = mkdtempSync(join(tmpdir(), 'finestreta-bundle-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('bundling', () => {
  // The one test that runs esbuild for real; one small function keeps it quick.
  it('builds an ESM bundle with source map that loads and answers', async () => {
    const { app, stack } = createApp(
      {},
      {
        outdir,
        functions: { openapi: FUNCTIONS.openapi },
        routes: apiRoutes().filter((r) => r.function === 'openapi'),
      },
    );
    const assembly = app.synth();
    const template = assembly.getStackArtifact(stack.artifactId).template as {
      Resources: Record<string, { Type: string; Properties: { Code?: { S3Key?: string } } }>;
    };
    const [fn] = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::Function');
    const hash = fn?.Properties.Code?.S3Key?.replace(/\.zip$/, '');
    const assetDir = readdirSync(outdir).find((entry) => entry === `asset.${hash}`);
    expect(assetDir, `asset.${hash} in ${outdir}`).toBeDefined();

    const bundle = join(outdir, assetDir as string, `index${BUNDLING.outExtension}`);
    expect(readFileSync(bundle, 'utf8').startsWith(BUNDLING.banner)).toBe(true);
    expect(existsSync(`${bundle}.map`)).toBe(true);

    const { handler } = (await import(pathToFileURL(bundle).href)) as {
      handler: (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
    };
    const event = {
      version: '2.0',
      routeKey: 'GET /openapi.json',
      rawPath: '/openapi.json',
      rawQueryString: '',
      headers: {},
      isBase64Encoded: false,
      requestContext: { http: { method: 'GET', path: '/openapi.json' }, requestId: 'bundle-test' },
    } as unknown as APIGatewayProxyEventV2;
    const response = await handler(event, { awsRequestId: 'bundle-test', functionName: 'openapi' } as Context);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(String(response.body))).toMatchObject({ openapi: expect.stringMatching(/^3\./) });

    // Lazy modules sit beside the bundle, outside it, and load as a Lambda would load them.
    // A function's own environment names its table: modules that reach it read that at load.
    process.env.TABLE_NAME ??= 'bundle-test';
    const exported: Record<string, string> = {
      'idempotency.lazy.js': 'idempotencyMiddleware',
      'guest-mailer.lazy.js': 'guestMailer',
    };
    for (const lazy of LAZY_MODULES) {
      const file = join(outdir, assetDir as string, lazy.file);
      // Those built for named functions only (mail's MIME parser) stay out of every other.
      if ('functions' in lazy) {
        expect(existsSync(file), lazy.file).toBe(false);
        continue;
      }
      expect(existsSync(file), lazy.file).toBe(true);
      const loaded = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      expect(loaded[exported[lazy.file] ?? ''], lazy.file).toBeDefined();
    }
  });
});
