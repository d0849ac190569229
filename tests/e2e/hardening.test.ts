import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../contracts/http';
import { api, endpoints, newUser } from '../support/api';
import { fileAs, portalIncident, type TicketBody } from '../support/tickets';

/** A request whose path is sent byte for byte: fetch would normalise a broken percent-encoding. */
function rawGet(path: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const url = new URL(endpoints().apiUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const expectSecurityHeaders = (headers: Record<string, unknown> | Headers, what: string) => {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    const got = headers instanceof Headers ? headers.get(name) : headers[name];
    expect(got, `${what}: ${name}`).toBe(value);
  }
};

describe('malformed requests', () => {
  it('get 400 from the gateway for a path it cannot percent-decode, as API Gateway answers', async () => {
    for (const path of ['/tickets/%', '/topics/%E0%A4%A', '/public/tickets/%ZZ', '/%']) {
      const response = await rawGet(path);
      expect(response.status, path).toBe(400);
      expect(JSON.parse(response.body)).toEqual({ message: 'Bad Request' });
      expectSecurityHeaders(response.headers, path);
    }
  });

  it('carry the security headers on every answer, the gateway’s own 401 and 404 included', async () => {
    expectSecurityHeaders((await rawGet('/no-such-route')).headers, 'gateway 404');
    expectSecurityHeaders((await rawGet('/tickets')).headers, 'gateway 401');
    expectSecurityHeaders((await api('GET', '/me', { as: 'citizen' })).headers, 'function 200');
    expectSecurityHeaders((await api('GET', '/topics/no-such-topic')).headers, 'function 404');
  });
});

describe('list cursors', () => {
  async function firstPage() {
    const person = await newUser();
    const token = await person.token();
    for (let i = 0; i < 2; i++) await fileAs({ token }, portalIncident());
    const page = await api<{ items: TicketBody[]; nextCursor: string }>('GET', '/tickets?limit=1', { token });
    return { token, page: page.body };
  }

  it('reveal no ticket or user id, and lead to the next page', async () => {
    const { token, page } = await firstPage();
    const decoded = Buffer.from(page.nextCursor, 'base64url').toString('latin1');
    expect(decoded).not.toContain(page.items[0]?.id ?? 'unreachable');
    expect(decoded).not.toMatch(/TICKET|REQUESTER|pk/);
    const next = await api<{ items: TicketBody[] }>('GET', `/tickets?limit=1&cursor=${page.nextCursor}`, { token });
    expect(next.status).toBe(200);
    expect(next.body.items[0]?.id).not.toBe(page.items[0]?.id);
  });

  it('are refused with 400 when tampered with, replayed by someone else, or used with another filter', async () => {
    const { token, page } = await firstPage();
    const bytes = Buffer.from(page.nextCursor, 'base64url');
    bytes[bytes.length - 1] = (bytes.at(-1) ?? 0) ^ 1;
    const tampered = await api('GET', `/tickets?limit=1&cursor=${bytes.toString('base64url')}`, { token });
    expect(tampered.status).toBe(400);
    const stranger = await newUser();
    const replayed = await api('GET', `/tickets?limit=1&cursor=${page.nextCursor}`, { token: await stranger.token() });
    expect(replayed.status).toBe(400);
    const filtered = await api('GET', `/tickets?limit=1&status=open&cursor=${page.nextCursor}`, { token });
    expect(filtered.status).toBe(400);
  });
});

describe('text people type', () => {
  it('is refused with control or bidirectional override characters, and nothing is stored', async () => {
    const person = await newUser();
    const token = await person.token();
    for (const subject of ['Invoice \u202Efdp.exe', 'Ding\u0007', '\u001b[2JCleared', 'Nul\u0000byte', 'Del\u007f']) {
      const refused = await api<{ errors: { path: string }[] }>('POST', '/tickets', {
        token,
        body: portalIncident({ subject }),
      });
      expect(refused.status, JSON.stringify(subject)).toBe(400);
      expect(refused.body.errors.map((error) => error.path)).toEqual(['subject']);
    }
    const mine = await api<{ items: unknown[] }>('GET', '/tickets', { token });
    expect(mine.body.items).toHaveLength(0);
  });

  it('is stored in NFC, trimmed', async () => {
    const ticket = await fileAs('citizen', portalIncident({ subject: '  Cafe\u0301 closed  ' }));
    expect(ticket.subject).toBe('Café closed');
  });
});
