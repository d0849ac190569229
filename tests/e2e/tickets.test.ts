import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { api, newUser } from '../support/api';
import { mailsAbout, nowSeconds } from '../support/mail';
import { fileAs, portalIncident, type TicketBody } from '../support/tickets';

const newProfessional = (fields: Record<string, unknown>) => ({
  type: 'request',
  topicId: 'hestia-new-user',
  subject: `New professional ${randomUUID().slice(0, 8)}`,
  description: 'Please create a user for our new social worker.',
  fields,
});
const professional = {
  fullName: 'Núria Puig i Ferrer',
  nationalId: '12345678Z',
  corporateEmail: 'npuig@ajuntament.example.cat',
  role: 'immigration_technician',
  category: 'B',
  team: 'Serveis socials bàsics',
  sector: 'Nord',
  mobile: '612 34 56 78',
};

describe('filing a ticket as a signed-in user', () => {
  it('stores it with a human number, ITIL priority and the status label in the reader’s language', async () => {
    const response = await api<TicketBody>('POST', '/tickets', {
      as: 'citizen',
      body: portalIncident(),
      headers: { 'accept-language': 'es' },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`/tickets/${response.body.id}`);
    expect(response.body).toMatchObject({ status: 'open', statusLabel: 'Abierto', priority: 'P1' });
    expect(response.body.number).toMatch(/^DIPU-\d{4}-\d{6}$/);
    expect(response.body.topic.path).toHaveLength(2);
  });

  it('checks the topic’s own form, keeps the national ID and never stores the transient mobile', async () => {
    const since = nowSeconds();
    const ticket = await fileAs('citizen', newProfessional(professional));
    expect(ticket.fields).toMatchObject({ nationalId: '12345678Z', category: 'B' });
    expect(ticket.fields).not.toHaveProperty('mobile');
    const read = await api<TicketBody>('GET', `/tickets/${ticket.id}`, { as: 'citizen' });
    expect(JSON.stringify(read.body)).not.toContain('612');

    const mails = await mailsAbout('citizen@finestreta.local', ticket.number, since);
    expect(mails).toHaveLength(1);
    const text = JSON.stringify(mails[0]);
    expect(text).not.toContain('12345678Z');
    expect(text).not.toContain('612');
  });

  it('gives every ticket its own number even when many are filed at once', async () => {
    const tickets = await Promise.all(Array.from({ length: 8 }, () => fileAs('department', portalIncident())));
    // Other test files file on the same organisation meanwhile, so numbers are unique, not consecutive.
    expect(new Set(tickets.map((t) => t.number)).size).toBe(8);
  });

  it('answers in the language of the request and mails in the language of the requester’s profile', async () => {
    const since = nowSeconds();
    const requester = await newUser({ locale: 'es' });
    const ticket = await fileAs({ token: await requester.token('access') }, portalIncident(), {
      'accept-language': 'en',
    });
    expect(ticket.statusLabel).toBe('Open');
    const mails = await mailsAbout(requester.email, ticket.number, since);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe(`[${ticket.number}] Hemos recibido su tique`);
    expect(mails[0]?.body.text).toContain(`/tickets/${ticket.id}`);
    expect(mails[0]?.body.text).toContain('no se añaden al tique');
  });

  it('replays the first response for a retried Idempotency-Key and files nothing new', async () => {
    const key = randomUUID();
    const body = portalIncident();
    const first = await api<TicketBody>('POST', '/tickets', {
      as: 'citizen',
      body,
      headers: { 'idempotency-key': key },
    });
    const retry = await api<TicketBody>('POST', '/tickets', {
      as: 'citizen',
      body,
      headers: { 'idempotency-key': key },
    });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers.get('x-content-type-options')).toBe('nosniff');
    expect(retry.headers.get('cache-control')).toBe('no-store');
    const mine = await api<{ items: TicketBody[] }>('GET', '/tickets?limit=100', { as: 'citizen' });
    expect(mine.body.items.filter((t) => t.id === first.body.id)).toHaveLength(1);
    expect(mine.body.items.filter((t) => (t as unknown as { subject: string }).subject === body.subject)).toHaveLength(
      1,
    );
  });

  it('keeps the first request’s record when its key is reused for another request, so its retry still replays', async () => {
    const key = randomUUID();
    const body = portalIncident();
    const headers = { 'idempotency-key': key };
    const first = await api<TicketBody>('POST', '/tickets', { as: 'citizen', body, headers });
    const reused = await api('POST', '/tickets', { as: 'citizen', body: portalIncident(), headers });
    expect(reused.status).toBe(409);
    const retry = await api<TicketBody>('POST', '/tickets', { as: 'citizen', body, headers });
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
  });

  it('scopes Idempotency-Keys to the caller: someone else’s request with the same key is their own', async () => {
    const key = randomUUID();
    const mine = await api<TicketBody>('POST', '/tickets', {
      as: 'citizen',
      body: portalIncident(),
      headers: { 'idempotency-key': key },
    });
    const stranger = await newUser();
    const theirs = await api<TicketBody>('POST', '/tickets', {
      token: await stranger.token(),
      body: portalIncident(),
      headers: { 'idempotency-key': key },
    });
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('refuses an Idempotency-Key reused for a different request', async () => {
    const key = randomUUID();
    await api('POST', '/tickets', { as: 'citizen', body: portalIncident(), headers: { 'idempotency-key': key } });
    const reused = await api('POST', '/tickets', {
      as: 'citizen',
      body: portalIncident(),
      headers: { 'idempotency-key': key },
    });
    expect(reused.status).toBe(409);
  });

  it('refuses a malformed Idempotency-Key with 400, filing nothing', async () => {
    const subject = `Keyed ${randomUUID()}`;
    for (const key of ['k'.repeat(256), 'with space', 'tab\there', 'clé']) {
      const refused = await api<{ errors: { path: string }[] }>('POST', '/tickets', {
        as: 'citizen',
        body: portalIncident({ subject }),
        headers: { 'idempotency-key': key },
      });
      expect(refused.status, key).toBe(400);
      expect(refused.body.errors.map((error) => error.path)).toEqual(['headers.idempotency-key']);
    }
    const mine = await api<{ items: TicketBody[] }>('GET', '/tickets?limit=100', { as: 'citizen' });
    expect(mine.body.items.map((ticket) => ticket.subject)).not.toContain(subject);
  });

  it('takes a call-back request with a phone and a morning or afternoon slot', async () => {
    const response = await api<TicketBody & { callback: unknown }>('POST', '/tickets', {
      as: 'citizen',
      body: {
        type: 'callback',
        topicId: 'oac360-callback',
        subject: 'Help with my grant application',
        description: 'I cannot attach documents in the electronic office.',
        fields: { about: (await firstOption('oac360-callback', 'about')) ?? 'other' },
        callback: { phone: '+34 600 112 233', slot: 'afternoon' },
      },
    });
    expect(response.status).toBe(201);
    expect(response.body.callback).toEqual({ phone: '+34600112233', slot: 'afternoon' });
  });
});

async function firstOption(topicId: string, field: string): Promise<string | undefined> {
  const topic = await api<{ form: { fields: { name: string; options?: { value: string }[] }[] } }>(
    'GET',
    `/topics/${topicId}`,
  );
  return topic.body.form.fields.find((f) => f.name === field)?.options?.[0]?.value;
}

describe('my tickets', () => {
  it('lists my own tickets newest first, with cursor pagination and a status filter', async () => {
    const filed = [];
    for (let i = 0; i < 3; i++) filed.push(await fileAs('reviewer', portalIncident()));
    const first = await api<{ items: TicketBody[]; nextCursor: string | null }>('GET', '/tickets?limit=2', {
      as: 'reviewer',
    });
    expect(first.status).toBe(200);
    expect(first.body.items.map((t) => t.id)).toEqual([filed[2]?.id, filed[1]?.id]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api<{ items: TicketBody[] }>(
      'GET',
      `/tickets?limit=2&cursor=${encodeURIComponent(first.body.nextCursor as string)}`,
      { as: 'reviewer' },
    );
    expect(second.body.items[0]?.id).toBe(filed[0]?.id);

    const open = await api<{ items: TicketBody[] }>('GET', '/tickets?status=open&limit=100', { as: 'reviewer' });
    expect(open.body.items.map((t) => t.id)).toEqual(expect.arrayContaining(filed.map((t) => t.id)));
    expect(open.body.items.filter((t) => t.status !== 'open')).toEqual([]);
    const closed = await api<{ items: TicketBody[] }>('GET', '/tickets?status=closed', { as: 'reviewer' });
    expect(closed.body.items).toEqual([]);
  });
});

describe('the ticket page and replies', () => {
  it('shows the thread oldest first and adds the requester’s reply at the end', async () => {
    const ticket = await fileAs('citizen', portalIncident());
    const reply = await api('POST', `/tickets/${ticket.id}/messages`, {
      as: 'citizen',
      body: { body: 'It works on mobile.' },
    });
    expect(reply.status).toBe(201);
    const page = await api<TicketBody>('GET', `/tickets/${ticket.id}`, { as: 'citizen' });
    expect(page.body.thread?.map((m) => m.body)).toEqual([
      'The municipal website answers with error 500 since 9:00.',
      'It works on mobile.',
    ]);
    expect(page.body.history?.[0]).toMatchObject({ action: 'created', to: 'open' });
  });

  it('keeps every reply sent at the same moment, however many', async () => {
    const ticket = await fileAs('citizen', portalIncident());
    const bodies = Array.from({ length: 6 }, (_, i) => `Detail number ${i + 1}.`);
    const sent = await Promise.all(
      bodies.map((body, i) =>
        api('POST', `/tickets/${ticket.id}/messages`, { as: i % 2 ? 'agent' : 'citizen', body: { body } }),
      ),
    );
    expect(sent.map((response) => response.status)).toEqual(bodies.map(() => 201));
    const page = await api<TicketBody>('GET', `/tickets/${ticket.id}`, { as: 'citizen' });
    expect(page.body.thread?.map((m) => m.body).sort()).toEqual([ticket.description, ...bodies].sort());
  });

  it('adds a retried reply (same Idempotency-Key) to the thread only once', async () => {
    const ticket = await fileAs('citizen', portalIncident());
    const key = randomUUID();
    for (let i = 0; i < 2; i++) {
      const reply = await api('POST', `/tickets/${ticket.id}/messages`, {
        as: 'citizen',
        body: { body: 'Sent twice by a flaky network.' },
        headers: { 'idempotency-key': key },
      });
      expect(reply.status).toBe(201);
    }
    const page = await api<TicketBody>('GET', `/tickets/${ticket.id}`, { as: 'citizen' });
    expect(page.body.thread?.filter((m) => m.body === 'Sent twice by a flaky network.')).toHaveLength(1);
  });

  it('moves a ticket waiting on the requester back to in progress when they answer, mailing each step', async () => {
    const since = nowSeconds();
    const ticket = await fileAs('citizen', portalIncident());
    const asked = await api<TicketBody>('POST', `/tickets/${ticket.id}/messages`, {
      as: 'agent',
      body: { body: 'Which browser do you use?', requestInfo: true },
    });
    expect(asked.status).toBe(201);
    expect(asked.body.status).toBe('waiting_on_requester');

    const note = await api('POST', `/tickets/${ticket.id}/messages`, {
      as: 'agent',
      body: { body: 'Probably the CDN again', internal: true },
    });
    expect(note.status).toBe(201);

    const answered = await api<TicketBody>('POST', `/tickets/${ticket.id}/messages`, {
      as: 'citizen',
      body: { body: 'Firefox 140.' },
    });
    expect(answered.body.status).toBe('in_progress');

    const page = await api<TicketBody>('GET', `/tickets/${ticket.id}`, { as: 'citizen' });
    expect(page.body.thread?.map((m) => m.body)).not.toContain('Probably the CDN again');
    expect(page.body.history?.map((h) => h.to)).toEqual(['open', 'waiting_on_requester', 'in_progress']);

    const mails = await mailsAbout('citizen@finestreta.local', ticket.number, since, 2);
    expect(mails.map((m) => m.subject.replace(`[${ticket.number}] `, ''))).toEqual([
      'Hem rebut el vostre tiquet',
      'Necessitem més informació',
    ]);
    expect(JSON.stringify(mails)).not.toContain('CDN');
  });

  it('lets the agent see internal notes and mails the requester on an agent’s reply', async () => {
    const since = nowSeconds();
    const requester = await newUser({ locale: 'en' });
    const ticket = await fileAs({ token: await requester.token('access') }, portalIncident());
    await api('POST', `/tickets/${ticket.id}/messages`, {
      as: 'agent',
      body: { body: 'Probably the CDN', internal: true },
    });
    await api('POST', `/tickets/${ticket.id}/messages`, { as: 'agent', body: { body: 'Checked: fixed.' } });
    const staffView = await api<TicketBody>('GET', `/tickets/${ticket.id}`, { as: 'agent' });
    expect(staffView.status).toBe(200);
    expect(staffView.body.status).toBe('in_progress');
    expect(staffView.body.thread?.map((m) => m.body)).toContain('Probably the CDN');
    const mails = await mailsAbout(requester.email, ticket.number, since, 2);
    expect(mails.map((m) => m.subject)).toEqual([
      `[${ticket.number}] We have received your ticket`,
      `[${ticket.number}] New reply to your ticket`,
    ]);
  });
});
