import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../contracts/routes';
import { synthesizeStack } from '../../lib/local/synth';
import { planFromTemplate } from '../../lib/local/template';
import { api, endpoints } from '../support/api';

const sample = (path: string) => path.replace(/\{[^}]+\}/g, 'sample-id');

describe('the local gateway mirrors the synthesized HTTP API', () => {
  const templateRoutes = planFromTemplate(synthesizeStack().template).routes;

  it('serves exactly the routes of the template, which are exactly the route table', () => {
    const fromTemplate = templateRoutes.map((route) => `${route.method} ${route.path}`).sort();
    expect([...endpoints().routes].sort()).toEqual(fromTemplate);
    expect(fromTemplate).toEqual(Object.keys(ROUTES).sort());
  });

  it('protects exactly the routes the template protects', () => {
    for (const route of templateRoutes) {
      const declared = Object.values(ROUTES).find(
        (candidate) => candidate.method === route.method && candidate.path === route.path,
      );
      expect(route.auth, `${route.method} ${route.path}`).toBe(declared?.auth);
    }
  });

  it('reaches a handler on every route (never the gateway’s own 404)', async () => {
    for (const route of templateRoutes) {
      const response = await api(route.method, sample(route.path), route.auth === 'jwt' ? { as: 'admin' } : {});
      expect(response.body, `${route.method} ${route.path}`).not.toEqual({ message: 'Not Found' });
    }
  });
});
