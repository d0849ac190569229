import { randomUUID } from 'node:crypto';
import type { LocalEndpoints } from '../lib/local/stack';
import { loadReportMonth, REPORT_MONTH, REPORT_ORGANISATION, REPORT_REQUESTS } from './monthly-report';

export interface BenchRequest {
  readonly method: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export interface BenchContext {
  readonly endpoints: LocalEndpoints;
  /** A real access token for a demo role: what OAuth 2.0 clients, the portal included, send. */
  token(role: string): Promise<string>;
}

export interface BenchOperation {
  readonly name: string;
  /** Targets checked by the benchmark (never by tests): a miss is reported and fails the run. */
  readonly targets?: { readonly maxDynamoDbRequests?: number; readonly maxOverheadP50Ms?: number };
  /** Creates what the operation needs once, and returns a factory for each request. */
  prepare(context: BenchContext): Promise<Operation>;
}

export interface Operation {
  next(): BenchRequest;
  /** Sees each response, for operations whose next request depends on it (the version for If-Match). */
  seen?(request: BenchRequest, status: number, headers: Record<string, string>): void;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const json = { 'content-type': 'application/json' };
let subjects = 0;
const incident = () => ({
  type: 'incident',
  topicId: 'dipu-web-portals',
  subject: `Bench incident ${++subjects}`,
  description: 'The municipal website answers with error 500.',
  fields: {},
  impact: { blocksWork: true, affectsOthers: false, affectsCitizens: true },
});

/** Files tickets through the API, for operations that need some to exist. */
async function fileSome(context: BenchContext, count: number): Promise<{ id: string; version: number }[]> {
  const headers = { ...bearer(await context.token('citizen')), ...json };
  const tickets: { id: string; version: number }[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${context.endpoints.apiUrl}/tickets`, {
      method: 'POST',
      headers,
      body: JSON.stringify(incident()),
    });
    if (response.status !== 201) throw new Error(`Setup filing failed: ${response.status} ${await response.text()}`);
    tickets.push((await response.json()) as { id: string; version: number });
  }
  return tickets;
}

/**
 * Targets: DynamoDB requests per call (issue 6) and our own overhead at p50 (issue 3). A call
 * with an Idempotency-Key may make two more requests than the same call without.
 */
const OVERHEAD_P50_MS = 5;
const IDEMPOTENCY_REQUESTS = 2;
const REQUESTS = {
  read: 1,
  list: 1,
  file: 3,
  fileAssigned: 4,
  reply: 2,
  staffUpdate: 2,
  queue: 2,
  /** Rating (issue 9): one consistent GetItem of the ticket, one TransactWriteItems (the rating and its counter). */
  rate: 2,
  report: REPORT_REQUESTS,
  /** Attachments (issue 11): one BatchGet (ticket and profile or file), and for an upload one transaction. */
  attach: 2,
  download: 2,
} as const;

/** Files per ticket the API takes (contracts/attachments.ts): presigning spreads over enough tickets. */
const FILES_PER_TICKET = 20;
/** Presigns of a run (5 to warm up, 300 at c=1, 1600 at c=16) with room to spare. */
const UPLOADS = 2000;

/** A ticket with one clean screenshot: declared, uploaded to the local S3 and verified and scanned. */
async function ticketWithCleanFile(context: BenchContext): Promise<{ ticketId: string; attachmentId: string }> {
  const [ticket] = await fileSome(context, 1);
  const ticketId = ticket?.id as string;
  const headers = { ...bearer(await context.token('citizen')), ...json };
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
  const declared = await fetch(`${context.endpoints.apiUrl}/tickets/${ticketId}/attachments`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ fileName: 'screen.png', contentType: 'image/png', size: png.length }),
  });
  if (declared.status !== 201) throw new Error(`Setup attachment failed: ${declared.status} ${await declared.text()}`);
  const grant = (await declared.json()) as {
    attachmentId: string;
    upload: { url: string; fields: Record<string, string> };
  };
  const form = new FormData();
  for (const [name, value] of Object.entries(grant.upload.fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'screen.png');
  const uploaded = await fetch(grant.upload.url, { method: 'POST', body: form });
  if (uploaded.status !== 204) throw new Error(`Setup upload failed: ${uploaded.status}`);
  for (let tries = 0; tries < 100; tries++) {
    const read = await fetch(`${context.endpoints.apiUrl}/tickets/${ticketId}`, { headers });
    const { attachments } = (await read.json()) as { attachments: { id: string; status: string }[] };
    if (attachments.some((file) => file.id === grant.attachmentId && file.status === 'clean')) {
      return { ticketId, attachmentId: grant.attachmentId };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('Setup attachment never became clean');
}

const reply = (body: string) => JSON.stringify({ body });

/** Replies round the given tickets, so each thread stays the size of a real one. */
async function replies(context: BenchContext, role: string, idempotent: boolean): Promise<Operation> {
  const ids = (await fileSome(context, 20)).map((ticket) => ticket.id);
  const headers = { ...bearer(await context.token(role)), ...json };
  let next = 0;
  return {
    next: () => ({
      method: 'POST',
      path: `/tickets/${ids[next++ % ids.length]}/messages`,
      headers: idempotent ? { ...headers, 'idempotency-key': randomUUID() } : headers,
      body: reply(role === 'citizen' ? 'Here is the detail you asked for.' : 'We are on it.'),
    }),
  };
}

function filing(idempotent: boolean): BenchOperation['prepare'] {
  return async ({ token }) => {
    const headers = { ...bearer(await token('citizen')), ...json };
    return {
      next: () => ({
        method: 'POST',
        path: '/tickets',
        headers: idempotent ? { ...headers, 'idempotency-key': randomUUID() } : headers,
        body: JSON.stringify(incident()),
      }),
    };
  };
}

/** Runs `task` for 0 … count − 1, `lanes` at a time, so setting up thousands of tickets takes seconds. */
async function inLanes(count: number, lanes: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    for (let index = next++; index < count; index = next++) await task(index);
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}

/**
 * Every rating of a run (5 to warm up, 300 at c=1, 1600 at c=16) with room to spare: a ticket
 * is rated once, so each needs a resolved ticket of its own.
 */
const RATINGS = 2000;

/** Files tickets as the demo citizen and resolves each as an agent of its team (If-Match), as rating needs. */
async function resolvedTickets(context: BenchContext, count: number): Promise<string[]> {
  const citizen = { ...bearer(await context.token('citizen')), ...json };
  const agent = { ...bearer(await context.token('agent')), ...json };
  const ids: string[] = [];
  await inLanes(count, 4, async () => {
    const filed = await fetch(`${context.endpoints.apiUrl}/tickets`, {
      method: 'POST',
      headers: citizen,
      body: JSON.stringify(incident()),
    });
    if (filed.status !== 201) throw new Error(`Setup filing failed: ${filed.status} ${await filed.text()}`);
    const ticket = (await filed.json()) as { id: string; version: number };
    const resolved = await fetch(`${context.endpoints.apiUrl}/tickets/${ticket.id}`, {
      method: 'PATCH',
      headers: { ...agent, 'if-match': `"${ticket.version}"` },
      body: JSON.stringify({ status: 'resolved' }),
    });
    if (resolved.status !== 200)
      throw new Error(`Setup resolution failed: ${resolved.status} ${await resolved.text()}`);
    await resolved.arrayBuffer();
    ids.push(ticket.id);
  });
  return ids;
}

/** The user id of a demo role, as the API knows them. */
async function whoIs(context: BenchContext, role: string): Promise<string> {
  const response = await fetch(`${context.endpoints.apiUrl}/me`, { headers: bearer(await context.token(role)) });
  return ((await response.json()) as { userId: string }).userId;
}

/**
 * PATCHes round more tickets than concurrent requests, each with the version its last change
 * returned (If-Match), so no change is refused as stale.
 */
async function changes(
  context: BenchContext,
  role: string,
  bodyFor: (version: number) => Record<string, unknown>,
): Promise<Operation> {
  const tickets = await fileSome(context, 40);
  const versions = new Map(tickets.map((ticket) => [ticket.id, ticket.version]));
  const headers = { ...bearer(await context.token(role)), ...json };
  let next = 0;
  return {
    next: () => {
      const id = tickets[next++ % tickets.length]?.id ?? '';
      const version = versions.get(id) ?? 1;
      return {
        method: 'PATCH',
        path: `/tickets/${id}`,
        headers: { ...headers, 'if-match': `"${version}"` },
        body: JSON.stringify(bodyFor(version)),
      };
    },
    seen: (request, status, responseHeaders) => {
      const etag = responseHeaders.etag;
      if (status === 200 && etag) versions.set(request.path.split('/').pop() ?? '', Number(etag.replaceAll('"', '')));
    },
  };
}

export const OPERATIONS: readonly BenchOperation[] = [
  {
    name: 'health',
    prepare: async () => ({ next: () => ({ method: 'GET', path: '/health' }) }),
  },
  {
    name: 'me',
    targets: { maxDynamoDbRequests: 0 },
    prepare: async ({ token }) => {
      const headers = bearer(await token('citizen'));
      return { next: () => ({ method: 'GET', path: '/me', headers }) };
    },
  },
  {
    name: 'file ticket',
    targets: { maxDynamoDbRequests: REQUESTS.file, maxOverheadP50Ms: OVERHEAD_P50_MS },
    prepare: filing(false),
  },
  {
    name: 'file ticket + Idempotency-Key',
    targets: { maxDynamoDbRequests: REQUESTS.file + IDEMPOTENCY_REQUESTS },
    prepare: filing(true),
  },
  {
    // Hèstia's support team opted in: one Query more for its staff, whose open tickets are read
    // with the abuse-limit counters. Under contention (c16) a filing retries; the count is at c1.
    name: 'file ticket, assigned automatically',
    targets: { maxDynamoDbRequests: REQUESTS.fileAssigned, maxOverheadP50Ms: OVERHEAD_P50_MS },
    prepare: async ({ token }) => {
      const headers = { ...bearer(await token('citizen')), ...json };
      let n = 0;
      const body = () =>
        JSON.stringify({
          type: 'query',
          topicId: 'hestia-query',
          subject: `Bench query ${++n}`,
          description: 'Where?',
          fields: {},
        });
      return { next: () => ({ method: 'POST', path: '/tickets', headers, body: body() }) };
    },
  },
  {
    name: 'list my tickets',
    targets: { maxDynamoDbRequests: REQUESTS.list, maxOverheadP50Ms: OVERHEAD_P50_MS },
    prepare: async ({ token }) => {
      const headers = bearer(await token('citizen'));
      return { next: () => ({ method: 'GET', path: '/tickets?limit=25', headers }) };
    },
  },
  {
    // An agent's page of their team's queue: their profile (whose teams), then one Query.
    name: 'queue page',
    targets: { maxDynamoDbRequests: REQUESTS.queue, maxOverheadP50Ms: OVERHEAD_P50_MS },
    prepare: async (context) => {
      await fileSome(context, 30);
      const headers = bearer(await context.token('agent'));
      return { next: () => ({ method: 'GET', path: '/tickets?view=queue&teamId=dipu-web&limit=25', headers }) };
    },
  },
  {
    name: 'read ticket',
    targets: { maxDynamoDbRequests: REQUESTS.read, maxOverheadP50Ms: OVERHEAD_P50_MS },
    prepare: async (context) => {
      const [ticket] = await fileSome(context, 1);
      const headers = bearer(await context.token('citizen'));
      return { next: () => ({ method: 'GET', path: `/tickets/${ticket?.id}`, headers }) };
    },
  },
  {
    name: 'reply',
    targets: { maxDynamoDbRequests: REQUESTS.reply, maxOverheadP50Ms: OVERHEAD_P50_MS },
    prepare: (context) => replies(context, 'citizen', false),
  },
  {
    name: 'reply + Idempotency-Key',
    targets: { maxDynamoDbRequests: REQUESTS.reply + IDEMPOTENCY_REQUESTS },
    prepare: (context) => replies(context, 'citizen', true),
  },
  {
    name: 'staff reply',
    targets: { maxDynamoDbRequests: REQUESTS.reply, maxOverheadP50Ms: OVERHEAD_P50_MS },
    prepare: (context) => replies(context, 'agent', false),
  },
  {
    name: 'staff update',
    targets: { maxDynamoDbRequests: REQUESTS.staffUpdate, maxOverheadP50Ms: OVERHEAD_P50_MS },
    prepare: (context) =>
      changes(context, 'agent', (version) => ({
        priority: version % 2 ? 'P4' : 'P3',
        reason: 'Re-assessed with the municipality',
      })),
  },
  {
    // An agent takes tickets from the queue: assigns them to themselves and starts on them.
    name: 'take',
    targets: { maxDynamoDbRequests: REQUESTS.staffUpdate, maxOverheadP50Ms: OVERHEAD_P50_MS },
    prepare: async (context) => {
      const me = await whoIs(context, 'agent');
      return changes(context, 'agent', () => ({ assigneeId: me, status: 'in_progress' }));
    },
  },
  {
    // A supervisor hands tickets back and forth between an agent and themselves.
    name: 'assign',
    targets: { maxDynamoDbRequests: REQUESTS.staffUpdate, maxOverheadP50Ms: OVERHEAD_P50_MS },
    prepare: async (context) => {
      const people = [await whoIs(context, 'agent'), await whoIs(context, 'supervisor')];
      return changes(context, 'supervisor', (version) => ({ assigneeId: people[version % 2] }));
    },
  },
  {
    // Asking the requester and hearing back: the clock pauses and resumes (the calendar counts the pause).
    name: 'status change',
    targets: { maxDynamoDbRequests: REQUESTS.staffUpdate, maxOverheadP50Ms: OVERHEAD_P50_MS },
    prepare: (context) =>
      changes(context, 'agent', (version) => ({ status: version % 2 ? 'waiting_on_requester' : 'in_progress' })),
  },
  {
    // The requester rates their resolved ticket, each ticket once (issue 9).
    name: 'rate',
    targets: { maxDynamoDbRequests: REQUESTS.rate, maxOverheadP50Ms: OVERHEAD_P50_MS },
    prepare: async (context) => {
      const ids = await resolvedTickets(context, RATINGS);
      const headers = { ...bearer(await context.token('citizen')), ...json };
      let next = 0;
      return {
        next: () => {
          const index = next++;
          return {
            method: 'POST',
            path: `/tickets/${ids[index % ids.length]}/satisfaction`,
            headers,
            body: JSON.stringify({ score: 1 + (index % 5) }),
          };
        },
      };
    },
  },
  {
    // An admin reads an organisation's indicators of a month of 10 000 tickets (issue 9), whose
    // counters bench/report-month.ts loads; the items it reads are bench/monthly-report.ts's.
    name: 'monthly report, 10 000 tickets',
    targets: { maxDynamoDbRequests: REQUESTS.report, maxOverheadP50Ms: OVERHEAD_P50_MS },
    prepare: async (context) => {
      await loadReportMonth(context.endpoints);
      const headers = bearer(await context.token('admin'));
      const path = `/reports/monthly?month=${REPORT_MONTH}&organisationId=${REPORT_ORGANISATION}`;
      return { next: () => ({ method: 'GET', path, headers }) };
    },
  },
  {
    // A citizen declares a screenshot and gets where to upload it (the upload goes to S3, unmeasured).
    name: 'attach (presign)',
    targets: { maxDynamoDbRequests: REQUESTS.attach, maxOverheadP50Ms: OVERHEAD_P50_MS },
    prepare: async (context) => {
      const ids = (await fileSome(context, Math.ceil(UPLOADS / FILES_PER_TICKET))).map((ticket) => ticket.id);
      const headers = { ...bearer(await context.token('citizen')), ...json };
      let next = 0;
      return {
        next: () => ({
          method: 'POST',
          path: `/tickets/${ids[Math.floor(next++ / FILES_PER_TICKET) % ids.length]}/attachments`,
          headers,
          body: JSON.stringify({ fileName: 'screen.png', contentType: 'image/png', size: 48_213 }),
        }),
      };
    },
  },
  {
    // An agent downloads a clean file: the API answers with the link, the browser fetches it from S3.
    name: 'download (presign)',
    targets: { maxDynamoDbRequests: REQUESTS.download, maxOverheadP50Ms: OVERHEAD_P50_MS },
    prepare: async (context) => {
      const { ticketId, attachmentId } = await ticketWithCleanFile(context);
      const headers = { ...bearer(await context.token('agent')), accept: 'application/json' };
      return { next: () => ({ method: 'GET', path: `/tickets/${ticketId}/attachments/${attachmentId}`, headers }) };
    },
  },
  {
    name: 'topics',
    targets: { maxOverheadP50Ms: OVERHEAD_P50_MS },
    prepare: async () => ({ next: () => ({ method: 'GET', path: '/topics' }) }),
  },
  {
    name: 'openapi',
    targets: { maxDynamoDbRequests: 0 },
    prepare: async () => ({ next: () => ({ method: 'GET', path: '/openapi.json' }) }),
  },
];
