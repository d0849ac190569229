import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateOpenApiTypes, OPENAPI_TYPES_FILE } from '../../../web/scripts/openapi-types';

describe('the portal API types', () => {
  it('are generated from the contract as it is now (run `npm run generate:web-api` if this fails)', async () => {
    const committed = await readFile(OPENAPI_TYPES_FILE, 'utf8');
    const fresh = await generateOpenApiTypes();
    expect(committed === fresh, 'web/src/api/openapi.d.ts is stale: run `npm run generate:web-api`').toBe(true);
  }, 60_000);
});
