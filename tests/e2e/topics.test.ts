import { describe, expect, it } from 'vitest';
import { api } from '../support/api';

interface Topic {
  id: string;
  level: number;
  organisationId: string | null;
  name: string;
  fileable: boolean;
  form: { fields: { name: string; type: string; required: boolean; label: string; transient?: boolean }[] };
}

describe('topics for requesters', () => {
  it('lists the shared level-1 catalogue and each organisation’s topics, top level first, without a token', async () => {
    const response = await api<{ items: Topic[] }>('GET', '/topics');
    expect(response.status).toBe(200);
    const { items } = response.body;
    expect(items[0]?.level).toBe(1);
    expect(items.filter((t) => t.level === 1).every((t) => t.organisationId === null && !t.fileable)).toBe(true);
    // Other tests' organisations (made through administration) may be listed too.
    const organisations = new Set(items.map((t) => t.organisationId));
    for (const organisation of [null, 'salut', 'hestia', 'dipu', 'gencat', 'oac360']) {
      expect(organisations.has(organisation), String(organisation)).toBe(true);
    }
  });

  it('may be cached a minute by browsers and CDNs, per language, being public; a 404 may not', async () => {
    const listed = await api('GET', '/topics');
    expect(listed.headers.get('cache-control')).toBe('public, max-age=60');
    expect(listed.headers.get('vary')).toBe('Accept-Language');
    expect((await api('GET', '/topics/no-such-topic')).headers.get('cache-control')).toBe('no-store');
  });

  it('never shows internal (organisational) topics to requesters', async () => {
    const { body } = await api<{ items: Topic[] }>('GET', '/topics?organisationId=gencat');
    const ids = body.items.map((t) => t.id);
    expect(ids).toContain('gencat-education-enrolment-schools');
    expect(ids).not.toContain('gencat-escalation-department');
    expect((await api('GET', '/topics/gencat-escalation-department')).status).toBe(404);
  });

  it('gives one topic’s own form in the reader’s language', async () => {
    const response = await api<Topic>('GET', '/topics/hestia-new-user', { headers: { 'accept-language': 'es' } });
    expect(response.status).toBe(200);
    const fields = Object.fromEntries(response.body.form.fields.map((f) => [f.name, f]));
    expect(fields.nationalId).toMatchObject({ type: 'national_id', required: true });
    expect(fields.corporateEmail).toMatchObject({ type: 'corporate_email', required: true });
    expect(fields.mobile).toMatchObject({ type: 'phone', required: false, transient: true });
    expect(response.body.name).not.toBe((await api<Topic>('GET', '/topics/hestia-new-user')).body.name);
  });

  it('answers 404 problem+json for an unknown topic', async () => {
    const response = await api('GET', '/topics/no-such-topic');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});
