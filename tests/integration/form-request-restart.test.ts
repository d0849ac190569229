import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FormRequest } from '../../contracts/form-requests';
import { signIn } from '../../lib/local/cognito';
import { freePorts, type LocalStack, startLocalStack, UNLIMITED_FILING } from '../../lib/local/stack';

/**
 * `npm start` stopped and started again in the middle of a request, on the same data directory:
 * the request, its decisions and its templates survive, and its execution resumes at its step.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'finestreta-restart-'));
let stack: LocalStack | undefined;

const start = async () =>
  startLocalStack({
    dataDir,
    inMemory: false,
    ports: await freePorts(),
    functionLogLevel: 'WARN',
    filingLimits: UNLIMITED_FILING,
    schedules: false,
  });

async function as(running: LocalStack, role: string, method: string, path: string, body?: unknown) {
  const user = running.endpoints.demoUsers.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`No demo ${role}`);
  const { endpoints } = running;
  const { idToken } = await signIn(endpoints.services.cognito, endpoints.userPoolClientId, user.email, user.password);
  const response = await fetch(`${endpoints.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${idToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as FormRequest };
}

afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a restart of the local stack in the middle of a form request', () => {
  it('keeps the request, its decisions and templates, and resumes its workflow at its step', async () => {
    const header = '<header><p>Salut</p></header>';
    stack = await start();
    const filed = await as(stack, 'department', 'POST', '/form-requests', {
      website: 'https://salut.gencat.cat/contacte',
      topics: ['gencat-education-enrolment', 'gencat-education-grants'],
      languages: ['ca', 'es'],
      contact: { name: 'Laia Costa Riera', email: 'laia@example.org' },
    });
    const path = `/form-requests/${filed.body.id}`;
    expect((await as(stack, 'reviewer', 'POST', `${path}/review`, { decision: 'approve' })).status).toBe(200);
    const half = await as(stack, 'department', 'PUT', `${path}/templates/ca`, { header, footer: '<footer></footer>' });
    expect(half.body.step).toBe('templates');
    await stack.stop();

    stack = await start();
    const after = await as(stack, 'department', 'GET', path);
    expect(after.body).toMatchObject({ step: 'templates', templates: { ca: expect.any(String) } });
    expect(after.body.history.map((entry) => entry.action)).toEqual(['petitioned', 'review', 'template']);
    const stored = await as(stack, 'operator', 'GET', `${path}/templates/ca`);
    expect(stored.body).toMatchObject({ header });
    // The resumed execution waits at the templates step again: the last language completes it.
    const rest = await as(stack, 'department', 'PUT', `${path}/templates/es`, { header, footer: '<footer></footer>' });
    expect(rest.status).toBe(200);
    expect(rest.body.step).toBe('parameters');
    const parametrised = await as(stack, 'department', 'PUT', `${path}/parameters`, {
      website: 'https://salut.gencat.cat/contacte',
      topics: ['gencat-education-enrolment', 'gencat-education-grants'],
      languages: ['ca', 'es'],
      fields: [],
    });
    expect(parametrised.body.step).toBe('setup');
  }, 240_000);
});
