import { describe, expect, it } from 'vitest';
import { api } from '../support/api';

describe('GET /health through the local gateway', () => {
  it('reports every local service up, without a token', async () => {
    const response = await api<{ status: string; services: Record<string, { status: string }> }>('GET', '/health');
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ok');
    expect(Object.keys(response.body.services).sort()).toEqual(['cognito', 'dynamodb', 's3', 'ses']);
    for (const service of Object.values(response.body.services)) expect(service.status).toBe('ok');
  });

  it('marks responses as not cacheable and not sniffable', async () => {
    const response = await api('GET', '/health');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('GET /openapi.json', () => {
  it('serves the generated OpenAPI 3.1 document publicly', async () => {
    const response = await api<{ openapi: string; paths: Record<string, unknown> }>('GET', '/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/health', '/me']));
  });
});
